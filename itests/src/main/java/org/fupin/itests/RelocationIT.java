package org.fupin.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * 易地扶贫搬迁 and 农村危房改造 as the distribution ships them, both installed while the platform runs: the county
 * designates a relocation area and a settlement site (records of the program), a registered household of the area is
 * relocated through the notices, the agreement with its demolition clause, building, moving in, demolition and
 * reclamation, its funds paid by source; and the two programs exclude each other for one household — over HTTP, on a
 * moving platform clock.
 */
@Timeout(180)
class RelocationIT {
    static final String PROGRAM = "/api/v1/programs/relocation";
    static Api api;
    static Api officer;
    static Api housingOfficer;
    static BundleContext context;

    @BeforeAll
    static void start(@InjectBundleContext BundleContext bundleContext) throws Exception {
        context = bundleContext;
        api = Api.admin(context);
        officer = api.user("it-relocation", "620502", "development-reform", "PROGRAM_OFFICER");
        housingOfficer = api.user("it-relocation-housing", "620502", "housing-bureau", "PROGRAM_OFFICER");
        ShippedPlugins.install(api, context, "relocation");
        ShippedPlugins.install(api, context, "housing");
    }

    @AfterAll
    static void stop() throws Exception {
        ShippedPlugins.remove(api, context, "relocation");
        ShippedPlugins.remove(api, context, "housing");
    }

    @Test
    void aHouseholdOfADesignatedAreaIsRelocatedAndTheTwoProgramsExcludeEachOther() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String relocated = household(today);
        String renovated = household(today);
        String filing = """
                {"householdId":"%s","data":{"persons":2,"mode":"CENTRALIZED","settlementSite":"%s",
                 "plannedArea":%s,"selfFunding":%s}}""";

        var notDesignated = officer.send("POST", PROGRAM + "/applications", filing.formatted(relocated, "IT-AZD-01",
                50, 6000));
        assertEquals(422, notDesignated.status(), notDesignated.body());
        assertEquals("relocation.not-designated", Api.firstField(notDesignated));
        var site = record("site", """
                {"region":"620502","data":{"code":"IT-AZD-01","siteName":"测试安置点","location":"秦州区玉泉镇",
                 "capacity":50}}""");
        record("area", """
                {"region":"%s","data":{"cause":"DISASTER","groups":"三组、四组","designatedOn":"%s"}}"""
                .formatted(ProgramsIT.VILLAGE, today));
        recordStep("site", site, "actions", "{\"action\":\"start-construction\"}", 200);
        recordStep("site", site, "entries", """
                {"type":"progress","date":"%s","data":{"stage":"GROUND_BROKEN","evidence":"开工照片"}}"""
                .formatted(today), 201);

        var eligibility = api.get("/api/v1/households/" + relocated + "/eligibility").json();
        assertTrue(eligibility.toString().contains("relocation.designated"), eligibility.toString());
        refused(filing.formatted(relocated, "IT-AZD-01", 50.5, 6000), "data.plannedArea", "2 persons: 50 m²");
        refused(filing.formatted(relocated, "IT-AZD-01", 50, 10000.01), "data.selfFunding", "10,000 yuan");
        refused(filing.formatted(relocated, "IT-AZD-09", 50, 6000), "data.settlementSite", "no such site");
        var filed = officer.send("POST", PROGRAM + "/applications", filing.formatted(relocated, "IT-AZD-01", 50,
                10000));
        assertEquals(201, filed.status(), filed.body());
        String application = PROGRAM + "/applications/" + filed.json().path("id").asText();

        String renovation = housing(renovated, today);
        try {
            step(application, "village-review", null, 200);
            ProgramsIT.moveClock(context, 7);
            step(application, "township-review", null, 200);
            housingStep(renovation, "township-review", null);
            ProgramsIT.moveClock(context, 14);
            step(application, "county-approve", null, 200);
            housingStep(renovation, "county-approve", null);

            // approved for relocation: no renovation of the house it leaves
            assessD(relocated, today);
            var noRenovation = housingOfficer.send("POST", "/api/v1/programs/housing/applications",
                    housingFiling(relocated));
            assertEquals(422, noRenovation.status(), noRenovation.body());
            assertEquals("householdId", Api.firstField(noRenovation));
            assertTrue(noRenovation.body().contains(filed.json().path("id").asText())
                    && noRenovation.body().contains("housing.relocated"), noRenovation.body());
            // the household's page says so before anyone files: both programs' verdicts (relocation's own open
            // application stands against a second one, as its limit of one per household would on filing)
            JsonNode verdicts = api.get("/api/v1/households/" + relocated + "/eligibility").json();
            assertEquals("housing false housing.relocated; relocation false relocation.one-open",
                    verdicts(verdicts), verdicts.toString());

            ProgramsIT.moveClock(context, 21);
            String signedOn = today.plusDays(21).toString();
            var noDemolition = officer.send("POST", application + "/transitions", """
                    {"action":"sign","data":{"agreementNumber":"BQ-IT-01","signedOn":"%s","demolitionAgreed":false}}"""
                    .formatted(signedOn));
            assertEquals(422, noDemolition.status(), noDemolition.body());
            assertEquals("data.demolitionAgreed", Api.firstField(noDemolition));
            step(application, "sign", """
                    {"agreementNumber":"BQ-IT-01","signedOn":"%s","demolitionAgreed":true}""".formatted(signedOn), 200);

            // a renovation under way: the household is refused relocation, naming it
            housingStep(renovation, "sign", "{\"agreementNumber\":\"WG-IT-02\",\"signedOn\":\"%s\"}"
                    .formatted(signedOn));
            var noRelocation = officer.send("POST", PROGRAM + "/applications", filing.formatted(renovated,
                    "IT-AZD-01", 50, 0));
            assertEquals(422, noRelocation.status(), noRelocation.body());
            assertTrue(noRelocation.body().contains(renovation.substring(renovation.lastIndexOf('/') + 1))
                    && noRelocation.body().contains("relocation.renovated"), noRelocation.body());

            var funding = record("funding", "{\"applicationId\":\"%s\",\"data\":{\"planYear\":%d}}"
                    .formatted(filed.json().path("id").asText(), today.getYear()));
            for (String[] paid : new String[][] {{"CENTRAL_BUDGET", "16000"}, {"LOCAL_BONDS", "20000"}}) {
                recordStep("funding", funding, "entries", """
                        {"type":"allocation","date":"%s","data":{"source":"%s","amount":%s,"voucher":"FG-IT"}}"""
                        .formatted(signedOn, paid[0], paid[1]), 201);
            }

            ProgramsIT.moveClock(context, 150);
            var tooLarge = officer.send("POST", application + "/transitions", """
                    {"action":"build","data":{"builtOn":"%s","actualArea":52,"evidence":"竣工照片"}}"""
                    .formatted(today.plusDays(150)));
            assertEquals(422, tooLarge.status(), tooLarge.body());
            assertEquals("data.actualArea", Api.firstField(tooLarge));
            step(application, "build", """
                    {"builtOn":"%s","actualArea":50,"evidence":"竣工照片"}""".formatted(today.plusDays(150)), 200);
            ProgramsIT.moveClock(context, 170);
            step(application, "move-in", """
                    {"keysHandedOn":"%s","movedInOn":"%s","evidence":"入住确认书"}"""
                    .formatted(today.plusDays(168), today.plusDays(170)), 200);
            JsonNode movedIn = api.get("/api/v1/households/" + relocated).json();
            assertEquals("{\"food\":true,\"clothing\":true,\"compulsoryEducation\":true,\"basicMedical\":true,"
                    + "\"safeHousing\":true,\"safeWater\":true}", movedIn.path("assurances").toString(),
                    "moving in makes the housing safe: " + movedIn);
            ProgramsIT.moveClock(context, 200);
            step(application, "demolish", """
                    {"demolishedOn":"%s","evidence":"拆除照片"}""".formatted(today.plusDays(200)), 200);
            ProgramsIT.moveClock(context, 280);
            var done = step(application, "reclaim", """
                    {"reclaimedOn":"%s","reclaimedArea":0.4,"evidence":"复垦验收单"}""".formatted(today.plusDays(280)),
                    200);
            assertEquals("RECLAIMED", done.path("state").asText());
        } finally {
            ProgramsIT.moveClock(context, 0);
        }

        JsonNode relocatedReport = officer.get(PROGRAM + "/reports/relocated-by-region-and-mode?region=620502")
                .json();
        assertEquals(1, relocatedReport.path("total").path("households").asLong(), relocatedReport.toString());
        assertEquals(2, relocatedReport.path("total").path("sum.persons").asLong(), relocatedReport.toString());
        JsonNode bySource = officer.get(PROGRAM + "/reports/subsidy-by-source?region=620502").json();
        assertEquals(0, new BigDecimal("36000").compareTo(bySource.path("total").path("amount").decimalValue()),
                bySource.toString());
    }

    @Test
    void everyReportAsJsonCsvAndXlsx() {
        ShippedPlugins.everyReportAnswers(officer, "relocation");
    }

    /** Each program's verdict and its reasons' rules, sorted by program. */
    private static String verdicts(JsonNode eligibility) {
        var verdicts = new java.util.ArrayList<String>();
        for (JsonNode program : eligibility.path("programs")) {
            var rules = new java.util.ArrayList<String>();
            program.path("reasons").forEach(reason -> rules.add(reason.path("rule").asText()));
            verdicts.add(program.path("program").asText() + " " + program.path("eligible").asBoolean() + " "
                    + String.join(",", rules));
        }
        return String.join("; ", verdicts);
    }

    /** A registered poor household of two in 三组, its housing not (yet) safe. */
    private static String household(LocalDate today) {
        String household = ProgramsIT.household(today.minusYears(16)).replace("\"members\":", """
                "assurances":{"food":true,"clothing":true,"compulsoryEducation":true,"basicMedical":true,
                 "safeHousing":false,"safeWater":true},"members":""");
        var created = api.send("POST", "/api/v1/households", household);
        assertEquals(201, created.status(), created.body());
        return created.json().path("id").asText();
    }

    private static void assessD(String householdId, LocalDate today) {
        long version = api.get("/api/v1/households/" + householdId).json().path("version").asLong();
        var assessed = housingOfficer.send("PATCH", "/api/v1/households/" + householdId + "/extensions", """
                {"version":%d,"values":{"housing.safetyGrade":"D","housing.assessedOn":"%s"}}"""
                .formatted(version, today));
        assertEquals(200, assessed.status(), assessed.body());
    }

    private static String housingFiling(String householdId) {
        return """
                {"householdId":"%s","data":{"group":"REGISTERED_POOR","grade":"D","renovationType":"REBUILD",
                 "plannedArea":50}}""".formatted(householdId);
    }

    /** A renovation filed for the household and reviewed by its village, on notice from today. */
    private static String housing(String householdId, LocalDate today) {
        assessD(householdId, today);
        var filed = housingOfficer.send("POST", "/api/v1/programs/housing/applications", housingFiling(householdId));
        assertEquals(201, filed.status(), filed.body());
        String application = "/api/v1/programs/housing/applications/" + filed.json().path("id").asText();
        housingStep(application, "village-review", null);
        return application;
    }

    private static void housingStep(String application, String action, String data) {
        ShippedPlugins.step(housingOfficer, application, action, data, 200);
    }

    private static void refused(String filing, String field, String why) {
        var answer = officer.send("POST", PROGRAM + "/applications", filing);
        assertEquals(422, answer.status(), why + ": " + answer.body());
        assertEquals(field, Api.firstField(answer), why + ": " + answer.body());
    }

    private static String record(String type, String body) {
        var created = officer.send("POST", PROGRAM + "/records/" + type, body);
        assertEquals(201, created.status(), created.body());
        return created.json().path("id").asText();
    }

    private static void recordStep(String type, String id, String kind, String body, int status) {
        var answer = officer.send("POST", PROGRAM + "/records/" + type + "/" + id + "/" + kind, body);
        assertEquals(status, answer.status(), kind + ": " + answer.body());
    }

    private static JsonNode step(String application, String action, String data, int status) {
        return ShippedPlugins.step(officer, application, action, data, status);
    }
}
