package org.fupin.pairing.internal;

import static org.fupin.pairing.internal.Fixtures.PAIRING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.fupin.plugin.testkit.Households;
import org.fupin.plugin.testkit.ProgramUnderTest;
import org.fupin.plugin.testkit.TestRuleContext;
import org.fupin.program.api.Field;
import org.fupin.program.api.Form;
import org.fupin.program.api.ProgramDemo;
import org.fupin.program.api.ProgramRecord;
import org.fupin.program.api.RecordType;
import org.fupin.program.api.RecordWrite;
import org.fupin.program.api.Transition;
import org.fupin.registry.model.Cause;
import org.fupin.registry.model.CadreUnitLevel;
import org.fupin.registry.model.Household;
import org.fupin.registry.model.HouseholdStatus;
import org.fupin.registry.model.IdNumber;
import org.fupin.registry.model.Member;
import org.fupin.registry.model.Pairing;
import org.fupin.registry.model.Region;
import org.fupin.registry.model.RegionLevel;
import org.fupin.registry.model.Relation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The demo on a county of 30 villages: the same on every run, nothing after today, and every record, step and plan
 * passing the forms, the rules, the workflow and the declared limits on its own day, as the platform takes them; and
 * what the reports are to show is there (villages all taken, a few households without a cadre, teams and members
 * short of their days, leaders seldom there, households not visited this year, plans in every stage).
 */
class PairingDemoTest {
    static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
    static final List<Household> HOUSEHOLDS = county();
    static List<ProgramDemo.RecordCase> records;
    static List<Simulated> kept;

    /** 30 villages in 4 townships, 25–54 households each, the poorer ones with up to 45 % not yet lifted out. */
    static List<Household> county() {
        List<Household> households = new ArrayList<>();
        Cause[] causes = Cause.values();
        int n = 0;
        for (int v = 0; v < 30; v++) {
            String township = "62050210" + (v % 4);
            String village = township + "2" + String.format("%02d", v);
            Region region = new Region(village, "第" + v + "村", RegionLevel.VILLAGE, township,
                    List.of("甘肃省", "天水市", "秦州区", "太京镇", "第" + v + "村"));
            int size = 25 + v * 7 % 30;
            for (int h = 0; h < size; h++, n++) {
                HouseholdStatus status = h * 20 < size * (v % 10) ? (h % 3 == 0 ? HouseholdStatus.MONITORED
                        : HouseholdStatus.POOR) : h % 17 == 0 ? HouseholdStatus.NEAR_POOR : HouseholdStatus.EXITED;
                Member head = Households.member("h" + n + "-1", "杨守田", 48).relation(Relation.HEAD).build();
                Member child = Households.member("h" + n + "-2", "杨小红", 12).relation(Relation.DAUGHTER).build();
                LocalDate paired = n % 50 == 0 ? LocalDate.of(2025, 5, 1) : LocalDate.of(2016, 5, 1);
                households.add(new Household("h" + n, 1L, village, "一组", null, null, null, null, null,
                        causes[n % causes.length], null, status, 2014, List.of(head, child), null, null, null,
                        List.of(new Pairing("王德胜", "秦州区教育局", "科员", "13893800000", CadreUnitLevel.COUNTY, paired,
                                null)), null, region, null, null));
            }
        }
        return households;
    }

    @BeforeAll
    static void simulate() {
        records = new PairingDemo().records(HOUSEHOLDS, new Random(620502), TODAY);
        kept = new Platform().take(records);
    }

    @Test
    void theSameSeedTellsTheSameStories() {
        assertEquals(records, new PairingDemo().records(HOUSEHOLDS, new Random(620502), TODAY));
        var candidates = candidates();
        assertEquals(new PairingDemo().cases(candidates, new Random(7), TODAY),
                new PairingDemo().cases(candidates, new Random(7), TODAY));
    }

    @Test
    void nothingIsDatedAfterTodayAndEveryStepFollowsItsRecordsCreation() {
        for (var record : records) {
            assertFalse(record.createdOn().isAfter(TODAY), record.toString());
            LocalDate previous = record.createdOn();
            for (var step : record.steps()) {
                assertFalse(step.on().isBefore(previous), record.type() + " " + step);
                assertFalse(step.on().isAfter(TODAY), record.type() + " " + step);
                previous = step.on();
            }
        }
        for (var demoCase : new PairingDemo().cases(candidates(), new Random(7), TODAY)) {
            LocalDate previous = demoCase.filedOn();
            for (var action : demoCase.actions()) {
                assertFalse(action.on().isBefore(previous) || action.on().isAfter(TODAY), action.toString());
                previous = action.on();
            }
        }
    }

    /** The platform would keep every record and step: none is refused, so none is lost from the demo. */
    @Test
    void everyRecordAndStepPassesTheFormsRulesWorkflowAndLimitsOnItsDay() {
        assertEquals(records.size(), kept.size());
        assertEquals(records.stream().mapToInt(r -> r.steps().size()).sum(),
                kept.stream().mapToInt(s -> s.steps).sum());
    }

    @Test
    void everyVillageIsTakenByAUnitAndAFewWereHandedOver() {
        Set<String> villages = HOUSEHOLDS.stream().map(Household::villageCode).collect(Collectors.toSet());

        assertEquals(PairingDemo.UNITS, of("unit").size());
        assertEquals(villages, of("village-link").stream().filter(r -> r.state.equals("ACTIVE"))
                .map(r -> r.record.region()).collect(Collectors.toSet()));
        assertEquals(villages.size(), of("village-link").stream().filter(r -> r.state.equals("ACTIVE")).count());
        assertTrue(of("village-link").stream().anyMatch(r -> r.state.equals("ENDED")));
        assertTrue(of("unit").stream().allMatch(r -> r.entries.size() >= 2), "funds every year");
    }

    /**
     * The quotas are the declaration's, so the demo keeps within them (a refused pairing would be lost); most
     * cadres are of section rank or below; a few households of the paired villages have none.
     */
    @Test
    void cadresStayWithinTheirQuotasAndAFewHouseholdsHaveNone() {
        var pairings = of("pairing");
        Set<String> villages = pairings.stream().map(r -> r.record.region()).collect(Collectors.toSet());
        long served = HOUSEHOLDS.stream().filter(h -> villages.contains(h.villageCode())).count();
        long paired = pairings.stream().filter(r -> r.state.equals("ACTIVE")).map(r -> r.record.householdId())
                .distinct().count();
        Map<String, Long> byRank = pairings.stream().collect(Collectors.groupingBy(
                r -> (String) r.record.data().get("rank"), Collectors.counting()));

        assertEquals(PairingDemo.PAIRED_VILLAGES, villages.size());
        assertTrue(paired < served && paired > served * 4 / 5, paired + " of " + served);
        assertTrue(byRank.getOrDefault("SECTION", 0L) + byRank.getOrDefault("OTHER", 0L)
                > pairings.size() * 3 / 4, byRank::toString);
        assertTrue(pairings.stream().anyMatch(r -> r.state.equals("ENDED")), "a few cadres replaced");
        assertTrue(pairings.stream().allMatch(r -> IdNumber.check((String) r.record.data().get("cadreId"), TODAY)
                .valid()));
    }

    /**
     * One team in each of the poorest villages, 3 to 5 members; in each year, counted as the presence reports count
     * (last year whole, this year's minima prorated to today), most meet the minima and a few fall short.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {2025, 2026})
    void teamsAndMembersMostlyMeetTheirDaysAndAFewFallShort(int year) {
        var teams = of("team");
        double share = year < TODAY.getYear() ? 1
                : TODAY.getDayOfYear() / (double) LocalDate.of(year, 12, 31).getDayOfYear();
        double teamMinimum = 220 * share;
        double memberMinimum = 90 * share;
        int teamsShort = 0;
        int membersShort = 0;
        int members = 0;

        assertEquals(PairingDemo.TEAMS, teams.size());
        assertEquals(PairingDemo.TEAMS, teams.stream().map(r -> r.record.region()).distinct().count());
        for (Simulated team : teams) {
            long serving = of("team-member").stream().filter(m -> m.record.region().equals(team.record.region())
                    && m.state.equals("SERVING")).count();
            assertTrue(serving >= 3 && serving <= 5, team.record.region() + ": " + serving);
            Map<String, Set<LocalDate>> days = new TreeMap<>();
            Set<LocalDate> teamDays = new TreeSet<>();
            for (RecordWrite entry : team.entries) {
                if (entry.date().getYear() == year) {
                    days.computeIfAbsent((String) entry.data().get("member"), m -> new TreeSet<>())
                            .add(entry.date());
                    teamDays.add(entry.date());
                }
            }
            teamsShort += teamDays.size() < teamMinimum ? 1 : 0;
            for (Set<LocalDate> memberDays : days.values()) {
                members++;
                membersShort += memberDays.size() < memberMinimum ? 1 : 0;
            }
        }
        assertEquals(1, teamsShort, "teams short in " + year);
        assertTrue(membersShort >= 1 && membersShort <= members / 5, membersShort + " of " + members);
        assertTrue(of("team-member").stream().anyMatch(m -> m.state.equals("LEFT")), "a member recalled");
    }

    @Test
    void leadersVisitTheirContactPointsMostOftenEnoughAndHouseholdsAreVisitedButSomeNotThisYear() {
        var points = of("contact-point");
        long seldom = points.stream().filter(p -> p.entries.stream().filter(e -> e.date().getYear() == 2025).count()
                < 3).count();
        var pairings = of("pairing").stream().filter(r -> r.state.equals("ACTIVE")).toList();
        long notThisYear = pairings.stream().filter(p -> p.entries.stream()
                .noneMatch(e -> e.date().getYear() == TODAY.getYear())).count();

        assertEquals(HOUSEHOLDS.stream().map(h -> h.villageCode().substring(0, 9)).distinct().count(), points.size());
        assertTrue(seldom >= 1 && seldom < points.size() / 2, seldom + " seldom");
        assertTrue(points.stream().anyMatch(p -> "BUREAU".equals(p.record.data().get("rank"))));
        assertTrue(notThisYear >= 1 && notThisYear < pairings.size() / 4, notThisYear + " of " + pairings.size());
        assertTrue(pairings.stream().allMatch(p -> !p.entries.isEmpty()), "every household visited at least once");
        assertTrue(of("pairing").stream().flatMap(p -> p.entries.stream()).anyMatch(e -> "FIRST".equals(
                e.data().get("round"))));
    }

    @Test
    void villagePlansProjectsAndAssessmentsAreThere() {
        Set<String> states = of("village-plan").stream().map(r -> r.state).collect(Collectors.toSet());

        assertEquals(Set.of("ACTIVE", "DONE", "ABANDONED"), states);
        assertTrue(of("village-plan").stream().anyMatch(r -> !r.entries.isEmpty()));
        assertEquals(Set.of("PLANNED", "BUILDING", "DONE"), of("project").stream().map(r -> r.state)
                .collect(Collectors.toSet()));
        assertEquals(PairingDemo.UNITS, of("assessment").size());
        assertTrue(of("assessment").stream().allMatch(a -> ((Long) a.record.data().get("year")) == 2025));
    }

    /** Each plan is filed and taken through its steps as the platform would: its rules and workflow on each day. */
    @Test
    void householdPlansPassTheRulesAndEndInEveryStage() {
        var candidates = candidates();
        Map<String, Household> households = new HashMap<>();
        candidates.forEach(c -> households.put(c.household().id(), c.household()));

        var cases = new PairingDemo().cases(candidates, new Random(7), TODAY);

        assertTrue(cases.size() >= 50 && cases.size() <= PairingDemo.MAX_CASES, String.valueOf(cases.size()));
        assertEquals(cases.size(), cases.stream().map(ProgramDemo.Case::householdId).distinct().count(),
                "one open plan per household");
        Set<String> ends = new TreeSet<>();
        for (var demoCase : cases) {
            Household household = households.get(demoCase.householdId());
            Form application = PAIRING.definition().form(Form.APPLICATION).orElseThrow();
            var data = Fixtures.typed(application, demoCase.data());
            assertEquals(List.of(), Platform.formProblems(application, data, household), demoCase.toString());
            assertEquals(List.of(), PAIRING.program().check(PAIRING.filing(household, data),
                    PAIRING.context(household, demoCase.filedOn())), demoCase.toString());
            String state = PAIRING.definition().workflow().initialState();
            for (var action : demoCase.actions()) {
                Transition transition = PAIRING.definition().workflow().transition(action.action()).orElseThrow();
                assertTrue(transition.from().contains(state), action + " from " + state);
                assertTrue(!transition.reasonRequired() || action.note() != null, action.toString());
                Map<String, Object> values = transition.form() == null ? Map.of()
                        : Fixtures.typed(PAIRING.definition().form(transition.form()).orElseThrow(), action.data());
                if (transition.form() != null) {
                    assertEquals(List.of(), Platform.formProblems(PAIRING.definition().form(transition.form())
                            .orElseThrow(), values, household), action.toString());
                }
                var step = ProgramUnderTest.step(action.action(), PAIRING.application("a", household, state, data),
                        values);
                assertEquals(List.of(), PAIRING.program().check(step, PAIRING.context(household, action.on())),
                        action.toString());
                state = transition.to();
            }
            ends.add(state);
        }
        assertEquals(Set.of("FILED", "CONFIRMED", "APPROVED", "DONE", "CANCELLED"), ends);
    }

    // ---- the platform, as far as the demo meets it ----

    static List<ProgramDemo.Candidate> candidates() {
        return HOUSEHOLDS.stream().filter(h -> PairingDemo.SERVED.contains(h.status()))
                .map(h -> new ProgramDemo.Candidate(h, PAIRING.program().eligibility(PAIRING.context(h, TODAY))))
                .filter(c -> c.verdict().eligible()).toList();
    }

    static List<Simulated> of(String type) {
        return kept.stream().filter(s -> s.record.type().equals(type)).toList();
    }

    /** A record the simulated platform kept: as it stands now, with its entries. */
    static final class Simulated {
        ProgramRecord record;
        String state;
        int steps;
        final List<RecordWrite> entries = new ArrayList<>();

        Simulated(ProgramRecord record) {
            this.record = record;
            this.state = record.state();
        }
    }

    /**
     * Takes the demo's records as the platform does, each write judged on its day: the form, the rules (with the
     * records a rule would see), the record type's actions and their states, and the declared limits (one active
     * pairing per household, the quotas by rank at their defaults, one active team per village). Fails at the first
     * write the platform would refuse.
     */
    static final class Platform {
        private final List<Simulated> kept = new ArrayList<>();
        private final Map<String, Household> households = new HashMap<>();

        Platform() {
            HOUSEHOLDS.forEach(h -> households.put(h.id(), h));
        }

        List<Simulated> take(List<ProgramDemo.RecordCase> cases) {
            int n = 0;
            for (var demo : cases) {
                RecordType type = PAIRING.definition().record(demo.type()).orElseThrow();
                Form form = PAIRING.definition().form(type.form()).orElseThrow();
                Household household = demo.householdId() == null ? null : households.get(demo.householdId());
                String region = household == null ? demo.region() : household.villageCode();
                assertNotNull(region, demo.toString());
                var data = Fixtures.typed(form, demo.data());
                assertEquals(List.of(), formProblems(form, data, household), demo.toString());
                var record = new ProgramRecord("r-" + n++, demo.type(), type.initial(), demo.householdId(), null,
                        null, region, data, Map.of(), Instant.EPOCH);
                check(new RecordWrite(RecordWrite.Kind.CREATE, null, withoutId(record), data, null, null),
                        demo.createdOn(), household);
                limits(record);
                var simulated = new Simulated(record);
                kept.add(simulated);
                for (var step : demo.steps()) {
                    if (step.action() != null) {
                        Transition action = type.action(step.action()).orElseThrow(() -> new AssertionError(step));
                        assertTrue(action.from().contains(simulated.state), step + " from " + simulated.state);
                        assertTrue(!action.reasonRequired() || step.note() != null, step.toString());
                        Map<String, Object> values = action.form() == null ? Map.of()
                                : Fixtures.typed(PAIRING.definition().form(action.form()).orElseThrow(), step.data());
                        check(new RecordWrite(RecordWrite.Kind.ACTION, step.action(), simulated.record, values, null,
                                step.note()), step.on(), household);
                        Map<String, Object> after = new LinkedHashMap<>(simulated.record.data());
                        values.forEach((k, v) -> {
                            if (form.field(k).isPresent()) {
                                after.put(k, v);
                            }
                        });
                        simulated.state = action.to();
                        simulated.record = new ProgramRecord(record.id(), record.type(), simulated.state,
                                record.householdId(), null, null, region, after, Map.of(), Instant.EPOCH);
                    } else {
                        var entryType = type.entry(step.entry()).orElseThrow(() -> new AssertionError(step));
                        Form entryForm = PAIRING.definition().form(entryType.form()).orElseThrow();
                        var values = Fixtures.typed(entryForm, step.data());
                        assertEquals(List.of(), formProblems(entryForm, values, household), step.toString());
                        assertFalse(type.state(simulated.state).orElseThrow().terminal(), step.toString());
                        var write = new RecordWrite(RecordWrite.Kind.ENTRY, step.entry(), simulated.record, values,
                                step.on(), step.note());
                        check(write, step.on(), household);
                        simulated.entries.add(write);
                    }
                    simulated.steps++;
                }
            }
            return kept;
        }

        private static ProgramRecord withoutId(ProgramRecord record) {
            return new ProgramRecord(null, record.type(), record.state(), record.householdId(), null, null,
                    record.region(), record.data(), Map.of(), record.createdAt());
        }

        /** The rules on the write's day, seeing the records of the region and above (or of the household). */
        private void check(RecordWrite write, LocalDate on, Household household) {
            String region = write.record().region();
            ProgramRecord[] seen = kept.stream().map(s -> s.record)
                    .filter(r -> household != null && household.id().equals(r.householdId())
                            || r.householdId() == null && region.startsWith(r.region()))
                    .toArray(ProgramRecord[]::new);
            TestRuleContext context = household == null ? PAIRING.regionContext(region, on).withRecords(seen)
                    : PAIRING.context(household, on).withRecords(seen);
            assertEquals(List.of(), PAIRING.program().checkRecord(write, context), write.record().type() + " "
                    + write.kind() + " " + write.name() + " on " + on + ": " + write.data());
        }

        /** The declared limits at the parameters' defaults. */
        private void limits(ProgramRecord record) {
            if (record.type().equals("pairing")) {
                assertTrue(kept.stream().noneMatch(s -> s.record.type().equals("pairing") && s.state.equals("ACTIVE")
                        && s.record.householdId().equals(record.householdId())), "one cadre per household");
                String kind = (String) record.data().get("kind");
                String rank = (String) record.data().get("rank");
                long held = kept.stream().filter(s -> s.record.type().equals("pairing") && s.state.equals("ACTIVE")
                        && s.record.data().get("cadreId").equals(record.data().get("cadreId"))
                        && kind.equals(s.record.data().get("kind"))).count();
                String parameter = ("KEY".equals(kind) ? "keyQuota" : "contactQuota") + rank.charAt(0)
                        + rank.substring(1).toLowerCase();
                BigDecimal quota = PAIRING.definition().parameter(parameter).orElseThrow().defaultValue();
                assertTrue(held + 1 <= quota.intValue(), record.data().get("cadreId") + " " + kind + " " + held);
            }
            if (record.type().equals("team")) {
                assertTrue(kept.stream().noneMatch(s -> s.record.type().equals("team") && s.state.equals("ACTIVE")
                        && s.record.region().equals(record.region())), "one team per village");
            }
        }

        /** What the platform's form check refuses: unknown or missing fields, codes, lengths, bounds, patterns. */
        static List<String> formProblems(Form form, Map<String, Object> data, Household household) {
            List<String> problems = new ArrayList<>();
            data.keySet().stream().filter(k -> form.field(k).isEmpty()).forEach(k -> problems.add(k + ": unknown"));
            for (Field field : form.fields()) {
                Object value = data.get(field.name());
                if (value == null) {
                    if (field.required()) {
                        problems.add(field.name() + ": required");
                    }
                    continue;
                }
                switch (field.type()) {
                    case CODE -> {
                        if (field.option(value.toString()).isEmpty()) {
                            problems.add(field.name() + ": " + value);
                        }
                    }
                    case TEXT -> {
                        String text = value.toString().strip();
                        if (field.min() != null && text.length() < field.min().intValue()
                                || field.max() != null && text.length() > field.max().intValue()
                                || field.pattern() != null && !text.matches(field.pattern())) {
                            problems.add(field.name() + ": " + text);
                        }
                    }
                    case INTEGER, MONEY, DECIMAL -> {
                        BigDecimal number = new BigDecimal(value.toString());
                        if (field.min() != null && number.compareTo(field.min()) < 0
                                || field.max() != null && number.compareTo(field.max()) > 0
                                || field.type() == org.fupin.program.api.FieldType.MONEY && number.scale() > 2) {
                            problems.add(field.name() + ": " + number);
                        }
                    }
                    case MEMBER -> {
                        if (household == null || household.members().stream().noneMatch(m -> m.id().equals(value))) {
                            problems.add(field.name() + ": " + value);
                        }
                    }
                    case BOOLEAN -> {
                        if (!(value instanceof Boolean)) {
                            problems.add(field.name() + ": " + value);
                        }
                    }
                    default -> {
                    }
                }
            }
            return problems;
        }
    }
}
