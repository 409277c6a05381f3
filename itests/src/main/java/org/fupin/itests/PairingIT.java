package org.fupin.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * 结对帮扶 · 驻村帮扶 as the distribution ships it, installed while the platform runs, over HTTP: the province sets
 * its cadres' quotas (云南: 处级 3 重点帮扶 + 4 联系; here lowered to 2), a cadre is paired with households until the quota
 * refuses one — also when eight pairings arrive at once — and the household's 建档立卡 帮扶责任人 follows the record; a
 * resident team's attendance and a visit are recorded, and presence against the minima (team 220 days, member 90)
 * and coverage are read back, every report as JSON, CSV and XLSX.
 */
@Timeout(240)
class PairingIT {
    static final String PROGRAM = "/api/v1/programs/pairing";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    static Api api;
    static Api officer;
    static BundleContext context;

    @BeforeAll
    static void start(@InjectBundleContext BundleContext bundleContext) throws Exception {
        context = bundleContext;
        api = Api.admin(context);
        officer = api.user("it-pairing", ShippedPlugins.COUNTY, "poverty-office", "PROGRAM_OFFICER");
        ShippedPlugins.install(api, context, "pairing");
        // a plan's measures point to the programs' applications: 雨露计划 here
        ShippedPlugins.install(api, context, "yulu");
    }

    @AfterAll
    static void stop() throws Exception {
        api.send("PUT", "/api/v1/regions/62/programs/pairing/parameters",
                "{\"year\":%d,\"values\":{\"keyQuotaDivision\":3}}".formatted(TODAY.getYear()));
        ShippedPlugins.remove(api, context, "pairing");
        // as it was for the other tests: 雨露计划 off in the county until one turns it on
        api.send("PUT", "/api/v1/regions/" + ShippedPlugins.COUNTY + "/programs/yulu", "{\"enabled\":false}");
        ShippedPlugins.remove(api, context, "yulu");
    }

    @Test
    void theProvincesQuotaRefusesACadresHouseholdBeyondItAndTheRegistryFollowsThePairing() throws Exception {
        var quota = api.send("PUT", "/api/v1/regions/62/programs/pairing/parameters",
                "{\"year\":%d,\"values\":{\"keyQuotaDivision\":2}}".formatted(TODAY.getYear()));
        assertEquals(200, quota.status(), quota.body());
        String cadre = RegistryApiIT.id(LocalDate.of(1972, 5, 1), RegistryApiIT.SEQUENCE.getAndIncrement());
        List<String> households = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            households.add(household());
        }

        var first = officer.send("POST", PROGRAM + "/records/pairing", pairing(households.get(0), cadre, "KEY"));
        assertEquals(201, first.status(), first.body());
        assertEquals(201, officer.send("POST", PROGRAM + "/records/pairing", pairing(households.get(1), cadre, "KEY"))
                .status());
        var third = officer.send("POST", PROGRAM + "/records/pairing", pairing(households.get(2), cadre, "KEY"));
        assertEquals(422, third.status(), third.body());
        assertEquals("data.cadreId", Api.firstField(third));
        assertTrue(third.body().contains("pairing.key-quota") && third.body().contains("2"), third.body());
        assertEquals(201, officer.send("POST", PROGRAM + "/records/pairing", pairing(households.get(2), cadre,
                "CONTACT")).status(), "a contact is counted against the contact quota (4), not the key one");
        var twice = officer.send("POST", PROGRAM + "/records/pairing", pairing(households.get(0),
                RegistryApiIT.id(LocalDate.of(1980, 1, 1), RegistryApiIT.SEQUENCE.getAndIncrement()), "CONTACT"));
        assertEquals(422, twice.status(), twice.body());
        assertTrue(twice.body().contains("pairing.one-cadre-per-household"), twice.body());

        JsonNode paired = api.get("/api/v1/households/" + households.get(0)).json().path("pairings");
        JsonNode current = paired.get(paired.size() - 1);
        assertEquals("张卫东", current.path("cadreName").asText());
        assertEquals("天水市农业农村局", current.path("cadreUnit").asText());
        assertTrue(current.path("endDate").isNull() || current.path("endDate").isMissingNode(), current.toString());
        assertTrue(listed(households.get(0), true), "listed among the households with a cadre");
        String record = PROGRAM + "/records/pairing/" + first.json().path("id").asText();
        assertEquals(200, officer.send("POST", record + "/actions", "{\"action\":\"end\",\"note\":\"干部调整\"}")
                .status());
        paired = api.get("/api/v1/households/" + households.get(0)).json().path("pairings");
        assertEquals(TODAY.toString(), paired.get(paired.size() - 1).path("endDate").asText(),
                "the household's pairing ends with the record");
        assertTrue(listed(households.get(0), false), "listed among the households without a cadre");
        assertEquals(400, officer.get("/api/v1/households?region=620502&paired=maybe").status());
        assertEquals(201, officer.send("POST", PROGRAM + "/records/pairing", pairing(households.get(3), cadre, "KEY"))
                .status(), "the ended pairing no longer counts against the quota");
    }

    @Test
    void eightPairingsOfOneCadreAtOnceStoreNoMoreThanTheQuota() throws Exception {
        String cadre = RegistryApiIT.id(LocalDate.of(1968, 9, 9), RegistryApiIT.SEQUENCE.getAndIncrement());
        List<String> households = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            households.add(household());
        }

        // 厅级: 4 重点帮扶 by default
        var answers = Api.atOnce(IntStream.range(0, 8).<Supplier<Api.Reply>>mapToObj(i -> () -> officer.send("POST",
                PROGRAM + "/records/pairing", pairing(households.get(i), cadre, "KEY").replace("DIVISION", "BUREAU")))
                .toList());

        assertEquals(4, answers.stream().filter(a -> a.status() == 201).count(), answers.toString());
        answers.stream().filter(a -> a.status() != 201).forEach(a -> assertEquals(422, a.status(), a.body()));
    }

    @Test
    void aTeamsAttendanceAndAVisitAreReadAgainstTheMinimaAndCoverage() throws Exception {
        String village = ProgramsIT.VILLAGE;
        var team = officer.send("POST", PROGRAM + "/records/team", """
                {"region":"%s","data":{"sentBy":"天水市农业农村局","formedOn":"%s","termYears":2}}"""
                .formatted(village, TODAY.withDayOfYear(1)));
        assertEquals(201, team.status(), team.body());
        var second = officer.send("POST", PROGRAM + "/records/team", """
                {"region":"%s","data":{"sentBy":"秦州区教育局","formedOn":"%s","termYears":2}}"""
                .formatted(village, TODAY.withDayOfYear(1)));
        assertEquals(422, second.status(), "one team per village: " + second.body());
        assertEquals(201, officer.send("POST", PROGRAM + "/records/team-member", """
                {"region":"%s","data":{"memberName":"王建国","role":"FIRST_SECRETARY","unit":"天水市农业农村局",
                 "unitLevel":"CITY","from":"%s"}}""".formatted(village, TODAY.withDayOfYear(1))).status());
        String attendance = PROGRAM + "/records/team/" + team.json().path("id").asText() + "/entries";
        List<LocalDate> days = List.of(TODAY.withDayOfYear(1), TODAY.withDayOfYear(2), TODAY);
        for (LocalDate day : days) {
            var present = officer.send("POST", attendance, """
                    {"type":"attendance","date":"%s","data":{"member":"王建国"}}""".formatted(day));
            assertEquals(201, present.status(), present.body());
        }
        var stranger = officer.send("POST", attendance, """
                {"type":"attendance","date":"%s","data":{"member":"赵无名"}}""".formatted(TODAY));
        assertEquals(422, stranger.status(), "only a serving member is present: " + stranger.body());
        assertEquals("data.member", Api.firstField(stranger));

        // a team that has not been in its village at all is the first to fall short
        var absent = officer.send("POST", PROGRAM + "/records/team", """
                {"region":"620502001001","data":{"sentBy":"秦州区水务局","formedOn":"%s","termYears":2}}"""
                .formatted(TODAY.withDayOfYear(1)));
        assertEquals(201, absent.status(), absent.body());

        JsonNode presence = officer.get(PROGRAM + "/reports/team-presence?region=620502&short=true").json();
        JsonNode ours = row(presence, "days", 3);
        JsonNode empty = row(presence, "days", 0);
        assertEquals(absent.json().path("id").asText(), empty.path("codes").path("record").asText());
        assertEquals(empty.path("values").path("minimum").asLong(), empty.path("values").path("short").asLong());
        assertTrue(empty.path("values").path("minimum").isIntegralNumber(), empty.toString());
        assertEquals(220L * TODAY.getDayOfYear() / TODAY.lengthOfYear(), ours.path("values").path("minimum").asLong());
        assertEquals(ours.path("values").path("minimum").asLong() - 3, ours.path("values").path("short").asLong());
        JsonNode early = officer.get(PROGRAM + "/reports/member-presence?region=620502&asOf=" + TODAY.withDayOfYear(2))
                .json();
        assertEquals(TODAY.withDayOfYear(2).toString(), early.path("asOf").asText());
        row(early, "days", 2);
        assertEquals(422, officer.get(PROGRAM + "/reports/team-presence?region=620502&asOf=" + TODAY.plusDays(1))
                .status(), "no presence as of tomorrow");

        String household = household();
        var pairing = officer.send("POST", PROGRAM + "/records/pairing", pairing(household,
                RegistryApiIT.id(LocalDate.of(1985, 2, 2), RegistryApiIT.SEQUENCE.getAndIncrement()), "CONTACT"));
        assertEquals(201, pairing.status(), pairing.body());
        var visit = officer.send("POST", PROGRAM + "/records/pairing/" + pairing.json().path("id").asText()
                + "/entries", """
                {"type":"visit","date":"%s","data":{"round":"FIRST","incomeSituation":"NEAR_LINE","foodAssured":true,
                 "clothingAssured":true,"educationAssured":true,"medicalAssured":true,"housingAssured":false,
                 "waterAssured":true,"needs":"HOUSING","findings":"住房有裂缝，建议申报危房改造"}}""".formatted(TODAY));
        assertEquals(201, visit.status(), visit.body());
        JsonNode visits = officer.get(PROGRAM + "/reports/visits-by-region?region=620502&year=" + TODAY.getYear())
                .json();
        assertTrue(visits.path("total").path("households").asLong() >= 1, visits.toString());
        JsonNode coverage = officer.get(PROGRAM + "/reports/households-with-cadre?region=620502").json();
        assertTrue(coverage.path("total").path("households").asLong() >= 1, coverage.toString());
        assertTrue(coverage.path("total").path("coverage").decimalValue().signum() > 0, coverage.toString());

        ShippedPlugins.everyReportAnswers(officer, "pairing");
    }

    /** The yearly assessment: each unit's score weighted as the province sets it (30/25/25/20 by default), ranked. */
    @Test
    void unitsAreRankedByTheirWeightedAssessmentScore() {
        for (String[] unit : new String[][] {{"秦州区教育局", "90", "80", "70", "61"}, {"天水市财政局", "95", "90", "90", "90"}}) {
            var registered = officer.send("POST", PROGRAM + "/records/unit", """
                    {"region":"620502","data":{"unitName":"%s","unitKind":"COUNTY","contact":"刘明","phone":"0938-8211234"}}"""
                    .formatted(unit[0]));
            assertEquals(201, registered.status(), registered.body());
            var assessed = officer.send("POST", PROGRAM + "/records/assessment", """
                    {"region":"620502","data":{"unit":"%s","year":%d,"presence":%s,"visits":%s,"plans":%s,"exits":%s}}"""
                    .formatted(unit[0], TODAY.getYear() - 1, unit[1], unit[2], unit[3], unit[4]));
            assertEquals(201, assessed.status(), assessed.body());
        }

        JsonNode ranking = officer.get(PROGRAM + "/reports/assessment-ranking?region=620502").json();

        assertEquals("rank", ranking.path("columns").get(0).path("key").asText());
        JsonNode first = ranking.path("rows").get(0);
        JsonNode second = ranking.path("rows").get(1);
        assertTrue(first.path("labels").path("record").path("zh").asText().startsWith("天水市财政局"), first.toString());
        // (95×30 + 90×25 + 90×25 + 90×20) / 100 and (90×30 + 80×25 + 70×25 + 61×20) / 100
        assertEquals(0, new java.math.BigDecimal("91.5").compareTo(first.path("values").path("weighted").decimalValue()));
        assertEquals(0, new java.math.BigDecimal("76.7").compareTo(second.path("values").path("weighted")
                .decimalValue()), second.toString());
        assertEquals(2, second.path("values").path("rank").asInt());
    }

    /**
     * 一户一策: the household's plan, and a measure of it pointing to the household's 雨露计划 application — whose
     * progress the measure then shows and the progress report counts, as that application moves, never typed again.
     */
    @Test
    void aPlansMeasureReadsItsProgressFromTheProgramsApplication() {
        var household = api.send("POST", "/api/v1/households", ProgramsIT.household(TODAY.minusYears(17)));
        assertEquals(201, household.status(), household.body());
        String householdId = household.json().path("id").asText();
        String student = household.json().path("members").get(1).path("id").asText();
        var training = officer.send("POST", "/api/v1/programs/yulu/applications", """
                {"householdId":"%s","data":{"student":"%s","schoolName":"天水市职业技术学校",
                 "schoolType":"SECONDARY_VOCATIONAL","schoolSubtype":"TECHNICAL_SECONDARY",
                 "enrolmentYear":%d,"programmeYears":3}}""".formatted(householdId, student, TODAY.getYear() - 1));
        assertEquals(201, training.status(), training.body());
        String trainingId = training.json().path("id").asText();
        var plan = officer.send("POST", PROGRAM + "/applications", """
                {"householdId":"%s","data":{"training":true,"relocation":false,"housing":false,"credit":false,
                 "industry":false,"employment":true,"publicWelfareJob":false,"medical":false,"education":false,
                 "mainMeasure":"TRAINING","targetIncome":6000,"targetYear":%d}}""".formatted(householdId,
                TODAY.getYear() + 1));
        assertEquals(201, plan.status(), plan.body());
        String planId = plan.json().path("id").asText();

        var elsewhere = officer.send("POST", PROGRAM + "/records/measure", """
                {"applicationId":"%s","data":{"measureKind":"TRAINING","linkedApplication":"%s"}}"""
                .formatted(planId, "no-such-application"));
        assertEquals(422, elsewhere.status(), elsewhere.body());
        assertEquals("data.linkedApplication", Api.firstField(elsewhere));
        var measure = officer.send("POST", PROGRAM + "/records/measure", """
                {"applicationId":"%s","data":{"measureKind":"TRAINING","linkedApplication":"%s"}}"""
                .formatted(planId, trainingId));
        assertEquals(201, measure.status(), measure.body());
        JsonNode linked = measure.json().path("applications").path("linkedApplication");
        assertEquals("yulu", linked.path("program").asText());
        assertEquals("SUBMITTED", linked.path("state").asText());
        assertEquals(201, officer.send("POST", PROGRAM + "/records/measure", """
                {"applicationId":"%s","data":{"measureKind":"EMPLOYMENT"}}""".formatted(planId)).status(),
                "a measure no program carries out yet");

        // the township verifies the 雨露计划 application: the measure shows it, nothing typed in the plan
        var township = api.user("it-pairing-town", "620502001", null, "TOWNSHIP_OFFICER");
        ShippedPlugins.step(township, "/api/v1/programs/yulu/applications/" + trainingId, "verify", null, 200);
        String measurePath = PROGRAM + "/records/measure/" + measure.json().path("id").asText();
        assertEquals("VERIFIED", officer.get(measurePath).json().path("applications").path("linkedApplication")
                .path("state").asText());
        JsonNode progress = officer.get(PROGRAM + "/reports/measures-by-progress?region=620502").json();
        List<String> states = new ArrayList<>();
        progress.path("rows").forEach(row -> states.add(row.path("codes").path("measureKind").asText() + " "
                + row.path("codes").path("state.linkedApplication").asText() + " "
                + row.path("labels").path("state.linkedApplication").path("zh").asText()));
        assertTrue(states.stream().anyMatch(s -> s.startsWith("TRAINING yulu:VERIFIED 雨露计划")), states.toString());
        assertTrue(states.stream().anyMatch(s -> s.startsWith("EMPLOYMENT null （未关联申请）")
                || s.startsWith("EMPLOYMENT  （未关联申请）")), states.toString());
    }

    /** A visit typed offline is sent again when the line comes back, maybe several times at once: stored once. */
    @Test
    void aVisitSentAgainWithItsIdempotencyKeyIsStoredOnce() throws Exception {
        var pairing = officer.send("POST", PROGRAM + "/records/pairing", pairing(household(),
                RegistryApiIT.id(LocalDate.of(1979, 4, 4), RegistryApiIT.SEQUENCE.getAndIncrement()), "KEY"));
        assertEquals(201, pairing.status(), pairing.body());
        String record = PROGRAM + "/records/pairing/" + pairing.json().path("id").asText();
        String visit = """
                {"type":"visit","date":"%s","data":{"round":"REVISIT","incomeSituation":"STABLE","foodAssured":true,
                 "clothingAssured":true,"educationAssured":true,"medicalAssured":true,"housingAssured":true,
                 "waterAssured":true,"needs":"NONE"}}""".formatted(TODAY);
        String key = "visit-" + java.util.UUID.randomUUID();

        var answers = Api.atOnce(IntStream.range(0, 4).<Supplier<Api.Reply>>mapToObj(i -> () -> officer.send("POST",
                record + "/entries", visit, "Idempotency-Key", key)).toList());
        var again = officer.send("POST", record + "/entries", visit, "Idempotency-Key", key);

        assertEquals(1, answers.stream().filter(a -> a.status() == 201).count(), answers.toString());
        answers.stream().filter(a -> a.status() != 201).forEach(a -> {
            assertEquals(200, a.status(), a.body());
            assertEquals("true", a.header("Idempotent-Replayed"));
        });
        assertEquals(200, again.status(), again.body());
        long visits = 0;
        for (JsonNode event : officer.get(record).json().path("events")) {
            visits += "ENTRY".equals(event.path("kind").asText()) ? 1 : 0;
        }
        assertEquals(1, visits, "one visit stored");
        assertEquals(201, officer.send("POST", record + "/entries", visit, "Idempotency-Key", "visit-" + java.util
                .UUID.randomUUID()).status(), "another key is another visit");
        assertEquals(400, officer.send("POST", record + "/entries", visit, "Idempotency-Key", "short").status());
    }

    /** Whether the household is listed in its village among those with (or without) a 帮扶责任人 now. */
    private static boolean listed(String household, boolean paired) {
        for (JsonNode found : officer.get("/api/v1/households?region=" + ProgramsIT.VILLAGE + "&size=500&paired="
                + paired).json().path("items")) {
            if (found.path("id").asText().equals(household)) {
                return true;
            }
        }
        return false;
    }

    /** The row of a report with this value of a measure. */
    private static JsonNode row(JsonNode report, String measure, long value) {
        for (JsonNode row : report.path("rows")) {
            if (row.path("values").path(measure).asLong() == value) {
                return row;
            }
        }
        throw new AssertionError("no row with " + measure + " " + value + ": " + report);
    }

    private static String household() {
        var created = api.send("POST", "/api/v1/households", ProgramsIT.household(TODAY.minusYears(15)));
        assertEquals(201, created.status(), created.body());
        return created.json().path("id").asText();
    }

    private static String pairing(String household, String cadre, String kind) {
        return """
                {"householdId":"%s","data":{"cadreName":"张卫东","cadreId":"%s","rank":"DIVISION","kind":"%s",
                 "unit":"天水市农业农村局","unitLevel":"CITY","post":"副局长","phone":"13909381234","since":"%s"}}"""
                .formatted(household, cadre, kind, TODAY);
    }
}
