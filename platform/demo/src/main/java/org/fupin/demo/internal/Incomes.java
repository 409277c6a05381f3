package org.fupin.demo.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;

import org.fupin.registry.model.AnnualIncome;
import org.fupin.registry.model.HouseholdAttribute;
import org.fupin.registry.model.LabourAbility;
import org.fupin.registry.model.Member;
import org.fupin.registry.model.WorkStatus;

/**
 * Household incomes of the last two years, built up from the members: wages of those who work away by months and
 * distance, farming by the labour at home, 低保/特困 support and pensions, small property income. The result is
 * then scaled into the band the household's status implies: below the poverty line (about 4,000 yuan net per
 * person) for the poor and returned, just above it for 边缘户, comfortably above it for the exited.
 */
final class Incomes {
    private static final double POVERTY_LINE = 4000;

    /** One year's amounts in yuan; {@code farming} is the net business income, before production costs. */
    private record Amounts(double wage, double farming, double transfer, double property) {
        double net() {
            return wage + farming + transfer + property;
        }

        Amounts times(double factor) {
            return new Amounts(wage * factor, farming * factor, transfer * factor, property * factor);
        }
    }

    private Incomes() {
    }

    /** Two years, the earlier first; totals are left to the registry. */
    static List<AnnualIncome> incomes(SplittableRandom random, int lastYear, HouseholdTraits traits, List<Kin> family,
            List<Member> members) {
        Amounts earned = earned(random, traits, family, members);
        double perPerson = earned.net() / members.size();
        Amounts last = earned.times(inStatusBand(random, traits, perPerson) / perPerson);
        double lastPerPerson = last.net() / members.size();
        double change = switch (traits.status()) {
            // Fell back in the last year from above the line.
            case RETURNED -> Math.max(1.15 + random.nextDouble() * 0.25, (POVERTY_LINE + 100) / lastPerPerson);
            default -> 1 / (1.02 + random.nextDouble() * 0.1);
        };
        double costShare = 0.25 + random.nextDouble() * 0.25; // seed, fertiliser, machinery of the farming income
        return List.of(income(lastYear - 1, last.times(change), costShare), income(lastYear, last, costShare));
    }

    private static Amounts earned(SplittableRandom random, HouseholdTraits traits, List<Kin> family,
            List<Member> members) {
        double wage = 0;
        double farming = 1000 + random.nextDouble() * 3000; // the household's fields, whoever works them
        double transfer = 300 + random.nextDouble() * 1200; // 耕地地力保护补贴, 生态补偿 and the like
        for (int i = 0; i < members.size(); i++) {
            Member member = members.get(i);
            if (member.workStatus() != null && member.workStatus() != WorkStatus.NOT_WORKING) {
                wage += member.workMonths() * monthlyPay(member.workStatus()) * (0.6 + random.nextDouble() * 0.5);
            } else if (member.labourAbility() == LabourAbility.ORDINARY
                    || member.labourAbility() == LabourAbility.SKILLED) {
                farming += 1500 + random.nextDouble() * 4000;
                wage += random.nextDouble() * 2500; // day labour near home
            }
            if (member.subsistenceAllowance()) {
                transfer += 1500 + random.nextDouble() * 3000;
            }
            if (member.pensionInsurance() && family.get(i).age() >= 60) {
                transfer += 1300 + random.nextDouble() * 600; // the basic rural pension, about 110–160 a month
            }
        }
        if (traits.attribute() == HouseholdAttribute.EXTREME_POVERTY_SUPPORT) {
            transfer += members.size() * (6000 + random.nextDouble() * 2000); // 特困供养金
        }
        double property = random.nextDouble() * 1500; // land rent, 光伏 and 资产收益 dividends
        return new Amounts(wage, farming, transfer, property);
    }

    private static double monthlyPay(WorkStatus work) {
        return switch (work) {
            case OUT_OF_PROVINCE -> 4200;
            case IN_PROVINCE -> 3400;
            case IN_COUNTY -> 2800;
            case IN_TOWNSHIP, NOT_WORKING -> 2300;
        };
    }

    /** The net income per person the household's status allows: as earned when it fits, else drawn in the band. */
    private static double inStatusBand(SplittableRandom random, HouseholdTraits traits, double perPerson) {
        return switch (traits.status()) {
            case POOR -> perPerson < 3950 ? Math.max(perPerson, 2000) : uniform(random, 2600, 3950);
            case RETURNED -> perPerson < 3950 ? Math.max(perPerson, 2500) : uniform(random, 3000, 3950);
            case NEAR_POOR -> perPerson >= 4000 && perPerson <= 5800 ? perPerson : uniform(random, 4000, 5600);
            case MONITORED -> perPerson >= 4300 && perPerson <= 8000 ? perPerson : uniform(random, 4300, 7000);
            default -> perPerson >= 4400 ? perPerson : uniform(random, 4400, 5500);
        };
    }

    private static AnnualIncome income(int year, Amounts amounts, double costShare) {
        double farmingGross = amounts.farming() / (1 - costShare);
        return new AnnualIncome(year, yuan(amounts.wage()), yuan(farmingGross), yuan(amounts.transfer()),
                yuan(amounts.property()), yuan(farmingGross - amounts.farming()), null, null, null);
    }

    private static double uniform(SplittableRandom random, double from, double to) {
        return from + random.nextDouble() * (to - from);
    }

    /** Whole yuan, as they are entered on the forms, with the registry's two decimals. */
    private static BigDecimal yuan(double amount) {
        return BigDecimal.valueOf(Math.round(amount)).setScale(2);
    }
}
