package org.fupin.demo.internal;

import java.util.SplittableRandom;

import org.fupin.registry.model.Cause;
import org.fupin.registry.model.Education;
import org.fupin.registry.model.HealthStatus;
import org.fupin.registry.model.HouseholdAttribute;
import org.fupin.registry.model.LabourAbility;
import org.fupin.registry.model.Member;
import org.fupin.registry.model.Relation;
import org.fupin.registry.model.SchoolStatus;
import org.fupin.registry.model.Sex;
import org.fupin.registry.model.WorkStatus;

/** Education, schooling, health, labour, migrant work and insurance of one member, by age and household. */
final class MemberProfiles {
    private static final Weighted<Integer> DISABILITY_CATEGORIES = Weighted.<Integer>builder()
            .add(1, 12).add(2, 15).add(3, 3).add(4, 40).add(5, 12).add(6, 10).add(7, 8).build(); // 4 = 肢体
    private static final Weighted<Integer> DISABILITY_GRADES = Weighted.<Integer>builder()
            .add(1, 15).add(2, 25).add(3, 30).add(4, 30).build();
    private static final Weighted<WorkStatus> WORK_PLACES = Weighted.<WorkStatus>builder()
            .add(WorkStatus.IN_TOWNSHIP, 12).add(WorkStatus.IN_COUNTY, 23).add(WorkStatus.IN_PROVINCE, 30)
            .add(WorkStatus.OUT_OF_PROVINCE, 35).build();

    private static final Weighted<Education> YOUNG_ADULTS = education(0, 10, 60, 30, 0);
    private static final Weighted<Education> ADULTS = education(3, 15, 50, 20, 12);
    private static final Weighted<Education> MIDDLE_AGED_MEN = education(10, 40, 38, 10, 2);
    private static final Weighted<Education> MIDDLE_AGED_WOMEN = education(30, 40, 25, 5, 0);
    private static final Weighted<Education> OLD_MEN = education(35, 45, 15, 5, 0);
    private static final Weighted<Education> OLD_WOMEN = education(75, 20, 5, 0, 0);

    private record School(SchoolStatus status, Integer grade) {
        boolean enrolled() {
            return status != SchoolStatus.NOT_IN_SCHOOL && status != SchoolStatus.PRESCHOOL;
        }
    }

    private MemberProfiles() {
    }

    /** Health by age; illness and disability are more frequent where they are a cause of the household's poverty. */
    static HealthStatus health(SplittableRandom random, int age, HouseholdTraits traits) {
        if (traits.attribute() == HouseholdAttribute.EXTREME_POVERTY_SUPPORT && age >= 16 && age < 60) {
            // 特困供养 below old age is for those who cannot work
            return random.nextDouble() < 0.7 ? HealthStatus.DISABLED : HealthStatus.SERIOUS_ILLNESS;
        }
        double chronic = age < 16 ? 0.02 : age < 45 ? 0.06 : age < 60 ? 0.18 : 0.35;
        double serious = age < 16 ? 0.005 : age < 45 ? 0.02 : age < 60 ? 0.04 : 0.05;
        double disabled = age < 16 ? 0.01 : age < 45 ? 0.04 : age < 60 ? 0.06 : 0.08;
        if (traits.hasCause(Cause.ILLNESS)) {
            chronic *= 1.6;
            serious *= 1.6;
        }
        if (traits.hasCause(Cause.DISABILITY)) {
            disabled *= 2;
        }
        double x = random.nextDouble();
        if (x < disabled) {
            return HealthStatus.DISABLED;
        }
        if (x < disabled + serious) {
            return HealthStatus.SERIOUS_ILLNESS;
        }
        return x < disabled + serious + chronic ? HealthStatus.CHRONIC_ILLNESS : HealthStatus.HEALTHY;
    }

    static Member member(SplittableRandom random, Kin kin, String name, String idNumber, HealthStatus health,
            HouseholdTraits traits) {
        int age = kin.age();
        boolean married = kin.relation() == Relation.SPOUSE || kin.relation() == Relation.DAUGHTER_IN_LAW
                || kin.relation() == Relation.SON_IN_LAW;
        School school = married ? new School(SchoolStatus.NOT_IN_SCHOOL, null)
                : school(random, age, health, traits.hasCause(Cause.EDUCATION));
        Education education = education(random, age, kin.sex(), school);
        Integer disabilityGrade = health == HealthStatus.DISABLED ? DISABILITY_GRADES.pick(random) : null;
        String certificate = disabilityGrade == null ? null
                : idNumber + DISABILITY_CATEGORIES.pick(random) + disabilityGrade;
        boolean supported = traits.attribute() == HouseholdAttribute.EXTREME_POVERTY_SUPPORT;
        LabourAbility labour = labour(random, age, health, disabilityGrade, education, school, supported);
        WorkStatus work = null;
        Integer workMonths = null;
        if (age >= 16 && !school.enrolled()) {
            work = works(random, age, kin.sex(), labour) ? WORK_PLACES.pick(random) : WorkStatus.NOT_WORKING;
            workMonths = work == WorkStatus.NOT_WORKING ? 0 : random.nextInt(3, 13);
        }
        boolean subsistence = random.nextDouble()
                < (traits.attribute() == HouseholdAttribute.SUBSISTENCE_ALLOWANCE ? 0.85 : 0.01);
        boolean medical = random.nextDouble() < (traits.inPoverty() ? 0.96 : 0.999);
        boolean pension = age >= 16 && !school.enrolled() && random.nextDouble() < (age >= 60 ? 0.97 : 0.9);
        return new Member(null, name, kin.sex(), idNumber, kin.relation(), traits.ethnicity(), education,
                school.status(), school.grade(), health, certificate, labour, work, workMonths, subsistence, medical,
                pension, null, null);
    }

    private static School school(SplittableRandom random, int age, HealthStatus health, boolean educationCosts) {
        if (age < 3) {
            return new School(SchoolStatus.NOT_IN_SCHOOL, null);
        }
        if (age < 6) {
            return new School(random.nextDouble() < 0.75 ? SchoolStatus.PRESCHOOL : SchoolStatus.NOT_IN_SCHOOL, null);
        }
        boolean unwell = health == HealthStatus.SERIOUS_ILLNESS || health == HealthStatus.DISABLED;
        if (age <= 15 && unwell && random.nextDouble() < 0.4) {
            return new School(SchoolStatus.NOT_IN_SCHOOL, null); // the health exemption from compulsory schooling
        }
        if (age <= 11) {
            return new School(SchoolStatus.PRIMARY, age - 5);
        }
        if (age <= 14) {
            return new School(SchoolStatus.JUNIOR_SECONDARY, age - 11);
        }
        if (age == 15 && random.nextDouble() < 0.3) {
            return new School(SchoolStatus.JUNIOR_SECONDARY, 3); // born after the school year's cut-off
        }
        // 15 is still compulsory schooling; after that some leave to work
        if (age <= 17 && (age == 15 || random.nextDouble() < (educationCosts ? 0.95 : 0.8))) {
            return random.nextDouble() < 0.55 ? new School(SchoolStatus.SENIOR_SECONDARY, age - 14)
                    : new School(SchoolStatus.SECONDARY_VOCATIONAL, null);
        }
        if (age == 18 && random.nextDouble() < 0.15) {
            return new School(SchoolStatus.SENIOR_SECONDARY, 3);
        }
        if (age >= 18 && age <= 21 && random.nextDouble() < (educationCosts ? 0.7 : 0.35)) {
            return new School(random.nextDouble() < 0.55 ? SchoolStatus.HIGHER_VOCATIONAL : SchoolStatus.UNDERGRADUATE,
                    null);
        }
        if (age == 22 && random.nextDouble() < 0.1) {
            return new School(SchoolStatus.UNDERGRADUATE, null);
        }
        return new School(SchoolStatus.NOT_IN_SCHOOL, null);
    }

    private static Education education(SplittableRandom random, int age, Sex sex, School school) {
        Education inSchool = switch (school.status()) {
            case PRIMARY -> Education.PRIMARY;
            case JUNIOR_SECONDARY -> Education.JUNIOR_SECONDARY;
            case SENIOR_SECONDARY, SECONDARY_VOCATIONAL -> Education.SENIOR_SECONDARY;
            case HIGHER_VOCATIONAL, UNDERGRADUATE -> Education.COLLEGE;
            case PRESCHOOL, NOT_IN_SCHOOL -> null;
        };
        if (inSchool != null) {
            return inSchool;
        }
        if (age < 6) {
            return null;
        }
        if (age < 16) {
            return Education.ILLITERATE; // out of school for health from the start
        }
        boolean male = sex == Sex.MALE;
        Weighted<Education> table = age < 22 ? YOUNG_ADULTS : age < 40 ? ADULTS
                : age < 60 ? (male ? MIDDLE_AGED_MEN : MIDDLE_AGED_WOMEN) : (male ? OLD_MEN : OLD_WOMEN);
        return table.pick(random);
    }

    private static LabourAbility labour(SplittableRandom random, int age, HealthStatus health, Integer disabilityGrade,
            Education education, School school, boolean supported) {
        if (age < 16 || school.enrolled()) {
            return LabourAbility.NONE;
        }
        boolean workingAge = age < 65;
        boolean unable = supported || switch (health) {
            case DISABLED -> disabilityGrade <= 2 || random.nextDouble() < 0.5;
            case SERIOUS_ILLNESS -> true;
            case CHRONIC_ILLNESS -> random.nextDouble() < 0.3;
            case HEALTHY -> false;
        };
        if (unable) {
            return workingAge ? LabourAbility.LOST : LabourAbility.NONE;
        }
        if (!workingAge || (age >= 60 && random.nextDouble() < 0.3)) {
            return LabourAbility.NONE;
        }
        double skilled = education.compareTo(Education.SENIOR_SECONDARY) >= 0 ? 0.35 : 0.1;
        return random.nextDouble() < skilled ? LabourAbility.SKILLED : LabourAbility.ORDINARY;
    }

    private static boolean works(SplittableRandom random, int age, Sex sex, LabourAbility labour) {
        if (labour != LabourAbility.ORDINARY && labour != LabourAbility.SKILLED) {
            return false;
        }
        double chance = age < 30 ? 0.7 : age < 50 ? 0.6 : 0.3;
        if (sex == Sex.FEMALE) {
            chance *= 0.65; // women more often stay to farm and care for children and the old
        }
        if (labour == LabourAbility.SKILLED) {
            chance = Math.min(1, chance * 1.2);
        }
        return random.nextDouble() < chance;
    }

    private static Weighted<Education> education(double illiterate, double primary, double junior, double senior,
            double college) {
        return Weighted.<Education>builder().add(Education.ILLITERATE, illiterate).add(Education.PRIMARY, primary)
                .add(Education.JUNIOR_SECONDARY, junior).add(Education.SENIOR_SECONDARY, senior)
                .add(Education.COLLEGE, college).build();
    }
}
