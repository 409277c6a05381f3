package org.fupin.demo.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.fupin.registry.model.AnnualIncome;
import org.fupin.registry.model.Assurances;
import org.fupin.registry.model.Cause;
import org.fupin.registry.model.HealthStatus;
import org.fupin.registry.model.Household;
import org.fupin.registry.model.HouseholdAttribute;
import org.fupin.registry.model.HouseholdStatus;
import org.fupin.registry.model.Housing;
import org.fupin.registry.model.IdentificationStandard;
import org.fupin.registry.model.Member;
import org.fupin.registry.model.Pairing;
import org.fupin.registry.model.SchoolStatus;
import org.fupin.registry.model.Sex;

/**
 * Generates realistic registered poor households (建档立卡户) as the registry holds them after the 2020 exit, with
 * the distributions of a county in the loess hills of eastern Gansu (甘肃 天水 秦州区).
 *
 * <p>Deterministic: the same seed, date and calls give the same households. ID numbers never repeat among the
 * households of one generator. Server-managed fields (ids, versions, region, timestamps, members' birth dates
 * and ages, income totals) are left null. Not thread-safe.
 */
public final class HouseholdGenerator {
    /** The counties of 天水 whose people marry into each other's villages. */
    private static final List<String> TIANSHUI_COUNTIES = List.of("620502", "620503", "620521", "620522", "620523");

    private static final Weighted<HouseholdAttribute> ATTRIBUTES = Weighted.<HouseholdAttribute>builder()
            .add(HouseholdAttribute.GENERAL, 70).add(HouseholdAttribute.SUBSISTENCE_ALLOWANCE, 24)
            .add(HouseholdAttribute.EXTREME_POVERTY_SUPPORT, 6).build();
    private static final Weighted<IdentificationStandard> STANDARDS = Weighted.<IdentificationStandard>builder()
            .add(IdentificationStandard.NATIONAL, 92).add(IdentificationStandard.PROVINCIAL, 6)
            .add(IdentificationStandard.MUNICIPAL, 2).build();
    private static final Weighted<Cause> CAUSES = Weighted.<Cause>builder()
            .add(Cause.ILLNESS, 30).add(Cause.LACK_OF_SKILLS, 15).add(Cause.LACK_OF_FUNDS, 14)
            .add(Cause.LACK_OF_LABOUR, 12).add(Cause.DISABILITY, 8).add(Cause.EDUCATION, 7)
            .add(Cause.LACK_OF_MOTIVATION, 4).add(Cause.LACK_OF_LAND, 3).add(Cause.DISASTER, 2)
            .add(Cause.POOR_TRANSPORT, 2).add(Cause.LACK_OF_WATER, 2).add(Cause.OTHER, 1).build();
    private static final Weighted<Integer> OTHER_CAUSE_COUNTS = Weighted.<Integer>builder()
            .add(0, 35).add(1, 40).add(2, 25).build();
    private static final Weighted<HouseholdStatus> STATUSES = Weighted.<HouseholdStatus>builder()
            .add(HouseholdStatus.EXITED, 86).add(HouseholdStatus.MONITORED, 5).add(HouseholdStatus.NEAR_POOR, 4)
            .add(HouseholdStatus.POOR, 3).add(HouseholdStatus.RETURNED, 2).build();
    private static final Weighted<Integer> IDENTIFIED_YEARS = Weighted.<Integer>builder()
            .add(2014, 70).add(2015, 8).add(2016, 7).add(2017, 6).add(2018, 5).add(2019, 4).build();
    private static final Weighted<Integer> SIZES = Weighted.<Integer>builder()
            .add(1, 3).add(2, 9).add(3, 14).add(4, 20).add(5, 22).add(6, 17).add(7, 10).add(8, 5).build();
    /** 特困供养: old or disabled people without anyone obliged to support them, mostly living alone. */
    private static final Weighted<Integer> SIZES_IN_EXTREME_POVERTY_SUPPORT = Weighted.<Integer>builder()
            .add(1, 80).add(2, 20).build();

    private record AgeBand(int from, int to) {
    }

    private static final Weighted<AgeBand> HEAD_AGES = Weighted.<AgeBand>builder()
            .add(new AgeBand(28, 34), 8).add(new AgeBand(35, 44), 22).add(new AgeBand(45, 54), 30)
            .add(new AgeBand(55, 64), 24).add(new AgeBand(65, 80), 16).build();

    private final long seed;
    private final LocalDate today;
    private final SplittableRandom random;
    private final IdNumberAllocator idNumbers;
    private final Cadres cadres;

    /**
     * @param seed  the same seed gives the same households
     * @param today the date ages are counted to; incomes are for the two years before it (2021 or later: the
     *              generator models the registry after the 2020 exit)
     */
    public HouseholdGenerator(long seed, LocalDate today) {
        if (today.getYear() < 2021) {
            throw new IllegalArgumentException("today must be in 2021 or later, after the 2020 exit: " + today);
        }
        this.seed = seed;
        this.today = today;
        this.random = new SplittableRandom(seed);
        this.idNumbers = new IdNumberAllocator(today, random);
        this.cadres = new Cadres(seed);
    }

    /** {@code households} households spread unevenly over the villages, village by village in the given order. */
    public List<Household> generate(List<String> villageCodes, int households) {
        List<Household> generated = new ArrayList<>(households);
        generate(villageCodes, households, generated::add);
        return generated;
    }

    /** As {@link #generate(List, int)}, handing each household to {@code sink} as it is made, for large sets. */
    public void generate(List<String> villageCodes, int households, Consumer<? super Household> sink) {
        int[] counts = spread(villageCodes, households);
        for (int i = 0; i < counts.length; i++) {
            for (int n = 0; n < counts[i]; n++) {
                sink.accept(next(villageCodes.get(i)));
            }
        }
    }

    /** One household of the village with this 12-digit code. */
    public Household next(String villageCode) {
        Village village = Village.of(seed, villageCode);
        HouseholdTraits traits = traits();
        boolean supported = traits.attribute() == HouseholdAttribute.EXTREME_POVERTY_SUPPORT;
        int size = (supported ? SIZES_IN_EXTREME_POVERTY_SUPPORT : SIZES).pick(random);
        List<Kin> family = FamilyComposer.compose(random, size, headAge(size, traits), headSex(size));
        List<Member> members = members(village, traits, family);
        int lastYear = today.getYear() - 1;
        Housing housing = Dwellings.housing(random, size, traits, lastYear);
        List<AnnualIncome> incomes = Incomes.incomes(random, lastYear, traits, family, members);
        int identifiedYear = IDENTIFIED_YEARS.pick(random);
        List<Pairing> pairings = random.nextDouble() < 0.95
                ? List.of(cadres.pairing(random, village, identifiedYear)) : List.of();
        String phone = random.nextDouble() < 0.88 ? Contacts.mobile(random) : null;
        Contacts.Bank bank = random.nextDouble() < 0.97 ? Contacts.bank(random) : null;
        return new Household(null, null, villageCode, village.group(random), phone,
                bank == null ? null : bank.name(), bank == null ? null : Contacts.account(random, bank),
                STANDARDS.pick(random), traits.attribute(), traits.mainCause(), traits.otherCauses(), traits.status(),
                identifiedYear, members, incomes, housing, assurances(traits, family, members, housing), pairings,
                Map.of(), null, null, null);
    }

    private HouseholdTraits traits() {
        Cause main = CAUSES.pick(random);
        List<Cause> others = CAUSES.pickDistinct(random, OTHER_CAUSE_COUNTS.pick(random), List.of(main));
        String ethnicity = random.nextDouble() < 0.08 ? "03" : "01"; // 汉族, or 回族 for about 8 %
        return new HouseholdTraits(ATTRIBUTES.pick(random), STATUSES.pick(random), main, others, ethnicity);
    }

    private int headAge(int size, HouseholdTraits traits) {
        if (size == 1 || traits.attribute() == HouseholdAttribute.EXTREME_POVERTY_SUPPORT) {
            return random.nextDouble() < 0.75 ? random.nextInt(60, 83) : random.nextInt(35, 60);
        }
        if (traits.mainCause() == Cause.EDUCATION) {
            return random.nextInt(38, 56); // children in senior school or college
        }
        if (traits.mainCause() == Cause.LACK_OF_LABOUR && random.nextDouble() < 0.6) {
            return random.nextInt(58, 81);
        }
        AgeBand band = HEAD_AGES.pick(random);
        return random.nextInt(band.from(), band.to() + 1);
    }

    private Sex headSex(int size) {
        return random.nextDouble() < (size == 1 ? 0.35 : 0.08) ? Sex.FEMALE : Sex.MALE;
    }

    private List<Member> members(Village village, HouseholdTraits traits, List<Kin> family) {
        List<HealthStatus> health = new ArrayList<>(family.size());
        for (Kin kin : family) {
            health.add(MemberProfiles.health(random, kin.age(), traits));
        }
        makeCauseVisible(traits, family, health);
        boolean hui = "03".equals(traits.ethnicity());
        Kin head = family.get(0);
        String headSurname = Names.surname(random, hui);
        String familySurname = head.sex() == Sex.MALE ? headSurname : Names.surname(random, hui);
        Set<String> names = new HashSet<>();
        List<Member> members = new ArrayList<>(family.size());
        for (int i = 0; i < family.size(); i++) {
            Kin kin = family.get(i);
            String surname = switch (kin.surname()) {
                case HEAD -> headSurname;
                case FAMILY -> familySurname;
                case OWN -> Names.surname(random, hui);
            };
            String name;
            do {
                name = surname + Names.givenName(random, kin.sex(), today.getYear() - kin.age());
            } while (!names.add(name));
            String idNumber = idNumbers.allocate(addressCode(village, kin), kin.age(), kin.sex());
            members.add(MemberProfiles.member(random, kin, name, idNumber, health.get(i), traits));
        }
        return members;
    }

    /** A household poor because of illness or disability has at least one ill or disabled member. */
    private void makeCauseVisible(HouseholdTraits traits, List<Kin> family, List<HealthStatus> health) {
        if (traits.mainCause() == Cause.ILLNESS && !health.contains(HealthStatus.CHRONIC_ILLNESS)
                && !health.contains(HealthStatus.SERIOUS_ILLNESS)) {
            health.set(adult(family), random.nextDouble() < 0.65 ? HealthStatus.CHRONIC_ILLNESS
                    : HealthStatus.SERIOUS_ILLNESS);
        }
        if (traits.mainCause() == Cause.DISABILITY && !health.contains(HealthStatus.DISABLED)) {
            health.set(random.nextInt(family.size()), HealthStatus.DISABLED);
        }
    }

    /** The index of a random adult member; the head is always one. */
    private int adult(List<Kin> family) {
        List<Integer> adults = new ArrayList<>();
        for (int i = 0; i < family.size(); i++) {
            if (family.get(i).age() >= 18) {
                adults.add(i);
            }
        }
        return adults.get(random.nextInt(adults.size()));
    }

    /** The county of issue: mostly the village's own; people who married in often come from a neighbouring one. */
    private String addressCode(Village village, Kin kin) {
        String own = village.countyCode();
        double marriedIn = kin.surname() == Kin.Surname.OWN ? 0.3 : 0.03;
        if (!TIANSHUI_COUNTIES.contains(own) || random.nextDouble() >= marriedIn) {
            return own;
        }
        String other = TIANSHUI_COUNTIES.get(random.nextInt(TIANSHUI_COUNTIES.size() - 1));
        return other.equals(own) ? TIANSHUI_COUNTIES.get(TIANSHUI_COUNTIES.size() - 1) : other;
    }

    private Assurances assurances(HouseholdTraits traits, List<Kin> family, List<Member> members, Housing housing) {
        boolean fed = !traits.inPoverty() || random.nextDouble() >= 0.05;
        boolean clothed = !traits.inPoverty() || random.nextDouble() >= 0.05;
        boolean schooled = true;
        for (int i = 0; i < members.size(); i++) {
            Member member = members.get(i);
            int age = family.get(i).age();
            boolean exempt = member.health() == HealthStatus.SERIOUS_ILLNESS
                    || member.health() == HealthStatus.DISABLED;
            if (age >= 6 && age <= 15 && member.schoolStatus() == SchoolStatus.NOT_IN_SCHOOL && !exempt) {
                schooled = false;
            }
        }
        boolean insured = members.stream().allMatch(Member::medicalInsurance);
        return new Assurances(fed, clothed, schooled, insured, Dwellings.safe(housing), Dwellings.safeWater(housing));
    }

    /**
     * How many households each village gets: in proportion to its relative size, rounded so that the running total
     * stays exact.
     */
    private int[] spread(List<String> villageCodes, int households) {
        if (households < 0) {
            throw new IllegalArgumentException("households must not be negative: " + households);
        }
        if (households > 0 && villageCodes.isEmpty()) {
            throw new IllegalArgumentException("no villages to put households in");
        }
        double[] cumulative = new double[villageCodes.size()];
        double total = 0;
        for (int i = 0; i < cumulative.length; i++) {
            total += Village.of(seed, villageCodes.get(i)).relativeSize();
            cumulative[i] = total;
        }
        int[] counts = new int[cumulative.length];
        long placed = 0;
        for (int i = 0; i < counts.length; i++) {
            long upTo = i == counts.length - 1 ? households : Math.round(cumulative[i] / total * households);
            counts[i] = (int) (upTo - placed);
            placed = upTo;
        }
        return counts;
    }
}
