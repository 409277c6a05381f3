package org.fupin.housing.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.fupin.program.api.ProgramDemo;
import org.fupin.registry.model.DangerGrade;
import org.fupin.registry.model.Household;
import org.osgi.service.component.annotations.Component;

/**
 * 农村危房改造 in the demo county: the housing bureau assessed, in 2024 and 2025, every house the register marks
 * dangerous (grade C or D) and some of the others; the priority households living in C and D houses applied over
 * 2024–2026 and went through the three notices, the agreement, construction, acceptance and payment, some objected to
 * or rejected, the latest still on notice or being built. Everything follows from the households and the random.
 */
@Component(service = ProgramDemo.class, property = ProgramDemo.PROGRAM + "=" + HousingRules.ID)
public final class HousingDemo implements ProgramDemo {
    static final int MAX_CASES = 150;
    private static final LocalDate FIRST_ASSESSMENT = LocalDate.of(2024, 3, 1);

    @Override
    public Map<String, Map<String, Object>> householdFields(List<Household> households, Random random,
            LocalDate today) {
        Map<String, Map<String, Object>> assessed = new LinkedHashMap<>();
        for (Household household : households) {
            DangerGrade registered = household.housing() == null ? null : household.housing().dangerGrade();
            boolean dangerous = registered == DangerGrade.C || registered == DangerGrade.D;
            // every dangerous house, and one in twenty of the others, were assessed
            if (registered == null || registered == DangerGrade.NOT_ASSESSED || !dangerous && random.nextInt(20) > 0) {
                continue;
            }
            LocalDate on = FIRST_ASSESSMENT.plusDays(random.nextInt(600));
            if (on.isAfter(today)) {
                on = today;
            }
            assessed.put(household.id(), Map.of(HousingRules.SAFETY_GRADE, registered.name(),
                    HousingRules.ID + ".assessedOn", on.toString()));
        }
        return assessed;
    }

    @Override
    public List<Case> cases(List<Candidate> candidates, Random random, LocalDate today) {
        List<Case> cases = new ArrayList<>();
        // spread over the whole county: every n-th candidate in village order
        int step = Math.max(1, candidates.size() / MAX_CASES);
        for (int i = 0; i < candidates.size() && cases.size() < MAX_CASES; i += step) {
            cases.add(story(candidates.get(i).household(), random, today));
        }
        cases.sort(Comparator.comparing(Case::filedOn));
        return cases;
    }

    private static Case story(Household household, Random random, LocalDate today) {
        String grade = HousingRules.assessedGrade(household);
        boolean rebuild = "D".equals(grade);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(HousingRules.GROUP, PriorityGroup.of(household).get(0).name());
        data.put(HousingRules.GRADE, grade);
        data.put(HousingRules.TYPE, rebuild ? HousingRules.REBUILD : HousingRules.REPAIR);
        BigDecimal area = null;
        if (rebuild) {
            FloorArea allowed = FloorArea.forHousehold(household.members().size());
            area = BigDecimal.valueOf(allowed.min() + random.nextInt(allowed.max() - allowed.min() + 1));
            data.put(HousingRules.PLANNED_AREA, area);
        }
        // filed between the assessment and today, most in 2024 and 2025
        LocalDate assessed = LocalDate.parse((String) household.extensions().get(HousingRules.ID + ".assessedOn"));
        long span = Math.max(1, today.toEpochDay() - assessed.toEpochDay());
        LocalDate filed = assessed.plusDays(Math.min(span - 1, 10 + random.nextInt((int) Math.min(span, 700))));
        Timeline timeline = new Timeline(today);
        int roll = random.nextInt(100);
        LocalDate villageReview = filed.plusDays(3 + random.nextInt(8));
        timeline.add("village-review", villageReview, Map.of(), null);
        if (roll < 4) {
            timeline.add("object", villageReview.plusDays(2), Map.of(), "公示期间群众反映该户另有安全住房，退回核实");
            return new Case(household.id(), filed, data, timeline.actions());
        }
        if (roll < 8) {
            timeline.add("reject", villageReview.plusDays(9), Map.of(), "乡镇核实该户在集镇另有住房，不予通过");
            return new Case(household.id(), filed, data, timeline.actions());
        }
        LocalDate townshipReview = villageReview.plusDays(8 + random.nextInt(6));
        timeline.add("township-review", townshipReview, Map.of(), null);
        LocalDate countyApproval = townshipReview.plusDays(8 + random.nextInt(10));
        timeline.add("county-approve", countyApproval, Map.of(), null);
        LocalDate signed = countyApproval.plusDays(8 + random.nextInt(12));
        timeline.add("sign", signed, Map.of("agreementNumber", "WG-" + signed.getYear() + "-"
                + String.format("%04d", random.nextInt(10_000)), "signedOn", signed.toString()), null);
        LocalDate started = signed.plusDays(7 + random.nextInt(30));
        timeline.add("start", started, Map.of("startedOn", started.toString()), null);
        LocalDate accepted = started.plusDays((rebuild ? 90 : 30) + random.nextInt(60));
        Map<String, Object> acceptance = new LinkedHashMap<>();
        acceptance.put("acceptedOn", accepted.toString());
        acceptance.put("safeNow", true);
        if (area != null) {
            acceptance.put(HousingRules.ACTUAL_AREA, area);
        }
        timeline.add("accept", accepted, acceptance, null);
        LocalDate paid = accepted.plusDays(10 + random.nextInt(25));
        timeline.add("pay", paid, Map.of("voucher", "ZJBZ" + paid.getYear() + String.format("%05d",
                random.nextInt(100_000))), null);
        return new Case(household.id(), filed, data, timeline.actions());
    }
}
