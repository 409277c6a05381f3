package org.fupin.registry.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.fupin.registry.model.AnnualIncome;
import org.fupin.registry.model.Assurances;
import org.fupin.registry.model.CadreUnitLevel;
import org.fupin.registry.model.Cause;
import org.fupin.registry.model.DangerGrade;
import org.fupin.registry.model.Education;
import org.fupin.registry.model.Fuel;
import org.fupin.registry.model.HealthStatus;
import org.fupin.registry.model.HouseStructure;
import org.fupin.registry.model.Household;
import org.fupin.registry.model.HouseholdAttribute;
import org.fupin.registry.model.Housing;
import org.fupin.registry.model.IdNumber;
import org.fupin.registry.model.IdentificationStandard;
import org.fupin.registry.model.LabourAbility;
import org.fupin.registry.model.Member;
import org.fupin.registry.model.Pairing;
import org.fupin.registry.model.Relation;
import org.fupin.registry.model.SchoolStatus;
import org.fupin.registry.model.Sex;
import org.fupin.registry.model.WaterSource;
import org.fupin.registry.model.WorkStatus;

/** Realistic households for tests: 秦州区 villages, valid ID numbers. */
final class Samples {
    /** 秦州区 大城街道 … the first village of 620502 by code. */
    static final String VILLAGE = "620502001001";
    static final String OTHER_VILLAGE = "620502001002";

    private Samples() {
    }

    /** A valid ID number for a birth date and sequence (odd last sequence digit = male). */
    static String id(String address, LocalDate born, int sequence) {
        String body = address + born.toString().replace("-", "") + String.format("%03d", sequence);
        return body + IdNumber.checkCharacter(body);
    }

    static Member member(String name, Sex sex, Relation relation, String idNumber) {
        return new Member(null, name, sex, idNumber, relation, "01", Education.JUNIOR_SECONDARY,
                SchoolStatus.NOT_IN_SCHOOL, null, HealthStatus.HEALTHY, null, LabourAbility.ORDINARY,
                WorkStatus.IN_PROVINCE, 8, false, true, true, null, null);
    }

    /** A household of four headed by 王建国, unique by {@code n}. */
    static Household household(int n) {
        return household(VILLAGE, n);
    }

    static Household household(String village, int n) {
        var members = List.of(
                member("王建国", Sex.MALE, Relation.HEAD, id("620502", LocalDate.of(1970, 3, 1), 2 * n % 1000 + 1)),
                member("李秀英", Sex.FEMALE, Relation.SPOUSE, id("620502", LocalDate.of(1972, 5, 9), 2 * n % 1000)),
                member("王小明", Sex.MALE, Relation.SON, id("620502", LocalDate.of(2005, 9, 1), 2 * n % 1000 + 1)),
                member("王小红", Sex.FEMALE, Relation.DAUGHTER, id("620502", LocalDate.of(2010, 1, 20), 2 * n % 1000)));
        return new Household(null, null, village, "三组", "13912345678", "甘肃省农村信用社", "6228480012345678901",
                IdentificationStandard.NATIONAL, HouseholdAttribute.GENERAL, Cause.ILLNESS,
                List.of(Cause.LACK_OF_SKILLS), null, 2014, members,
                List.of(new AnnualIncome(2024, new BigDecimal("12000"), new BigDecimal("3000.50"),
                        new BigDecimal("2400"), BigDecimal.ZERO, new BigDecimal("1200"), null, null, null)),
                new Housing(new BigDecimal("96.5"), HouseStructure.BRICK_CONCRETE, 2016, DangerGrade.A, true,
                        WaterSource.TAP, List.of(Fuel.COAL, Fuel.FIREWOOD)),
                new Assurances(true, true, true, true, true, true),
                List.of(new Pairing("赵刚", "秦州区教育局", "科员", "13800001111", CadreUnitLevel.COUNTY,
                        LocalDate.of(2016, 4, 1), null)),
                Map.of(), null, null, null);
    }
}
