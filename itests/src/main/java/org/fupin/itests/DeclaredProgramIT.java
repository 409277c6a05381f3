package org.fupin.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;

/**
 * A program with no Java at all (健康扶贫 inpatient assistance: an amount per hospital stay, at most 10,000 yuan per
 * person per year), uploaded at run time as a third party would ship it, and its yearly cap held by the platform when
 * eight payments for one patient arrive at once.
 */
@Timeout(120)
class DeclaredProgramIT {
    static Api api;
    static Api officer;
    static BundleContext context;

    @BeforeAll
    static void start(@InjectBundleContext BundleContext bundleContext) throws Exception {
        context = bundleContext;
        api = Api.admin(context);
        officer = api.user("it-health", "620502", "health-bureau", "PROGRAM_OFFICER");
        api.await("/api/v1/regions/620502", r -> r.status() == 200, Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        api.send("DELETE", "/api/v1/admin/plugins/health", null);
    }

    @Test
    void aDeclaredProgramRunsAndItsYearlyCapHoldsUnderEightConcurrentPayments() throws Exception {
        byte[] jar = TestBundles.declaredPlugin(context.getBundle(), "health", "org.example.health", "1.0.0",
                "health");
        var installed = api.upload("/api/v1/admin/plugins", jar, "application/java-archive");
        assertEquals(201, installed.status(), installed.body());
        var program = api.await("/api/v1/programs/health", r -> r.status() == 200, Duration.ofSeconds(10)).json();
        assertEquals("健康扶贫住院救助", program.path("name").path("zh").asText());
        assertEquals("health.yearly-cap", program.path("limits").get(0).path("rule").asText());
        assertEquals(200, api.send("PUT", "/api/v1/regions/620502/programs/health", "{\"enabled\":true}").status());

        var household = api.send("POST", "/api/v1/households",
                ProgramsIT.household(LocalDate.now(ZoneId.of("Asia/Shanghai")).minusYears(40)));
        assertEquals(201, household.status(), household.body());
        String householdId = household.json().path("id").asText();
        String patient = household.json().path("members").get(1).path("id").asText();
        var noReferral = api.send("POST", "/api/v1/programs/health/applications", """
                {"householdId":"%s","data":{"patient":"%s","hospital":"兰州大学第一医院","outOfCounty":true}}"""
                .formatted(householdId, patient));
        assertEquals(422, noReferral.status(), noReferral.body());
        assertEquals("data.referralNumber", Api.firstField(noReferral), "required once treated outside the county");
        List<String> stays = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            var filed = api.send("POST", "/api/v1/programs/health/applications", """
                    {"householdId":"%s","data":{"patient":"%s","hospital":"天水市第一人民医院"}}"""
                    .formatted(householdId, patient));
            assertEquals(201, filed.status(), filed.body());
            stays.add(filed.json().path("id").asText());
        }

        List<java.util.function.Supplier<Api.Reply>> payments = stays.stream()
                .<java.util.function.Supplier<Api.Reply>>map(stay -> () -> officer.send("POST",
                        "/api/v1/programs/health/applications/" + stay + "/transitions",
                        "{\"action\":\"pay\",\"data\":{\"amount\":2000}}"))
                .toList();

        var replies = Api.atOnce(payments);

        // 2,000 each against 10,000 a person a year: five fit, three would go over
        assertEquals(List.of(200, 200, 200, 200, 200, 422, 422, 422),
                replies.stream().map(Api.Reply::status).sorted().toList());
        assertEquals(List.of("data.amount"), replies.stream().filter(r -> r.status() == 422).map(Api::firstField)
                .distinct().toList());
        BigDecimal paid = BigDecimal.ZERO;
        for (String stay : stays) {
            for (var benefit : api.get("/api/v1/programs/health/applications/" + stay).json().path("benefits")) {
                paid = paid.add(benefit.path("amount").decimalValue());
            }
        }
        assertEquals(0, new BigDecimal("10000").compareTo(paid), "paid in all: " + paid);
        var report = api.get("/api/v1/programs/health/reports/paid-by-region?region=620502");
        assertEquals(200, report.status(), report.body());
        assertTrue(report.json().path("total").path("amount").decimalValue().compareTo(new BigDecimal("10000")) == 0,
                report.body());
    }

    @Test
    void aProgramDeclaresWhoMayFile() throws Exception {
        // 健康扶贫 as a bureau might run it: the paired cadres and village clerks file for their households
        byte[] cadresFile = healthEdited("org.example.health", "health", "1.0.1", declaration -> declaration.replace(
                "\"initial\": \"FILED\",", "\"initial\": \"FILED\", \"filers\": [\"PAIRED_CADRE\", \"VILLAGE_CLERK\"],"));
        var installed = api.upload("/api/v1/admin/plugins", cadresFile, "application/java-archive");
        assertTrue(installed.status() == 201 || installed.status() == 200, installed.body());
        api.await("/api/v1/programs/health", r -> r.status() == 200 && r.body().contains("PAIRED_CADRE"),
                Duration.ofSeconds(15));
        assertEquals(200, api.send("PUT", "/api/v1/regions/620502/programs/health", "{\"enabled\":true}").status());
        var household = api.send("POST", "/api/v1/households",
                ProgramsIT.household(LocalDate.now(ZoneId.of("Asia/Shanghai")).minusYears(41)));
        String filing = """
                {"householdId":"%s","data":{"patient":"%s","hospital":"天水市第一人民医院"}}"""
                .formatted(household.json().path("id").asText(), household.json().path("members").get(1).path("id")
                        .asText());
        Api cadre = api.user("it-cadre", ProgramsIT.VILLAGE, null, "PAIRED_CADRE");
        try {
            var byAdmin = api.send("POST", "/api/v1/programs/health/applications", filing);
            assertEquals(403, byAdmin.status(), byAdmin.body());
            assertTrue(byAdmin.json().path("error").path("message").asText().contains("PAIRED_CADRE"), byAdmin.body());
            var byCadre = cadre.send("POST", "/api/v1/programs/health/applications", filing);
            assertEquals(201, byCadre.status(), byCadre.body());
        } finally {
            api.send("DELETE", "/api/v1/admin/plugins/health", null);
        }
    }

    @Test
    void aScheduledActionIsTakenByThePlatformOnceDueOnThePlatformClock() throws Exception {
        if (api.get("/api/v1/programs/health").status() != 200 || !api.get("/api/v1/programs/health").body()
                .contains("\"lapse\"")) {
            var installed = api.upload("/api/v1/admin/plugins", TestBundles.declaredPlugin(context.getBundle(),
                    "health", "org.example.health", "1.0.0", "health"), "application/java-archive");
            assertTrue(installed.status() == 201 || installed.status() == 200, installed.body());
            api.await("/api/v1/programs/health", r -> r.status() == 200, Duration.ofSeconds(15));
        }
        assertEquals(200, api.send("PUT", "/api/v1/regions/620502/programs/health", "{\"enabled\":true}").status());
        var household = api.send("POST", "/api/v1/households",
                ProgramsIT.household(LocalDate.now(ZoneId.of("Asia/Shanghai")).minusYears(42)));
        var filed = api.send("POST", "/api/v1/programs/health/applications", """
                {"householdId":"%s","data":{"patient":"%s","hospital":"秦州区人民医院"}}""".formatted(
                household.json().path("id").asText(), household.json().path("members").get(1).path("id").asText()));
        assertEquals(201, filed.status(), filed.body());
        String application = "/api/v1/programs/health/applications/" + filed.json().path("id").asText();
        try {
            var early = api.awaitJob(api.send("POST", "/api/v1/admin/scheduled-actions", null));
            assertEquals("SUCCEEDED", early.json().path("state").asText(), early.body());
            assertEquals("FILED", api.get(application).json().path("state").asText(), "not due before 90 days");
            assertEquals(403, officer.send("POST", application + "/transitions", "{\"action\":\"lapse\"}").status(),
                    "no role may take an action only the platform takes");

            ProgramsIT.moveClock(context, 90);
            var due = api.awaitJob(api.send("POST", "/api/v1/admin/scheduled-actions", null));
            assertEquals("SUCCEEDED", due.json().path("state").asText(), due.body());
            assertTrue(due.json().path("result").path("taken").asLong() >= 1, due.body());
            var lapsed = api.get(application).json();
            assertEquals("CLOSED", lapsed.path("state").asText(), lapsed.toString());
            var step = lapsed.path("steps").get(lapsed.path("steps").size() - 1);
            assertEquals("lapse", step.path("action").asText());
            assertEquals("system", step.path("actor").asText());
            var audited = api.get("/api/v1/audit/entries?entity=application&id=" + filed.json().path("id").asText());
            assertEquals("lapse", audited.json().path("items").get(0).path("action").asText(), audited.body());
        } finally {
            ProgramsIT.moveClock(context, 0);
            api.send("DELETE", "/api/v1/admin/plugins/health", null);
        }
    }

    @Test
    void aProgramRefusesAFilingWhileTheHouseholdHasAnotherProgramsOpenApplication() throws Exception {
        if (api.get("/api/v1/programs/health").status() != 200) {
            var health = api.upload("/api/v1/admin/plugins", TestBundles.declaredPlugin(context.getBundle(), "health",
                    "org.example.health", "1.0.0", "health"), "application/java-archive");
            assertTrue(health.status() == 201 || health.status() == 200, health.body());
        }
        // a second program of the bureau that excludes an open inpatient application of the same household
        byte[] illness = healthEdited("org.example.illness", "illness", "1.0.0", declaration -> declaration
                .replace("\"id\": \"health\",", "\"id\": \"illness\",").replace("\"limits\": [",
                        "\"conflicts\": [{\"rule\": \"illness.not-with-inpatient\", \"program\": \"health\", "
                                + "\"states\": [\"FILED\"]}],\n  \"limits\": ["));
        var installed = api.upload("/api/v1/admin/plugins", illness, "application/java-archive");
        assertEquals(201, installed.status(), installed.body());
        try {
            api.await("/api/v1/programs/illness", r -> r.status() == 200, Duration.ofSeconds(15));
            api.await("/api/v1/programs/health", r -> r.status() == 200, Duration.ofSeconds(15));
            for (String program : List.of("health", "illness")) {
                assertEquals(200, api.send("PUT", "/api/v1/regions/620502/programs/" + program, "{\"enabled\":true}")
                        .status());
            }
            var household = api.send("POST", "/api/v1/households",
                    ProgramsIT.household(LocalDate.now(ZoneId.of("Asia/Shanghai")).minusYears(43)));
            String filing = """
                    {"householdId":"%s","data":{"patient":"%s","hospital":"天水市中医医院"}}"""
                    .formatted(household.json().path("id").asText(), household.json().path("members").get(1)
                            .path("id").asText());
            var inpatient = api.send("POST", "/api/v1/programs/health/applications", filing);
            assertEquals(201, inpatient.status(), inpatient.body());
            String inpatientId = inpatient.json().path("id").asText();

            var refused = api.send("POST", "/api/v1/programs/illness/applications", filing);
            assertEquals(422, refused.status(), refused.body());
            assertEquals("householdId", Api.firstField(refused));
            assertTrue(refused.body().contains(inpatientId), "the refusal names the other application: "
                    + refused.body());

            var closed = officer.send("POST", "/api/v1/programs/health/applications/" + inpatientId + "/transitions",
                    "{\"action\":\"close\",\"note\":\"出院结算完毕\"}");
            assertEquals(200, closed.status(), closed.body());
            assertEquals(201, api.send("POST", "/api/v1/programs/illness/applications", filing).status(),
                    "once the inpatient application is closed");
        } finally {
            api.send("DELETE", "/api/v1/admin/plugins/illness", null);
            api.send("DELETE", "/api/v1/admin/plugins/health", null);
        }
    }

    /**
     * 健康扶贫 adds two fields to every household's record: the bureau's officers set the chronic disease under contract
     * care, officers and village clerks the family doctor contract. Everyone who sees the household sees them, searches
     * filter on them, and they stay on the record when the plugin is removed.
     */
    @Test
    void aProgramAddsFieldsToTheHouseholdRecord() throws Exception {
        if (api.get("/api/v1/programs/health").status() != 200) {
            var health = api.upload("/api/v1/admin/plugins", TestBundles.declaredPlugin(context.getBundle(), "health",
                    "org.example.health", "1.0.0", "health"), "application/java-archive");
            assertTrue(health.status() == 201 || health.status() == 200, health.body());
            api.await("/api/v1/programs/health", r -> r.status() == 200, Duration.ofSeconds(15));
        }
        var declared = api.get("/api/v1/programs/health").json().path("householdFields");
        assertEquals("health.chronicDisease", declared.get(0).path("key").asText());
        assertEquals("糖尿病", declared.get(0).path("field").path("options").get(1).path("label").path("zh").asText());
        assertEquals("[\"PROGRAM_OFFICER\",\"VILLAGE_CLERK\"]", declared.get(1).path("editors").toString());
        var household = api.send("POST", "/api/v1/households",
                ProgramsIT.household(LocalDate.now(ZoneId.of("Asia/Shanghai")).minusYears(44)));
        assertEquals(201, household.status(), household.body());
        String id = household.json().path("id").asText();
        String path = "/api/v1/households/" + id;
        Api clerk = api.user("it-health-clerk", ProgramsIT.VILLAGE, null, "VILLAGE_CLERK");
        Api auditor = api.user("it-health-auditor", "620502", null, "AUDITOR");

        var set = officer.send("PATCH", path + "/extensions",
                extensions(1, "\"health.chronicDisease\":\"DIABETES\",\"health.familyDoctor\":true"));
        assertEquals(200, set.status(), set.body());
        assertEquals("DIABETES", set.json().path("extensions").path("health.chronicDisease").asText());
        var read = clerk.get(path);
        assertEquals(2, read.json().path("version").asInt());
        assertTrue(read.json().path("extensions").path("health.familyDoctor").asBoolean(), read.body());

        var byClerk = clerk.send("PATCH", path + "/extensions",
                extensions(2, "\"health.chronicDisease\":\"HYPERTENSION\""));
        assertEquals(403, byClerk.status(), byClerk.body());
        assertTrue(byClerk.body().contains("health.chronicDisease"), byClerk.body());
        assertEquals(403, auditor.send("PATCH", path + "/extensions",
                extensions(2, "\"health.familyDoctor\":false")).status());
        var wrongCode = officer.send("PATCH", path + "/extensions",
                extensions(2, "\"health.chronicDisease\":\"ASTHMA\""));
        assertEquals(422, wrongCode.status(), wrongCode.body());
        assertEquals("extensions.health.chronicDisease", Api.firstField(wrongCode));
        var unknown = api.send("PATCH", path + "/extensions", extensions(2, "\"housing.dangerGrade\":\"D\""));
        assertEquals(422, unknown.status(), unknown.body());
        assertEquals("extensions.housing.dangerGrade", Api.firstField(unknown));
        var stale = clerk.send("PATCH", path + "/extensions", extensions(1, "\"health.familyDoctor\":false"));
        assertEquals(409, stale.status(), stale.body());

        var found = api.get("/api/v1/households?region=620502&size=500&ext.health.chronicDisease=DIABETES");
        assertEquals(200, found.status(), found.body());
        assertTrue(found.body().contains("\"id\":\"" + id + "\""), found.body());
        var badSearch = api.get("/api/v1/households?region=620502&ext.health.familyDoctor=maybe");
        assertEquals(422, badSearch.status(), badSearch.body());
        assertEquals("ext.health.familyDoctor", Api.firstField(badSearch));

        var csv = api.get("/api/v1/households?region=620502&ext.health.chronicDisease=DIABETES&format=csv");
        assertEquals(200, csv.status(), csv.body());
        assertTrue(csv.body().lines().findFirst().orElseThrow()
                .endsWith(",签约管理的慢病[health.chronicDisease],已签约家庭医生[health.familyDoctor]"), csv.body());
        assertTrue(csv.body().contains(",DIABETES,是"), csv.body());

        // a clerk edits the household as read: the officer's field goes back unchanged and is kept
        var edited = clerk.send("PUT", path, read.body().replace("\"villageGroup\":\"三组\"",
                "\"villageGroup\":\"四组\""));
        assertEquals(200, edited.status(), edited.body());
        assertEquals("四组", edited.json().path("villageGroup").asText());
        assertEquals("DIABETES", edited.json().path("extensions").path("health.chronicDisease").asText());

        assertEquals(204, api.send("DELETE", "/api/v1/admin/plugins/health", null).status());
        api.await("/api/v1/programs/health", r -> r.status() == 404, Duration.ofSeconds(15));
        var afterRemoval = api.get(path);
        assertEquals("DIABETES", afterRemoval.json().path("extensions").path("health.chronicDisease").asText(),
                "the values stay when the program goes");
        var unchangedPut = api.send("PUT", path, afterRemoval.body());
        assertEquals(200, unchangedPut.status(), unchangedPut.body());
        var noLongerSettable = officer.send("PATCH", path + "/extensions",
                extensions(unchangedPut.json().path("version").asInt(), "\"health.familyDoctor\":false"));
        assertEquals(422, noLongerSettable.status(), noLongerSettable.body());
    }

    private static String extensions(int version, String values) {
        return "{\"version\":" + version + ",\"values\":{" + values + "}}";
    }

    /**
     * 两公示一公告 as a 危房改造 test plugin declares it: a village notice, a township notice and the county's
     * announcement, each listed where it is posted while it runs, and each step possible only once it is over.
     */
    @Test
    void noticesAreListedWhereTheyArePostedWhileTheyRun() throws Exception {
        var installed = api.upload("/api/v1/admin/plugins", TestBundles.declaredPlugin(context.getBundle(),
                "renovation", "org.example.renovation", "1.0.0", "renovation"), "application/java-archive");
        assertTrue(installed.status() == 201 || installed.status() == 200, installed.body());
        api.await("/api/v1/programs/renovation", r -> r.status() == 200, Duration.ofSeconds(15));
        assertEquals(200, api.send("PUT", "/api/v1/regions/620502/programs/renovation", "{\"enabled\":true}").status());
        var household = api.send("POST", "/api/v1/households",
                ProgramsIT.household(LocalDate.now(ZoneId.of("Asia/Shanghai")).minusYears(45)));
        var filed = api.send("POST", "/api/v1/programs/renovation/applications", """
                {"householdId":"%s","data":{"grade":"D"}}""".formatted(household.json().path("id").asText()));
        assertEquals(201, filed.status(), filed.body());
        String id = filed.json().path("id").asText();
        String application = "/api/v1/programs/renovation/applications/" + id;
        String township = ProgramsIT.VILLAGE.substring(0, 9);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        var waiting = api.send("POST", "/api/v1/programs/renovation/applications", """
                {"householdId":"%s","data":{"grade":"C"}}""".formatted(api.send("POST", "/api/v1/households",
                ProgramsIT.household(today.minusYears(46))).json().path("id").asText()));
        assertEquals(201, waiting.status(), waiting.body());
        LocalDate deadline = LocalDate.parse(waiting.json().path("deadline").asText());
        assertTrue(deadline.isAfter(today.plusDays(10)), "10 working days span a weekend at least: " + deadline);
        assertTrue(!waiting.json().path("overdue").asBoolean());
        try {
            assertEquals(200, api.send("POST", application + "/transitions", "{\"action\":\"village-review\"}")
                    .status());
            assertTrue(api.get(application).json().path("deadline").isNull(), "a deadline belongs to its state");
            var village = api.get("/api/v1/programs/renovation/notices?region=" + ProgramsIT.VILLAGE
                    + "&level=village").json();
            var posted = notice(village, id);
            assertEquals("村级公示", posted.path("stateLabel").path("zh").asText());
            assertEquals(today.plusDays(6).toString(), posted.path("until").asText(), "7 days, today included");
            assertEquals(household.json().path("members").get(0).path("name").asText(),
                    posted.path("headName").asText());
            assertTrue(notice(api.get("/api/v1/programs/renovation/notices?region=620502&level=TOWNSHIP").json(), id)
                    .isMissingNode(), "not on the township's notice yet");
            assertEquals(409, api.send("POST", application + "/transitions", "{\"action\":\"township-review\"}")
                    .status(), "the village notice still runs");

            ProgramsIT.moveClock(context, 7);
            assertEquals(200, api.send("POST", application + "/transitions", "{\"action\":\"township-review\"}")
                    .status());
            var atTownship = notice(api.get("/api/v1/programs/renovation/notices?region=" + township
                    + "&level=TOWNSHIP").json(), id);
            assertEquals("TOWNSHIP", atTownship.path("level").asText(), atTownship.toString());
            ProgramsIT.moveClock(context, 14);
            assertEquals(200, api.send("POST", application + "/transitions", "{\"action\":\"county-approve\"}")
                    .status());
            var announced = notice(api.get("/api/v1/programs/renovation/notices?region=620502&level=COUNTY").json(),
                    id);
            assertTrue(announced.path("announcement").asBoolean(), announced.toString());
            ProgramsIT.moveClock(context, 21);
            String waitingPath = "/api/v1/programs/renovation/applications/" + waiting.json().path("id").asText();
            assertTrue(api.get(waitingPath).json().path("overdue").asBoolean(), "past its 10 working days");
            var overdue = api.get("/api/v1/programs/renovation/applications?region=620502&overdue=true").json();
            assertTrue(overdue.toString().contains(waiting.json().path("id").asText()), overdue.toString());
            assertEquals(400, api.get("/api/v1/programs/renovation/applications?overdue=maybe").status());
            assertTrue(notice(api.get("/api/v1/programs/renovation/notices?region=620502").json(), id)
                    .isMissingNode(), "the announcement is over");
            var registered = api.send("POST", application + "/transitions", "{\"action\":\"register\"}");
            assertEquals(200, registered.status(), registered.body());
            assertEquals("APPROVED", registered.json().path("state").asText());
        } finally {
            ProgramsIT.moveClock(context, 0);
            api.send("DELETE", "/api/v1/admin/plugins/renovation", null);
        }
    }

    /** The notice of application {@code id} in a notices page, or a missing node. */
    private static com.fasterxml.jackson.databind.JsonNode notice(com.fasterxml.jackson.databind.JsonNode page,
            String id) {
        for (var item : page.path("items")) {
            if (item.path("applicationId").asText().equals(id)) {
                return item;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** The test 健康扶贫 plugin as {@code symbolicName} {@code version} for program {@code id}, its declaration edited. */
    private static byte[] healthEdited(String symbolicName, String id, String version,
            java.util.function.UnaryOperator<String> edit) throws Exception {
        Path plain = Files.createTempFile(id + "-", ".jar");
        try {
            Files.write(plain, TestBundles.declaredPlugin(context.getBundle(), "health", symbolicName, "1.0.0", id));
            String declaration;
            try (var jar = new java.util.jar.JarFile(plain.toFile())) {
                declaration = new String(jar.getInputStream(jar.getEntry("PROGRAM-INF/program.json")).readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8);
            }
            return TestBundles.rewrite(plain, Map.of("Bundle-Version", version), Set.of(),
                    Map.of("PROGRAM-INF/program.json", edit.apply(declaration)));
        } finally {
            Files.delete(plain);
        }
    }
}
