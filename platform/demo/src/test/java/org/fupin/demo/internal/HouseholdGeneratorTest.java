package org.fupin.demo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.fupin.registry.model.AnnualIncome;
import org.fupin.registry.model.Cause;
import org.fupin.registry.model.DangerGrade;
import org.fupin.registry.model.HealthStatus;
import org.fupin.registry.model.Household;
import org.fupin.registry.model.HouseholdAttribute;
import org.fupin.registry.model.HouseholdStatus;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HouseholdGeneratorTest {
    static final LocalDate TODAY = LocalDate.of(2026, 6, 30);
    static final List<String> VILLAGES = VillageCodes.bundled("620502");

    /** A county's worth, as the demo loads: about 19,000 households. */
    private static List<Household> county;

    @BeforeAll
    static void generateCounty() {
        long started = System.nanoTime();
        county = new HouseholdGenerator(20140101L, TODAY).generate(VILLAGES, 19_000);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("generated 19,000 households (%d members) in %d ms%n", members().count(), millis);
    }

    private static Stream<Member> members() {
        return county.stream().flatMap(h -> h.members().stream());
    }

    private static int age(Member member) {
        return IdNumber.check(member.idNumber(), TODAY).number().ageOn(TODAY);
    }

    @Test
    void theSameSeedGivesTheSameHouseholds() {
        assertEquals(new HouseholdGenerator(5, TODAY).generate(VILLAGES, 300),
                new HouseholdGenerator(5, TODAY).generate(VILLAGES, 300));
    }

    @Test
    void anotherSeedGivesOtherHouseholds() {
        List<Household> five = new HouseholdGenerator(5, TODAY).generate(VILLAGES, 300);
        List<Household> six = new HouseholdGenerator(6, TODAY).generate(VILLAGES, 300);
        assertNotEquals(five, six);
        assertNotEquals(five.get(0).members().get(0).idNumber(), six.get(0).members().get(0).idNumber());
    }

    @Test
    void everyIdNumberIsValidAndAgreesWithTheMembersSex() {
        members().forEach(member -> {
            IdNumber.Check check = IdNumber.check(member.idNumber(), TODAY);
            assertTrue(check.valid(), () -> member.idNumber() + ": " + check.problem());
            assertEquals(member.idNumber(), check.number().value(), "stored normalised");
            assertEquals(member.sex(), check.number().sex(), member.idNumber());
        });
    }

    @Test
    void idNumbersAreUniqueAcross20000Households() {
        Set<String> seen = new HashSet<>();
        new HouseholdGenerator(99, TODAY).generate(VILLAGES, 20_000, household -> household.members()
                .forEach(member -> assertTrue(seen.add(member.idNumber()), () -> "repeated " + member.idNumber())));
        assertTrue(seen.size() > 80_000, "members: " + seen.size());
    }

    @Test
    void addressCodesAreTheCountyOrItsNeighbours() {
        Set<String> tianshui = Set.of("620502", "620503", "620521", "620522", "620523");
        long own = members().filter(m -> m.idNumber().startsWith("620502")).count();
        members().forEach(m -> assertTrue(tianshui.contains(m.idNumber().substring(0, 6)), m.idNumber()));
        assertTrue(own > 0.85 * members().count(), "own county: " + own);
    }

    @Test
    void everyHouseholdHasExactlyOneHeadAndOneToEightMembers() {
        for (Household household : county) {
            assertEquals(1, household.members().stream().filter(m -> m.relation() == Relation.HEAD).count());
            assertTrue(household.members().size() >= 1 && household.members().size() <= 8);
            assertEquals(Relation.HEAD, household.members().get(0).relation(), "the head comes first");
        }
    }

    @Test
    void namesAreUniqueWithinAHouseholdAndChildrenCarryTheFathersSurname() {
        for (Household household : county) {
            assertEquals(household.members().size(), household.members().stream().map(Member::name).distinct().count());
            Member head = household.head().orElseThrow();
            if (head.sex() == Sex.MALE) {
                household.members().stream()
                        .filter(m -> Set.of(Relation.SON, Relation.DAUGHTER, Relation.GRANDCHILD)
                                .contains(m.relation()))
                        .forEach(m -> assertEquals(head.name().charAt(0), m.name().charAt(0), m.name()));
            }
            household.members().forEach(m -> assertTrue(m.name().length() >= 2 && m.name().length() <= 3));
        }
    }

    @Test
    void relationsFitTheAgesAndSexes() {
        for (Household household : county) {
            Member head = household.head().orElseThrow();
            int headAge = age(head);
            assertTrue(headAge >= 28 && headAge <= 82, "head aged " + headAge);
            for (Member member : household.members()) {
                int age = age(member);
                String what = member.relation() + " aged " + age + ", head aged " + headAge;
                switch (member.relation()) {
                    case SPOUSE -> {
                        assertNotEquals(head.sex(), member.sex(), what);
                        assertTrue(Math.abs(age - headAge) <= 10, what);
                    }
                    case SON, DAUGHTER -> assertTrue(age >= headAge - 40 && age <= headAge - 18, what);
                    case SON_IN_LAW, DAUGHTER_IN_LAW -> assertTrue(age >= 20 && age <= headAge - 14, what);
                    case GRANDCHILD -> assertTrue(age <= headAge - 36, what);
                    case PARENT -> assertTrue(age >= headAge + 18 && age <= 95, what);
                    default -> assertTrue(age >= 0 && age <= 95, what);
                }
                switch (member.relation()) {
                    case SON, SON_IN_LAW -> assertEquals(Sex.MALE, member.sex(), what);
                    case DAUGHTER, DAUGHTER_IN_LAW -> assertEquals(Sex.FEMALE, member.sex(), what);
                    default -> { }
                }
            }
        }
    }

    @Test
    void nobodyInAHouseholdInExtremePovertySupportCanWork() {
        county.stream().filter(h -> h.attribute() == HouseholdAttribute.EXTREME_POVERTY_SUPPORT)
                .flatMap(h -> h.members().stream()).filter(m -> age(m) >= 16)
                .forEach(m -> assertTrue(m.labourAbility() == LabourAbility.LOST
                        || m.labourAbility() == LabourAbility.NONE, m::toString));
    }

    @Test
    void phonesAccountsAndPairingsLookReal() {
        for (Household household : county) {
            if (household.phone() != null) {
                assertTrue(household.phone().matches("1[358]\\d{9}"), household.phone());
            }
            if (household.bankName() != null) {
                assertTrue(household.bankAccount().matches("62\\d{17}"), household.bankAccount());
            }
            for (Pairing pairing : household.pairings()) {
                assertTrue(pairing.cadrePhone().matches("1[358]\\d{9}"), pairing::toString);
                assertTrue(pairing.cadreName().length() >= 2 && !pairing.cadreUnit().isEmpty()
                        && !pairing.cadrePost().isEmpty() && pairing.unitLevel() != null, pairing::toString);
                assertTrue(pairing.startDate().getYear() >= Math.max(2015, household.identifiedYear())
                        && pairing.startDate().isBefore(TODAY) && pairing.endDate() == null, pairing::toString);
            }
        }
        long cadres = county.stream().flatMap(h -> h.pairings().stream()).map(Pairing::cadrePhone).distinct().count();
        long paired = county.stream().filter(h -> !h.pairings().isEmpty()).count();
        assertTrue(paired > 2 * cadres, "a cadre is paired with several households: " + paired + " / " + cadres);
    }

    @Test
    void otherCausesAreAtMostTwoDistinctAndNotTheMainCause() {
        for (Household household : county) {
            List<Cause> others = household.otherCauses();
            assertTrue(others.size() <= 2, others::toString);
            assertEquals(others.size(), new HashSet<>(others).size(), others::toString);
            assertFalse(others.contains(household.mainCause()), others::toString);
        }
    }

    @Test
    void housingIsWithinTheFormsLimits() {
        for (Household household : county) {
            var housing = household.housing();
            assertTrue(housing.fuels().size() >= 1 && housing.fuels().size() <= 3, housing::toString);
            assertEquals(housing.fuels().size(), new HashSet<>(housing.fuels()).size(), housing::toString);
            assertTrue(housing.area().compareTo(BigDecimal.ZERO) >= 0
                    && housing.area().compareTo(BigDecimal.valueOf(200)) <= 0, housing::toString);
            assertEquals(2, housing.area().scale());
            if (housing.dangerGrade() == DangerGrade.C || housing.dangerGrade() == DangerGrade.D) {
                assertFalse(household.assurances().safeHousing(), household::toString);
            }
        }
    }

    @Test
    void exitedHouseholdsMostlyMeetEveryAssurance() {
        List<Household> exited = county.stream().filter(h -> h.status() == HouseholdStatus.EXITED).toList();
        double met = exited.stream().filter(h -> h.assurances().allMet()).count() / (double) exited.size();
        double poorMet = county.stream().filter(h -> h.status() == HouseholdStatus.POOR)
                .filter(h -> h.assurances().allMet()).count()
                / (double) county.stream().filter(h -> h.status() == HouseholdStatus.POOR).count();
        System.out.printf("all assurances met: exited %.3f, poor %.3f%n", met, poorMet);
        assertTrue(met >= 0.94, "exited: " + met);
        assertTrue(poorMet <= 0.8, "poor: " + poorMet);
    }

    @Test
    void serverManagedFieldsAreLeftToTheRegistry() {
        for (Household household : county) {
            assertNull(household.id());
            assertNull(household.version());
            assertNull(household.region());
            assertNull(household.createdAt());
            assertNull(household.updatedAt());
            household.members().forEach(m -> {
                assertNull(m.id());
                assertNull(m.birthDate());
                assertNull(m.age());
            });
            assertEquals(List.of(TODAY.getYear() - 2, TODAY.getYear() - 1),
                    household.incomes().stream().map(AnnualIncome::year).toList());
            for (AnnualIncome income : household.incomes()) {
                assertNull(income.total());
                assertNull(income.net());
                assertNull(income.perCapitaNet());
                Stream.of(income.wage(), income.business(), income.transfer(), income.property(),
                        income.productionCost()).forEach(amount -> {
                            assertEquals(2, amount.scale());
                            assertTrue(amount.signum() >= 0, income::toString);
                        });
            }
        }
    }

    @Test
    void disabilityCertificatesAreTheIdNumberWithCategoryAndGrade() {
        members().forEach(member -> {
            if (member.health() == HealthStatus.DISABLED) {
                String certificate = member.disabilityCertificate();
                assertEquals(20, certificate.length(), certificate);
                assertTrue(certificate.startsWith(member.idNumber()), certificate);
                assertTrue(certificate.charAt(18) >= '1' && certificate.charAt(18) <= '7', certificate);
                assertTrue(certificate.charAt(19) >= '1' && certificate.charAt(19) <= '4', certificate);
            } else {
                assertNull(member.disabilityCertificate());
            }
        });
    }

    @Test
    void schoolingFitsTheAge() {
        members().forEach(member -> {
            int age = age(member);
            Integer grade = member.schoolGrade();
            String what = member.schoolStatus() + " grade " + grade + " aged " + age;
            switch (member.schoolStatus()) {
                case PRESCHOOL -> assertTrue(age >= 3 && age <= 5, what);
                case PRIMARY -> assertEquals(age - 5, grade, what);
                case JUNIOR_SECONDARY -> assertTrue(age >= 12 && age <= 15 && grade >= 1 && grade <= 3, what);
                case SENIOR_SECONDARY -> assertTrue(age >= 15 && age <= 18 && grade >= 1 && grade <= 3, what);
                case SECONDARY_VOCATIONAL -> assertTrue(age >= 15 && age <= 17 && grade == null, what);
                case HIGHER_VOCATIONAL, UNDERGRADUATE -> assertTrue(age >= 18 && age <= 22 && grade == null, what);
                case NOT_IN_SCHOOL -> {
                    assertNull(grade, what);
                    if (age >= 6 && age <= 15) {
                        assertTrue(member.health() == HealthStatus.DISABLED
                                || member.health() == HealthStatus.SERIOUS_ILLNESS, "out of school: " + what);
                    }
                }
            }
        });
    }

    @Test
    void workIsForAdultsOutOfSchool() {
        members().forEach(member -> {
            int age = age(member);
            if (age < 16 || (member.schoolStatus() != SchoolStatus.NOT_IN_SCHOOL)) {
                assertNull(member.workStatus());
                assertNull(member.workMonths());
            } else {
                assertTrue(member.workMonths() >= 0 && member.workMonths() <= 12, member::toString);
                assertEquals(member.workStatus() == WorkStatus.NOT_WORKING, member.workMonths() == 0,
                        member::toString);
            }
        });
    }

    @Test
    void householdsAreSpreadUnevenlyOverEveryVillage() {
        Map<String, Integer> perVillage = new TreeMap<>();
        county.forEach(h -> perVillage.merge(h.villageCode(), 1, Integer::sum));
        assertEquals(Set.copyOf(VILLAGES), perVillage.keySet());
        int fewest = perVillage.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
        int most = perVillage.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        assertTrue(most >= 3 * fewest, "fewest " + fewest + ", most " + most);
        county.forEach(h -> assertTrue(h.villageGroup().matches("[一二三四五六七八]组"), h.villageGroup()));
    }

    @Test
    void meanHouseholdSizeIsAboutFourAndAHalf() {
        double mean = members().count() / (double) county.size();
        assertTrue(mean >= 4.2 && mean <= 4.8, "mean size " + mean);
    }

    static Stream<Arguments> shares() {
        return Stream.of(
                share("main cause 因病", h -> h.mainCause() == Cause.ILLNESS, 0.25, 0.35),
                share("main cause 缺技术", h -> h.mainCause() == Cause.LACK_OF_SKILLS, 0.12, 0.18),
                share("main cause 因学", h -> h.mainCause() == Cause.EDUCATION, 0.05, 0.09),
                share("一般贫困户", h -> h.attribute() == HouseholdAttribute.GENERAL, 0.66, 0.74),
                share("低保贫困户", h -> h.attribute() == HouseholdAttribute.SUBSISTENCE_ALLOWANCE, 0.21, 0.27),
                share("特困供养贫困户", h -> h.attribute() == HouseholdAttribute.EXTREME_POVERTY_SUPPORT, 0.045, 0.075),
                share("已脱贫", h -> h.status() == HouseholdStatus.EXITED, 0.83, 0.89),
                share("未脱贫", h -> h.status() == HouseholdStatus.POOR, 0.02, 0.04),
                share("国家标准", h -> h.identificationStandard() == IdentificationStandard.NATIONAL, 0.85, 0.97),
                share("identified in 2014", h -> h.identifiedYear() == 2014, 0.65, 0.75),
                share("回族", h -> "03".equals(h.members().get(0).ethnicity()), 0.06, 0.10),
                share("a paired cadre", h -> !h.pairings().isEmpty(), 0.92, 0.98),
                share("house graded C or D", h -> h.housing().dangerGrade() == DangerGrade.C
                        || h.housing().dangerGrade() == DangerGrade.D, 0.02, 0.10),
                share("tap water", h -> h.housing().water() == WaterSource.TAP, 0.80, 0.95),
                share("all assurances met", h -> h.assurances().allMet(), 0.85, 0.97),
                share("an ill member when poor because of illness", h -> h.mainCause() != Cause.ILLNESS
                        || h.members().stream().anyMatch(m -> m.health() == HealthStatus.CHRONIC_ILLNESS
                                || m.health() == HealthStatus.SERIOUS_ILLNESS), 1, 1),
                share("a disabled member when poor because of disability", h -> h.mainCause() != Cause.DISABILITY
                        || h.members().stream().anyMatch(m -> m.health() == HealthStatus.DISABLED), 1, 1),
                share("a student in 高中/中职/高职/本科", h -> h.members().stream().anyMatch(m -> Set.of(
                        SchoolStatus.SENIOR_SECONDARY, SchoolStatus.SECONDARY_VOCATIONAL,
                        SchoolStatus.HIGHER_VOCATIONAL, SchoolStatus.UNDERGRADUATE).contains(m.schoolStatus())),
                        0.10, 0.40));
    }

    private static Arguments share(String what, Predicate<Household> which, double low, double high) {
        return Arguments.of(what, which, low, high);
    }

    @ParameterizedTest(name = "{0}: {2}–{3}")
    @MethodSource("shares")
    void distributionsLandNearTheTargets(String what, Predicate<Household> which, double low, double high) {
        double share = county.stream().filter(which).count() / (double) county.size();
        System.out.printf("%s: %.3f%n", what, share);
        assertTrue(share >= low && share <= high, what + ": " + share);
    }

    @Test
    void incomesAreAroundEightThousandPerPersonAndBelowTheLineForThePoor() {
        List<Double> perPerson = new ArrayList<>();
        for (Household household : county) {
            double net = perPersonNet(household);
            perPerson.add(net);
            switch (household.status()) {
                case POOR, RETURNED -> assertTrue(net < 4000, household.status() + " " + net);
                case NEAR_POOR -> assertTrue(net >= 3990 && net <= 5810, "边缘户 " + net);
                case EXITED, MONITORED -> assertTrue(net > 4100, household.status() + " " + net);
                default -> { }
            }
        }
        perPerson.sort(null);
        double median = perPerson.get(perPerson.size() / 2);
        System.out.printf("net income per person: median %.0f, 10%% %.0f, 90%% %.0f%n", median,
                perPerson.get(perPerson.size() / 10), perPerson.get(perPerson.size() * 9 / 10));
        assertTrue(median >= 7000 && median <= 9000, "median " + median);
    }

    /** The registry's 人均纯收入 of the latest year: (wage + business + transfer + property − costs) / size. */
    private static double perPersonNet(Household household) {
        AnnualIncome latest = household.incomes().get(household.incomes().size() - 1);
        BigDecimal net = latest.wage().add(latest.business()).add(latest.transfer()).add(latest.property())
                .subtract(latest.productionCost());
        return net.divide(BigDecimal.valueOf(household.members().size()), 2, RoundingMode.HALF_UP).doubleValue();
    }

    @Test
    void rejectsWhatItCannotModel() {
        HouseholdGenerator generator = new HouseholdGenerator(1, TODAY);
        assertThrows(IllegalArgumentException.class, () -> generator.next("6205021012"));
        assertThrows(IllegalArgumentException.class, () -> generator.generate(List.of(), 1));
        assertThrows(IllegalArgumentException.class, () -> new HouseholdGenerator(1, LocalDate.of(2019, 1, 1)));
        assertEquals(List.of(), generator.generate(List.of(), 0));
    }
}
