package org.fupin.pairing.internal;

import static org.fupin.pairing.internal.Fixtures.COUNTY;
import static org.fupin.pairing.internal.Fixtures.HOUSEHOLD;
import static org.fupin.pairing.internal.Fixtures.PAIRING;
import static org.fupin.pairing.internal.Fixtures.TODAY;
import static org.fupin.pairing.internal.Fixtures.TOWNSHIP;
import static org.fupin.pairing.internal.Fixtures.VILLAGE;
import static org.fupin.pairing.internal.Fixtures.action;
import static org.fupin.pairing.internal.Fixtures.context;
import static org.fupin.pairing.internal.Fixtures.create;
import static org.fupin.pairing.internal.Fixtures.edit;
import static org.fupin.pairing.internal.Fixtures.entry;
import static org.fupin.pairing.internal.Fixtures.in;
import static org.fupin.pairing.internal.Fixtures.member;
import static org.fupin.pairing.internal.Fixtures.record;
import static org.fupin.pairing.internal.Fixtures.rules;
import static org.fupin.pairing.internal.Fixtures.valid;
import static org.fupin.pairing.internal.Fixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.fupin.program.api.Reason;
import org.fupin.program.api.Step;
import org.fupin.registry.model.LocalizedText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules of 结对帮扶 that need Java (DOMAIN.md §10), each on both sides of its line, in both languages. */
class PairingRulesTest {
    static final List<String> TYPES = List.of("unit", "village-link", "project", "contact-point", "pairing", "team",
            "team-member", "village-plan", "assessment");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"unit", "village-link", "project", "contact-point", "pairing", "team", "team-member",
            "village-plan", "assessment", "cadre-assessment"})
    void aValidRecordOfEachTypePasses(String type) {
        var record = valid(type);

        assertEquals(List.of(), rules(create(record), context(record, TODAY, registered())));
    }

    // ---- the responsible cadre's ID number ----

    /** GB 11643: 17 digits (6 of the address, 8 of the birth date, 3 of the sequence) and a check character. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(textBlock = """
            11010519491231002X, -
            620502198003150015, -
            620502198003150016, pairing.id-number
            110105194912310021, pairing.id-number
            11010519491331002X, pairing.id-number
            11010520301231002X, pairing.id-number
            1101051949123100XX, pairing.id-number
            11010519491231002x, pairing.id-number
            """)
    void aCadresIdNumberIsARealOneWrittenAsTheRegistryWritesIt(String cadreId, String rule) {
        var pairing = with(valid("pairing"), Map.of("cadreId", cadreId));

        assertEquals("-".equals(rule) ? List.of() : List.of(rule), rules(create(pairing), context(pairing, TODAY)));
        assertEquals("-".equals(rule) ? List.of() : List.of(rule), rules(edit(valid("pairing"),
                Map.of("cadreId", cadreId)), context(pairing, TODAY)), "also when a pairing's values are changed");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"11010519491231002X, -", "110105194912310021, pairing.id-number"})
    void anAssessedCadreIsNamedByARealIdNumberToo(String cadreId, String rule) {
        var assessed = with(valid("cadre-assessment"), Map.of("cadreId", cadreId));

        assertEquals("-".equals(rule) ? List.of() : List.of(rule), rules(create(assessed), context(assessed, TODAY)));
    }

    @ParameterizedTest(name = "{0} of {1}: {2}")
    @CsvSource({"assessment, 2026, -", "cadre-assessment, 2026, -", "cadre-assessment, 2027, pairing.assessment-year",
        "cadre-assessment-in-a-village, 2025, pairing.region-level"})
    void aCadresAssessmentIsTheCountysOfThisYearOrAnEarlierOne(String type, int year, String rule) {
        var assessed = type.endsWith("-in-a-village")
                ? Fixtures.record(null, "cadre-assessment", "SCORED", Fixtures.VILLAGE,
                        with(valid("cadre-assessment"), Map.of("year", year)).data())
                : with(valid(type), Map.of("year", year));

        assertEquals("-".equals(rule) ? List.of() : List.of(rule), rules(create(assessed), context(assessed, TODAY,
                registered())));
    }

    // ---- what has happened is not dated ahead; terms end after they start ----

    @ParameterizedTest(name = "{0}.{1} {2} day(s) after today: {3}")
    @CsvSource(textBlock = """
            village-link,  since,     0, -
            village-link,  since,     1, pairing.future-date
            contact-point, since,     0, -
            contact-point, since,     1, pairing.future-date
            pairing,       since,     0, -
            pairing,       since,     1, pairing.future-date
            team,          formedOn,  0, -
            team,          formedOn,  1, pairing.future-date
            team-member,   from,      0, -
            team-member,   from,      1, pairing.future-date
            project,       startedOn, 0, -
            project,       startedOn, 1, pairing.future-date
            """)
    void whatHasHappenedIsNotDatedAfterToday(String type, String field, int days, String rule) {
        var record = with(valid(type), Map.of(field, TODAY.plusDays(days)));

        assertEquals("-".equals(rule) ? List.of() : List.of(rule), rules(create(record), context(record, TODAY,
                registered())));
    }

    @Test
    void aTermsEndMayLieAhead() {
        var link = with(valid("village-link"), Map.of("until", TODAY.plusYears(3)));
        var member = with(valid("team-member"), Map.of("until", TODAY.plusYears(3)));

        assertEquals(List.of(), rules(create(link), context(link, TODAY, registered())));
        assertEquals(List.of(), rules(create(member), context(member, TODAY)));
    }

    @ParameterizedTest(name = "{0}: {1} {3} days after {2}: {4}")
    @CsvSource(textBlock = """
            village-link, since,     until,      0,  -
            village-link, since,     until,      -1, pairing.date-order
            team-member,  from,      until,      0,  -
            team-member,  from,      until,      -1, pairing.date-order
            project,      startedOn, finishedOn, 30, -
            project,      startedOn, finishedOn, -1, pairing.date-order
            """)
    void aTermEndsOnOrAfterItStarts(String type, String start, String end, int days, String rule) {
        LocalDate first = LocalDate.of(2025, 3, 1);
        var record = with(valid(type), Map.of(start, first, end, first.plusDays(days)));

        assertEquals("-".equals(rule) ? List.of() : List.of(rule), rules(create(record), context(record, TODAY,
                registered())));
    }

    /** An action's dates have happened and keep the record's order: a member leaves, a project starts and ends. */
    @ParameterizedTest(name = "{0} {1} on {2}: {3}")
    @CsvSource(textBlock = """
            team-member, leave,  until,      2026-06-30, -
            team-member, leave,  until,      2024-09-01, pairing.date-order
            team-member, leave,  until,      2026-10-16, pairing.future-date
            project,     start,  startedOn,  2026-10-15, -
            project,     start,  startedOn,  2026-10-16, pairing.future-date
            project,     finish, finishedOn, 2026-03-01, -
            project,     finish, finishedOn, 2026-02-28, pairing.date-order
            """)
    void anActionsDatesHaveHappenedAndFollowTheRecordsStart(String type, String name, String field, LocalDate on,
            String rule) {
        var record = PairingRules.PROJECT.equals(type) && "finish".equals(name)
                ? with(valid(type), Map.of("startedOn", "2026-03-01")) : valid(type);

        assertEquals("-".equals(rule) ? List.of() : List.of(rule), rules(action(record, name, Map.of(field, on)),
                context(record, TODAY)));
    }

    // ---- where records belong; the units they name ----

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @CsvSource(textBlock = """
            unit,          620502,       -
            unit,          620502101,    pairing.region-level
            assessment,    620502,       -
            assessment,    620502101202, pairing.region-level
            contact-point, 620502101,    -
            contact-point, 620502101202, -
            contact-point, 620502,       pairing.region-level
            village-link,  620502101202, -
            village-link,  620502101,    pairing.region-level
            project,       620502,       pairing.region-level
            team,          620502101202, -
            team,          620502101,    pairing.region-level
            team-member,   620502,       pairing.region-level
            village-plan,  620502101,    pairing.region-level
            """)
    void recordsBelongToTheLevelTheirKindIsAt(String type, String region, String rule) {
        var record = in(valid(type), region);

        assertEquals("-".equals(rule) ? List.of() : List.of(rule), rules(create(record), context(record, TODAY,
                registered())));
    }

    @ParameterizedTest(name = "{0} naming {1}: {2}")
    @CsvSource(textBlock = """
            village-link, 天水市农业农村局, -
            village-link, 秦州区水务局,     pairing.unit-unknown
            village-link, 天水市教育局,     pairing.unit-unknown
            project,      天水市教育局,     pairing.unit-unknown
            village-plan, 天水市教育局,     pairing.unit-unknown
            assessment,   天水市教育局,     pairing.unit-unknown
            assessment,   天水市农业农村局, -
            """)
    void linksProjectsPlansAndAssessmentsNameAnActiveUnitOfTheCounty(String type, String unit, String rule) {
        var record = with(valid(type), Map.of("unit", unit));

        assertEquals("-".equals(rule) ? List.of() : List.of(rule), rules(create(record), context(record, TODAY,
                registered())));
    }

    @Test
    void aRecordNamingAUnitThatWithdrewMayStillBeChangedOtherwise() {
        var link = valid("village-link");
        var withdrawn = with(valid("unit"), Map.of());
        var gone = new org.fupin.program.api.ProgramRecord("u-1", "unit", "WITHDRAWN", null, null, null, COUNTY,
                withdrawn.data(), Map.of(), withdrawn.createdAt());

        assertEquals(List.of(), rules(edit(link, Map.of("until", "2027-12-31")), context(link, TODAY, gone)));
        assertEquals(List.of("pairing.unit-unknown"), rules(create(link), context(link, TODAY, gone)));
    }

    // ---- plans and assessments ----

    @ParameterizedTest(name = "{0} {1}–{2}: {3}")
    @CsvSource(textBlock = """
            THREE_YEAR, 2024, 2026, -
            THREE_YEAR, 2024, 2025, pairing.plan-years
            THREE_YEAR, 2024, 2027, pairing.plan-years
            YEARLY,     2025, 2025, -
            YEARLY,     2025, 2026, pairing.plan-years
            YEARLY,     2026, 2025, pairing.plan-years
            """)
    void aPlanSpansTheYearsOfItsKind(String kind, int from, int to, String rule) {
        var plan = with(valid("village-plan"), Fixtures.plan(kind, from, to));

        assertEquals("-".equals(rule) ? List.of() : List.of(rule), rules(create(plan), context(plan, TODAY,
                registered())));
    }

    @ParameterizedTest(name = "assessment of {0}: {1}")
    @CsvSource({"2025, -", "2026, -", "2027, pairing.assessment-year"})
    void anAssessmentIsOfThisYearOrAnEarlierOne(int year, String rule) {
        var assessment = with(valid("assessment"), Map.of("year", year));

        assertEquals("-".equals(rule) ? List.of() : List.of(rule), rules(create(assessment), context(assessment,
                TODAY, registered())));
    }

    // ---- entries ----

    /** A visit is not before the pairing (nor a leader's before the contact point, attendance before the team). */
    @ParameterizedTest(name = "{0} {1} {2} day(s) after the start: {3}")
    @CsvSource(textBlock = """
            pairing,       visit,      0,  -
            pairing,       visit,      -1, pairing.before-start
            contact-point, visit,      0,  -
            contact-point, visit,      -1, pairing.before-start
            team,          attendance, 0,  -
            team,          attendance, -1, pairing.before-start
            unit,          fund,       -1, -
            """)
    void nothingIsEnteredBeforeTheRecordStarted(String type, String name, int days, String rule) {
        var record = valid(type);
        LocalDate start = switch (type) {
            case "pairing" -> LocalDate.of(2025, 3, 1);
            case "contact-point" -> LocalDate.of(2024, 1, 15);
            case "team" -> LocalDate.of(2024, 9, 2);
            default -> LocalDate.of(2024, 1, 10);
        };
        Map<String, Object> values = switch (name) {
            case "visit" -> type.equals("pairing") ? questionnaire() : Map.of("purpose", "督导驻村帮扶工作");
            case "attendance" -> Map.of("member", "王建国");
            default -> Map.of("amount", "100000", "source", "FISCAL", "purpose", "村级道路硬化");
        };
        var member = member("m-1", "王建国", "SERVING", "2024-01-01", null);

        assertEquals("-".equals(rule) ? List.of() : List.of(rule), rules(entry(record, name, start.plusDays(days),
                values), context(record, TODAY, member)));
    }

    /**
     * Attendance is recorded for a member of the village's team serving that day: from their first day to their last
     * (a member who left may still have earlier days entered), not for someone else, nor a member elsewhere.
     */
    @ParameterizedTest(name = "{0} on {1}: {2}")
    @CsvSource(textBlock = """
            王建国, 2025-01-06, -
            王建国, 2024-12-31, pairing.attendance-member
            李春梅, 2025-06-30, -
            李春梅, 2025-07-01, pairing.attendance-member
            张志强, 2025-06-30, pairing.attendance-member
            张志强, 2025-07-01, -
            赵敏,   2025-03-03, pairing.attendance-member
            刘德胜, 2025-03-03, pairing.attendance-member
            """)
    void attendanceNamesAMemberOfTheVillagesTeamServingThatDay(String name, LocalDate on, String rule) {
        var team = valid("team");
        var serving = member("m-1", "王建国", "SERVING", "2025-01-01", null);
        var left = member("m-2", "李春梅", "LEFT", "2025-01-01", "2025-06-30");
        var joined = member("m-3", "张志强", "SERVING", "2025-07-01", "2027-09-01");
        var elsewhere = in(member("m-4", "赵敏", "SERVING", "2024-01-01", null), "620502101203");

        assertEquals("-".equals(rule) ? List.of() : List.of(rule), rules(entry(team, "attendance", on, Map.of("member",
                name)), context(team, TODAY, serving, left, joined, elsewhere)));
    }

    // ---- the household's plan ----

    @ParameterizedTest(name = "main {0}, ticked {1}: {2}")
    @CsvSource(textBlock = """
            INDUSTRY,           industry,               -
            INDUSTRY,           industry credit,        -
            CREDIT,             industry,               pairing.main-measure
            PUBLIC_WELFARE_JOB, publicWelfareJob,       -
            PUBLIC_WELFARE_JOB, employment,             pairing.main-measure
            TRAINING,           '',                     pairing.main-measure
            """)
    void aPlansMainMeasureIsOneOfItsMeasures(String main, String ticked, String rule) {
        var data = filing(main, List.of(ticked.split(" ")), 2026);

        assertEquals("-".equals(rule) ? List.of() : List.of(rule), filed(data, TODAY));
    }

    @ParameterizedTest(name = "target {0}: {1}")
    @CsvSource({"2025, pairing.target-year", "2026, -", "2030, -"})
    void aPlanTargetsThisYearOrALaterOne(int year, String rule) {
        assertEquals("-".equals(rule) ? List.of() : List.of(rule), filed(filing("INDUSTRY", List.of("industry"),
                year), TODAY));
    }

    @ParameterizedTest(name = "{0} with {1} {2}: {3}")
    @CsvSource(textBlock = """
            confirm,  signedOn, 2026-10-15, -
            confirm,  signedOn, 2026-10-16, pairing.future-date
            complete, doneOn,   2026-10-15, -
            complete, doneOn,   2026-10-16, pairing.future-date
            """)
    void theHouseholdSignsAndThePlanIsCarriedOutNoLaterThanTheDayItIsRecorded(String name, String field,
            LocalDate on, String rule) {
        var application = PAIRING.application("a-1", HOUSEHOLD, "confirm".equals(name) ? "FILED" : "APPROVED",
                filing("INDUSTRY", List.of("industry"), 2026));
        Map<String, Object> data = "confirm".equals(name) ? Map.of("signer", "m-0", field, on)
                : Map.of("result", "落实产业奖补", field, on);

        var reasons = PAIRING.program().check(new Step(name, application, data, null), PAIRING.context(HOUSEHOLD,
                TODAY));

        reasons.forEach(Fixtures::readable);
        assertEquals("-".equals(rule) ? List.of() : List.of(rule), reasons.stream().map(Reason::rule).toList());
    }

    // ---- every reason in both languages ----

    static Stream<Arguments> reasons() {
        var team = valid("team");
        var link = valid("village-link");
        return Stream.of(
                Arguments.of("pairing.id-number", (Supplier<List<Reason>>) () -> record(create(with(valid("pairing"),
                        Map.of("cadreId", "110105194912310021")))),
                        "帮扶责任人身份证号有误：身份证号校验位错误（应为 X）",
                        "the cadre's ID number is wrong: the check character is wrong (expected X)"),
                Arguments.of("pairing.id-number", (Supplier<List<Reason>>) () -> record(create(with(valid("pairing"),
                        Map.of("cadreId", "11010519491231002x")))),
                        "身份证号请按 11010519491231002X 填写（18 位，末位 X 大写），以便按人计算帮扶户数",
                        "write the ID number as 11010519491231002X (18 characters, a final X in upper case), so that "
                                + "the quotas count the cadre once"),
                Arguments.of("pairing.future-date", (Supplier<List<Reason>>) () -> record(create(with(team,
                        Map.of("formedOn", "2026-10-16")))),
                        "进驻日期（2026-10-16）不能晚于今天（2026-10-15）",
                        "in the village since (2026-10-16) cannot be after today (2026-10-15)"),
                Arguments.of("pairing.date-order", (Supplier<List<Reason>>) () -> record(create(with(link,
                        Map.of("until", "2024-02-29")))),
                        "截止日期（2024-02-29）不能早于开始日期（2024-03-01）",
                        "until (2024-02-29) cannot be before since (2024-03-01)"),
                Arguments.of("pairing.region-level", (Supplier<List<Reason>>) () -> record(create(in(team, TOWNSHIP))),
                        "驻村工作队应登记在村级区划，620502101 不是",
                        "a resident work team belongs to a village; 620502101 is not one"),
                Arguments.of("pairing.unit-unknown", (Supplier<List<Reason>>) () -> record(create(with(link,
                        Map.of("unit", "秦州区水务局")))),
                        "帮扶单位“秦州区水务局”未在本县登记或已撤出",
                        "the assisting unit 秦州区水务局 is not registered with the county, or has withdrawn"),
                Arguments.of("pairing.plan-years", (Supplier<List<Reason>>) () -> record(create(with(
                        valid("village-plan"), Fixtures.plan("THREE_YEAR", 2024, 2025)))),
                        "三年规划应涵盖 3 个年度，2024–2025 年为 2 个年度",
                        "a three-year plan covers 3 year(s); 2024-2025 are 2"),
                Arguments.of("pairing.assessment-year", (Supplier<List<Reason>>) () -> record(create(with(
                        valid("assessment"), Map.of("year", 2027)))),
                        "考核年度 2027 晚于今年（2026 年）",
                        "the assessment year 2027 is after this year (2026)"),
                Arguments.of("pairing.before-start", (Supplier<List<Reason>>) () -> record(entry(valid("pairing"),
                        "visit", LocalDate.of(2025, 2, 28), questionnaire())),
                        "走访日期 2025-02-28 早于开始日期（2025-03-01）",
                        "a visit dated 2025-02-28 is before the record's since (2025-03-01)"),
                Arguments.of("pairing.attendance-member", (Supplier<List<Reason>>) () -> PAIRING.program()
                        .checkRecord(entry(team, "attendance", LocalDate.of(2025, 3, 3), Map.of("member", "刘德胜")),
                                context(team, TODAY)),
                        "刘德胜 在 2025-03-03 不是本村驻村工作队的在岗队员",
                        "刘德胜 was not a serving member of the village's team on 2025-03-03"),
                Arguments.of("pairing.main-measure", (Supplier<List<Reason>>) () -> PAIRING.program().check(
                        PAIRING.filing(HOUSEHOLD, filing("CREDIT", List.of("industry"), 2026)),
                        PAIRING.context(HOUSEHOLD, TODAY)),
                        "主要帮扶措施“扶贫小额信贷”须在帮扶措施中勾选（请勾选“扶贫小额信贷”或另选主要措施）",
                        "the main measure microcredit must be one of the measures ticked (tick microcredit or choose "
                                + "another main measure)"),
                Arguments.of("pairing.target-year", (Supplier<List<Reason>>) () -> PAIRING.program().check(
                        PAIRING.filing(HOUSEHOLD, filing("INDUSTRY", List.of("industry"), 2025)),
                        PAIRING.context(HOUSEHOLD, TODAY)),
                        "目标年度 2025 早于今年（2026 年）",
                        "the target year 2025 is before this year (2026)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reasons")
    void eachRuleSaysWhyInBothLanguages(String rule, Supplier<List<Reason>> reasons, String zh, String en) {
        List<Reason> found = reasons.get();

        assertEquals(List.of(rule), found.stream().map(Reason::rule).toList());
        assertEquals(new LocalizedText(zh, en), found.get(0).message());
    }

    @Test
    void theRulesReadNoParameterTheQuotasMinimaAndWeightsAreTheDeclarationsAndThePlatforms() {
        var context = PAIRING.regionContext(VILLAGE, TODAY).withRecords(registered(), member("m-1", "王建国",
                "SERVING", "2024-01-01", null));
        for (String type : TYPES) {
            var record = valid(type);
            PAIRING.program().checkRecord(create(record), context);
        }
        PAIRING.program().checkRecord(entry(valid("team"), "attendance", TODAY, Map.of("member", "王建国")), context);
        var household = PAIRING.context(HOUSEHOLD, TODAY);
        PAIRING.program().check(PAIRING.filing(HOUSEHOLD, filing("INDUSTRY", List.of("industry"), 2026)), household);

        assertEquals(java.util.Set.of(), context.parametersRead());
        assertEquals(java.util.Set.of(), household.parametersRead());
    }

    // ---- helpers ----

    /** The county's registered unit 天水市农业农村局, active. */
    static org.fupin.program.api.ProgramRecord registered() {
        var unit = valid("unit");
        return new org.fupin.program.api.ProgramRecord("u-1", "unit", "ACTIVE", null, null, null, COUNTY, unit.data(),
                Map.of(), unit.createdAt());
    }

    static Map<String, Object> questionnaire() {
        return Map.of("round", "FIRST", "incomeSituation", "NEAR_LINE", "foodAssured", true, "clothingAssured", true,
                "educationAssured", true, "medicalAssured", true, "housingAssured", false, "waterAssured", true,
                "needs", "HOUSING", "findings", "住房为土木结构，建议纳入危房改造");
    }

    static Map<String, Object> filing(String main, List<String> ticked, int targetYear) {
        Map<String, Object> data = new HashMap<>();
        for (Measure measure : Measure.values()) {
            data.put(measure.field(), ticked.contains(measure.field()));
        }
        data.put("mainMeasure", main);
        data.put("targetIncome", new BigDecimal("8000"));
        data.put("targetYear", (long) targetYear);
        return data;
    }

    static List<String> filed(Map<String, Object> data, LocalDate today) {
        List<Reason> reasons = PAIRING.program().check(PAIRING.filing(HOUSEHOLD, data), PAIRING.context(HOUSEHOLD,
                today));
        reasons.forEach(Fixtures::readable);
        return reasons.stream().map(Reason::rule).toList();
    }

    static List<Reason> record(org.fupin.program.api.RecordWrite write) {
        return PAIRING.program().checkRecord(write, context(write.record(), TODAY, registered()));
    }
}
