package org.fupin.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;
import org.fupin.registry.api.PlatformClock;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.test.common.annotation.InjectBundleContext;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The program lifecycle end to end in the real framework, over real HTTP: the 雨露计划 plugin uploaded at run time,
 * refused uploads changing nothing, county enablement, eligibility, an application through verification, public
 * notice (moved past with a test clock), approval and a term payment, reports, events; then the plugin removed
 * under a running request stream (no 5xx, data kept) and installed again with its applications back.
 */
@Timeout(180)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProgramsIT {
    static final String COUNTY = "620502";
    static final String VILLAGE = "620502001003";
    /** The province administrator: installs, enables, files. */
    static Api api;
    /** The township officer who verifies, and the yulu program officer who approves and pays. */
    static Api township;
    static Api officer;
    static BundleContext context;
    static Path plugins;
    static Path deploy;
    static String householdId;
    static String studentId;
    static String applicationId;
    static final List<Event> EVENTS = new CopyOnWriteArrayList<>();
    static ServiceRegistration<EventHandler> handler;

    @BeforeAll
    static void start(@InjectBundleContext BundleContext bundleContext) throws Exception {
        context = bundleContext;
        api = Api.admin(context);
        township = api.user("it-town", "620502001", null, "TOWNSHIP_OFFICER");
        officer = api.user("it-yulu", COUNTY, "poverty-office", "PROGRAM_OFFICER");
        api.await("/api/v1/regions/620502", r -> r.status() == 200, Duration.ofSeconds(60));
        plugins = Path.of(context.getProperty("fupin.itest.plugins"));
        deploy = Path.of(context.getProperty("fupin.deploy.dir"));
        Files.createDirectories(deploy);
        Dictionary<String, Object> topics = new Hashtable<>();
        topics.put(EventConstants.EVENT_TOPIC, "org/fupin/programs/application/*");
        handler = context.registerService(EventHandler.class, EVENTS::add, topics);
    }

    @AfterAll
    static void stop() throws Exception {
        handler.unregister();
        moveClock(0);
        api.send("DELETE", "/api/v1/admin/plugins/yulu", null);
    }

    /**
     * Moves the platform clock {@code days} ahead of real time (configuration org.fupin.clock, which itest.bndrun
     * allows with fupin.clock.adjustable) and waits until the platform runs on it.
     */
    static void moveClock(int days) throws Exception {
        moveClock(context, days);
    }

    /** Moves the platform clock {@code days} from real today (a rehearsal platform's org.fupin.clock). */
    static void moveClock(BundleContext context, int days) throws Exception {
        var admin = new ServiceTracker<ConfigurationAdmin, ConfigurationAdmin>(context, ConfigurationAdmin.class, null);
        var platform = new ServiceTracker<PlatformClock, PlatformClock>(context, PlatformClock.class, null);
        admin.open();
        platform.open();
        try {
            Dictionary<String, Object> offset = new Hashtable<>();
            offset.put("offsetDays", days);
            admin.waitForService(10_000).getConfiguration("org.fupin.clock", "?").update(offset);
            LocalDate expected = LocalDate.now(PlatformClock.CHINA).plusDays(days);
            for (int i = 0; i < 100 && !platform.waitForService(10_000).today().equals(expected); i++) {
                Thread.sleep(50);
            }
            assertEquals(expected, platform.getService().today(), "the platform clock moved");
        } finally {
            admin.close();
            platform.close();
        }
    }

    static byte[] yuluJar() throws Exception {
        return Files.readAllBytes(plugins.resolve("org.fupin.yulu.jar"));
    }

    static List<String> deployFiles() throws Exception {
        try (Stream<Path> files = Files.list(deploy)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    @Order(1)
    void uploadedPluginAppearsInTheCatalogue() throws Exception {
        assertEquals(404, api.get("/api/v1/programs/yulu").status());

        var installed = api.upload("/api/v1/admin/plugins", yuluJar(), "application/java-archive");

        assertEquals(201, installed.status(), installed.body());
        assertEquals("org.fupin.yulu", installed.json().path("name").asText());
        assertEquals("ACTIVE", installed.json().path("state").asText());
        assertEquals("[\"yulu\"]", installed.json().path("programs").toString());
        var program = api.await("/api/v1/programs/yulu", r -> r.status() == 200, Duration.ofSeconds(10)).json();
        assertEquals("雨露计划", program.path("name").path("zh").asText());
        assertEquals("SUBMITTED", program.path("workflow").path("initialState").asText());
        assertEquals(1500, program.path("parameters").findValues("value").get(0).asInt(),
                "termAmount is the first parameter, 1,500 yuan by default");
        var catalogue = api.get("/api/v1/programs?county=" + COUNTY).json();
        assertEquals("yulu", yulu(catalogue).path("id").asText());
        assertFalse(yulu(catalogue).path("enabled").asBoolean(), "a program is off until the county turns it on");
        assertTrue(api.get("/api/v1/admin/plugins").body().contains("\"org.fupin.yulu\""));
    }

    @Test
    @Order(2)
    void refusedUploadsChangeNothing() throws Exception {
        List<String> before = deployFiles();
        String pluginsBefore = api.get("/api/v1/admin/plugins").body();
        Path dir = Files.createTempDirectory("uploads");
        Path plain = dir.resolve("plain.jar");
        TestBundles.writeBundle(plain, "org.example.plain");
        Path future = dir.resolve("future.jar");
        TestBundles.writeBundle(future, "org.example.future", "Provide-Capability",
                "org.fupin.program;org.fupin.program=future",
                "Import-Package", "org.fupin.program.api;version=\"[3.0,4)\"");

        var notZip = api.upload("/api/v1/admin/plugins", "hello".getBytes(StandardCharsets.UTF_8),
                "application/java-archive");
        var notProgram = api.upload("/api/v1/admin/plugins", Files.readAllBytes(plain), "application/java-archive");
        var newerApi = api.upload("/api/v1/admin/plugins", Files.readAllBytes(future), "application/java-archive");

        assertEquals(400, notZip.status());
        assertEquals("not_a_bundle", notZip.json().path("error").path("code").asText());
        assertEquals(422, notProgram.status());
        assertEquals("not_a_program", notProgram.json().path("error").path("code").asText());
        assertEquals(422, newerApi.status());
        assertEquals("unsupported_api", newerApi.json().path("error").path("code").asText());
        assertTrue(newerApi.body().contains("org.fupin.program.api [3.0.0,4.0.0)"), newerApi.body());
        assertEquals(before, deployFiles());
        assertEquals(pluginsBefore, api.get("/api/v1/admin/plugins").body());
    }

    @Test
    @Order(3)
    void applicationsNeedTheProgramEnabledForTheCounty() throws InterruptedException {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        var created = api.send("POST", "/api/v1/households", household(today.minusYears(17)));
        assertEquals(201, created.status(), created.body());
        householdId = created.json().path("id").asText();
        studentId = created.json().path("members").get(1).path("id").asText();

        assertEquals(0, api.get("/api/v1/households/" + householdId + "/eligibility").json().path("programs").size());
        var refused = api.send("POST", "/api/v1/programs/yulu/applications", application(today.getYear() - 1));
        assertEquals(409, refused.status());
        assertEquals("program_not_enabled", refused.json().path("error").path("code").asText());
        assertTrue(refused.json().path("error").path("message").asText().contains("秦州区"), refused.body());

        var enabled = api.send("PUT", "/api/v1/regions/620502/programs/yulu", "{\"enabled\":true}");
        assertEquals(200, enabled.status(), enabled.body());
        var county = api.get("/api/v1/regions/620502/programs");
        assertEquals(200, county.status(), county.body());
        assertTrue(county.body().contains("\"yulu\""), county.body());
        var eligibility = api.get("/api/v1/households/" + householdId + "/eligibility").json();
        assertEquals("yulu", eligibility.path("programs").get(0).path("program").asText());
        assertTrue(eligibility.path("programs").get(0).path("eligible").asBoolean(), eligibility.toString());
        assertEquals(studentId, eligibility.path("programs").get(0).path("reasons").get(0).path("memberId").asText());

        // who in the village may apply: the household, naming the student
        var candidates = api.get("/api/v1/programs/yulu/candidates?region=" + VILLAGE + "&size=500");
        assertEquals(200, candidates.status(), candidates.body());
        JsonNode mine = null;
        for (JsonNode candidate : candidates.json().path("items")) {
            if (householdId.equals(candidate.path("householdId").asText())) {
                mine = candidate;
            }
        }
        assertNotNull(mine, candidates.body());
        assertEquals(studentId, mine.path("members").get(0).path("id").asText(), mine.toString());
        // a province is listed by a background job, into a file for Excel
        var province = api.get("/api/v1/programs/yulu/candidates?region=62");
        assertEquals(202, province.status(), province.body());
        var listed = api.awaitJob(province);
        assertEquals("SUCCEEDED", listed.json().path("state").asText(), listed.body());
        assertTrue(listed.json().path("result").path("candidates").asLong() >= 1, listed.body());
        String file = "/api/v1/programs/yulu/candidates/" + listed.json().path("id").asText() + "/file";
        var csv = api.get(file);
        assertEquals(200, csv.status(), csv.body());
        assertTrue(csv.body().startsWith("\uFEFF户编号,村代码,户主,成员,理由"), csv.body());
        assertTrue(csv.body().contains(householdId + "," + VILLAGE), csv.body());
        var xlsx = api.get(file + "?format=xlsx");
        assertEquals(200, xlsx.status());
        assertTrue(xlsx.contentType().startsWith("application/vnd.openxmlformats"), xlsx.contentType());
        assertEquals(404, township.get("/api/v1/programs/yulu/candidates?region=620503").status(),
                "another county is outside a township officer's region");
    }

    @Test
    @Order(4)
    void anApplicationGoesThroughNoticeApprovalAndPayment() throws Exception {
        int enrolled = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 1;
        var invalid = api.send("POST", "/api/v1/programs/yulu/applications",
                application(enrolled).replace("\"SECONDARY_VOCATIONAL\"", "\"UNIVERSITY\""));
        assertEquals(422, invalid.status());
        assertEquals("data.schoolType", invalid.json().path("error").path("fields").get(0).path("field").asText());

        var filed = api.send("POST", "/api/v1/programs/yulu/applications", application(enrolled));
        assertEquals(201, filed.status(), filed.body());
        applicationId = filed.json().path("id").asText();
        assertEquals("SUBMITTED", filed.json().path("state").asText());
        assertEquals(studentId, filed.json().path("memberId").asText());
        String path = "/api/v1/programs/yulu/applications/" + applicationId;

        // its only student now has an open application: the household may not apply again, and says why (the
        // declared limit, before a filing is refused by it); it is no longer among the village's candidates
        JsonNode verdict = api.get("/api/v1/households/" + householdId + "/eligibility").json().path("programs").get(0);
        assertFalse(verdict.path("eligible").asBoolean(), verdict.toString());
        assertEquals("yulu.one-application-per-student", verdict.path("reasons").get(0).path("rule").asText());
        assertEquals(studentId, verdict.path("reasons").get(0).path("memberId").asText());
        assertTrue(verdict.path("reasons").get(0).path("message").asText().contains(applicationId), verdict.toString());
        assertFalse(api.get("/api/v1/programs/yulu/candidates?region=" + VILLAGE + "&size=500").body()
                .contains("\"" + householdId + "\""), "an applicant with an open application is no candidate");

        var verified = township.send("POST", path + "/transitions", "{\"action\":\"verify\"}");
        assertEquals("VERIFIED", verified.json().path("state").asText(), verified.body());
        assertNotNull(verified.json().path("noticeEnds").textValue(), "verification starts the public notice");
        var early = officer.send("POST", path + "/transitions", "{\"action\":\"approve\"}");
        assertEquals(409, early.status());
        assertEquals("notice_running", early.json().path("error").path("code").asText());

        // five days of notice: six days on, the county may approve, and an objection comes too late
        moveClock(6);
        var late = township.send("POST", path + "/transitions", "{\"action\":\"object\",\"note\":\"学籍存疑\"}");
        assertEquals(409, late.status(), late.body());
        assertEquals("notice_over", late.json().path("error").path("code").asText());
        var approved = officer.send("POST", path + "/transitions", "{\"action\":\"approve\"}");
        assertEquals(200, approved.status(), approved.body());
        assertEquals("APPROVED", approved.json().path("state").asText());

        String payment = """
                {"action":"pay","data":{"termYear":%d,"season":"AUTUMN","enrolmentProof":"XJ-2025-0001"}}"""
                .formatted(enrolled);
        var paid = officer.send("POST", path + "/transitions", payment);
        assertEquals(200, paid.status(), paid.body());
        assertEquals("APPROVED", paid.json().path("state").asText());
        assertEquals(1500, paid.json().path("benefits").get(0).path("amount").asInt());
        var twice = officer.send("POST", path + "/transitions", payment);
        assertEquals(422, twice.status(), "one payment per student per term");
        assertEquals(1, api.get(path).json().path("benefits").size());
        assertEquals(4, api.get(path).json().path("steps").size(), "file, verify, approve, pay; refusals leave no step");
    }

    @Test
    @Order(5)
    void reportsAndEventsFollowTheApplications() throws Exception {
        int enrolled = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 1;
        var report = api.get("/api/v1/programs/yulu/reports/students-by-region?region=620502&year=" + enrolled);
        assertEquals(200, report.status(), report.body());
        JsonNode row = report.json().path("rows").get(0);
        assertEquals("620502001", row.path("codes").path("region").asText());
        assertEquals(1500, report.json().path("total").path("amount").asInt());
        assertEquals("BAR", report.json().path("chart").asText());

        // a measure over a number field of the application, by a coded field; and a dimension by year
        var length = api.get("/api/v1/programs/yulu/reports/programme-length-by-school-type?region=620502").json();
        assertEquals("PIE", length.path("chart").asText());
        assertEquals("average.programmeYears", length.path("columns").get(2).path("key").asText(), length.toString());
        assertEquals("SECONDARY_VOCATIONAL", length.path("rows").get(0).path("codes").path("schoolType").asText());
        assertEquals(3, length.path("rows").get(0).path("values").path("average.programmeYears").asInt(),
                length.toString());
        var byYear = api.get("/api/v1/programs/yulu/reports/applications-by-year?region=620502").json();
        assertEquals(String.valueOf(LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear()),
                byYear.path("rows").get(byYear.path("rows").size() - 1).path("codes").path("year").asText(),
                byYear.toString());

        var csv = api.send("GET", "/api/v1/programs/yulu/reports/students-by-term?region=620502", null,
                "Accept", "text/csv", "Accept-Language", "zh-CN");
        assertEquals(200, csv.status());
        assertTrue(csv.body().startsWith("\uFEFF"), "UTF-8 BOM for Excel");
        assertTrue(csv.body().contains("合计"), csv.body());

        // events are posted asynchronously after each commit
        var awaited = new ArrayList<String>();
        for (int i = 0; i < 50 && awaited.size() < 4; i++) {
            Thread.sleep(100);
            awaited.clear();
            EVENTS.stream().filter(e -> applicationId.equals(e.getProperty("application")))
                    .forEach(e -> awaited.add(e.getTopic().substring(e.getTopic().lastIndexOf('/') + 1) + ":"
                            + e.getProperty("action")));
        }
        // each request posts from its own thread, and Event Admin keeps order only per posting thread: one CI run
        // received pay before approve, so the events are compared regardless of order
        awaited.sort(null);
        assertEquals(List.of("FILED:file", "TRANSITIONED:approve", "TRANSITIONED:pay", "TRANSITIONED:verify"),
                awaited);
    }

    @Test
    @Order(6)
    void disablingKeepsTheDataButRefusesNewApplications() {
        var disabled = api.send("PUT", "/api/v1/regions/620502/programs/yulu", "{\"enabled\":false}");
        assertEquals(200, disabled.status());
        var refused = api.send("POST", "/api/v1/programs/yulu/applications",
                application(LocalDate.now().getYear() - 1));
        assertEquals(409, refused.status());
        assertEquals(200, api.get("/api/v1/programs/yulu/applications/" + applicationId).status());
        assertEquals(0, api.get("/api/v1/households/" + householdId + "/eligibility").json().path("programs").size());
        api.send("PUT", "/api/v1/regions/620502/programs/yulu", "{\"enabled\":true}");
    }

    @Test
    @Order(7)
    void removingThePluginUnderLoadFailsNoRequestAndKeepsItsData() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger requests = new AtomicInteger();
        ConcurrentLinkedQueue<String> serverErrors = new ConcurrentLinkedQueue<>();
        List<String> paths = List.of("/api/v1/households/" + householdId, "/api/v1/programs",
                "/api/v1/households/" + householdId + "/eligibility", "/api/v1/regions/620502",
                "/api/v1/programs/yulu/applications/" + applicationId, "/api/v1/health");
        List<Thread> load = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int offset = t;
            Thread thread = new Thread(() -> {
                for (int i = offset; running.get(); i++) {
                    String path = paths.get(i % paths.size());
                    int status = api.get(path).status();
                    requests.incrementAndGet();
                    if (status >= 500) {
                        serverErrors.add(status + " " + path);
                    }
                }
            });
            thread.start();
            load.add(thread);
        }
        Thread.sleep(500);

        var removed = api.send("DELETE", "/api/v1/admin/plugins/yulu", null);
        Thread.sleep(500);
        running.set(false);
        for (Thread thread : load) {
            thread.join();
        }

        assertEquals(204, removed.status(), removed.body());
        assertTrue(requests.get() > 50, "the load ran: " + requests.get());
        assertEquals(List.of(), List.copyOf(serverErrors));
        assertEquals(404, api.get("/api/v1/programs/yulu").status());
        assertFalse(deployFiles().contains("org.fupin.yulu.jar"));
        // its applications stay readable, read-only, with the program shown as not installed
        var kept = api.get("/api/v1/programs/yulu/applications/" + applicationId);
        assertEquals(200, kept.status(), kept.body());
        assertEquals("APPROVED", kept.json().path("state").asText());
        assertEquals(studentId, kept.json().path("data").path("student").asText());
        var listed = api.get("/api/v1/programs/yulu/applications?householdId=" + householdId).json();
        assertEquals(1, listed.path("total").asInt());
        assertFalse(listed.path("programInstalled").asBoolean());
        var catalogue = api.get("/api/v1/programs").json();
        assertFalse(yulu(catalogue).path("installed").asBoolean());
        var moved = officer.send("POST", "/api/v1/programs/yulu/applications/" + applicationId + "/transitions",
                "{\"action\":\"close\",\"note\":\"毕业\"}");
        assertEquals(409, moved.status(), moved.body());
        assertEquals("program_not_installed", moved.json().path("error").path("code").asText());
    }

    @Test
    @Order(8)
    void reinstallingBringsTheApplicationsBack() throws Exception {
        assertEquals(201, api.upload("/api/v1/admin/plugins", yuluJar(), "application/java-archive").status());

        var back = api.await("/api/v1/programs/yulu/applications/" + applicationId, r -> r.status() == 200,
                Duration.ofSeconds(10));
        assertEquals("APPROVED", back.json().path("state").asText());
        assertEquals(1500, back.json().path("benefits").get(0).path("amount").asInt());
        assertTrue(yulu(api.get("/api/v1/programs?county=620502").json()).path("enabled").asBoolean(),
                "the county's setting outlives the plugin");
        assertTrue(yulu(api.get("/api/v1/programs").json()).path("installed").asBoolean());
    }

    @Test
    @Order(9)
    void eightFilingsAtOnceForOneStudentStoreOne() throws Exception {
        var created = api.send("POST", "/api/v1/households", household(LocalDate.now(ZoneId.of("Asia/Shanghai"))
                .minusYears(18)));
        assertEquals(201, created.status(), created.body());
        householdId = created.json().path("id").asText();
        studentId = created.json().path("members").get(1).path("id").asText();
        String filing = application(LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 1);
        List<java.util.function.Supplier<Api.Reply>> filings = java.util.Collections.nCopies(8,
                () -> api.send("POST", "/api/v1/programs/yulu/applications", filing));

        var replies = Api.atOnce(filings);

        assertEquals(List.of(201, 422, 422, 422, 422, 422, 422, 422),
                replies.stream().map(Api.Reply::status).sorted().toList());
        assertEquals(List.of("data.student"), replies.stream().filter(r -> r.status() == 422).map(Api::firstField)
                .distinct().toList());
        var stored = api.get("/api/v1/programs/yulu/applications?householdId=" + householdId);
        assertEquals(1, stored.json().path("total").asInt(), stored.body());
    }

    @Test
    @Order(10)
    void aBrokenUpgradeIsRefusedWhileTheRunningVersionKeepsServing() throws Exception {
        List<String> before = deployFiles();
        String pluginsBefore = api.get("/api/v1/admin/plugins").body();
        Path yulu = plugins.resolve("org.fupin.yulu.jar");
        // a new version whose rules component cannot be created: its class is not in the jar
        String component = "OSGI-INF/org.fupin.yulu.internal.YuluRules.xml";
        String xml;
        try (var jar = new java.util.jar.JarFile(yulu.toFile())) {
            xml = new String(jar.getInputStream(jar.getJarEntry(component)).readAllBytes(), StandardCharsets.UTF_8);
        }
        byte[] broken = TestBundles.rewrite(yulu, java.util.Map.of("Bundle-Version", "9.9.9"), java.util.Set.of(),
                java.util.Map.of(component, xml.replace("org.fupin.yulu.internal.YuluRules\"",
                        "org.fupin.yulu.internal.Missing\"")));
        // a new version whose declaration the platform's checker refuses: its Chinese texts are missing
        byte[] untranslated = TestBundles.rewrite(yulu, java.util.Map.of("Bundle-Version", "9.9.10"),
                java.util.Set.of("PROGRAM-INF/messages_zh.properties"));
        // another bundle offering the program id yulu, which org.fupin.yulu holds
        byte[] impostor = TestBundles.rewrite(yulu, java.util.Map.of("Bundle-SymbolicName", "org.example.yulu"),
                java.util.Set.of());
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        List<String> paths = List.of("/api/v1/programs/yulu", "/api/v1/programs/yulu/applications/" + applicationId,
                "/api/v1/households/" + householdId + "/eligibility");
        List<Thread> load = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            String path = paths.get(t);
            Thread thread = new Thread(() -> {
                while (running.get()) {
                    var reply = api.get(path);
                    reads.incrementAndGet();
                    if (reply.status() != 200 || (path.endsWith("eligibility")
                            && reply.json().path("programs").isEmpty())) {
                        failures.add(reply.status() + " " + path);
                    }
                }
            });
            thread.start();
            load.add(thread);
        }

        var refused = api.upload("/api/v1/admin/plugins", broken, "application/java-archive");
        var invalid = api.upload("/api/v1/admin/plugins", untranslated, "application/java-archive");
        var taken = api.upload("/api/v1/admin/plugins", impostor, "application/java-archive");
        Thread.sleep(300);
        running.set(false);
        for (Thread thread : load) {
            thread.join();
        }

        assertEquals(422, refused.status(), refused.body());
        assertEquals("plugin_refused", refused.json().path("error").path("code").asText());
        assertTrue(refused.body().contains("failed to activate"), refused.body());
        assertTrue(refused.body().contains("org.fupin.yulu.internal.Missing"), refused.body());
        assertEquals(422, invalid.status(), invalid.body());
        assertEquals("invalid_declaration", invalid.json().path("error").path("code").asText());
        assertTrue(invalid.body().contains("no PROGRAM-INF/messages_zh.properties"), invalid.body());
        assertEquals(422, taken.status(), taken.body());
        assertTrue(taken.body().contains("program id yulu is already provided by org.fupin.yulu"), taken.body());
        assertTrue(reads.get() > 30, "the reads ran: " + reads.get());
        assertEquals(List.of(), List.copyOf(failures), "no read failed while the uploads were tried");
        assertEquals(before, deployFiles());
        assertEquals(pluginsBefore, api.get("/api/v1/admin/plugins").body());
        assertEquals(1, java.util.Arrays.stream(context.getBundles())
                .filter(b -> b.getSymbolicName().contains("yulu")).count(), "the trial bundles are gone");
    }

    @Test
    @Order(11)
    void aClockServiceOfAnotherBundleDoesNotMoveThePlatformClock() throws Exception {
        var platform = new ServiceTracker<PlatformClock, PlatformClock>(context, PlatformClock.class, null);
        platform.open();
        var impostor = context.registerService(java.time.Clock.class,
                java.time.Clock.offset(java.time.Clock.systemUTC(), Duration.ofDays(100)), null);
        try {
            Thread.sleep(200);
            assertEquals(LocalDate.now(PlatformClock.CHINA).plusDays(6), platform.waitForService(10_000).today());
        } finally {
            impostor.unregister();
            platform.close();
        }
    }

    /** 雨露计划's entry in the catalogue, which other tests' programs share. */
    static JsonNode yulu(JsonNode catalogue) {
        for (JsonNode entry : catalogue) {
            if ("yulu".equals(entry.path("id").asText())) {
                return entry;
            }
        }
        throw new AssertionError("no yulu in " + catalogue);
    }

    static String household(LocalDate studentBorn) {
        String head = RegistryApiIT.id(studentBorn.minusYears(28), 1 + 2 * (RegistryApiIT.SEQUENCE.getAndIncrement() % 400));
        String student = RegistryApiIT.id(studentBorn, 2 * (RegistryApiIT.SEQUENCE.getAndIncrement() % 400));
        return """
                {"villageCode":"%s","villageGroup":"三组","identificationStandard":"NATIONAL",
                 "attribute":"GENERAL","mainCause":"LACK_OF_SKILLS",
                 "members":[
                   {"name":"李建军","sex":"MALE","idNumber":"%s","relation":"HEAD"},
                   {"name":"李小红","sex":"FEMALE","idNumber":"%s","relation":"DAUGHTER",
                    "schoolStatus":"SECONDARY_VOCATIONAL"}]}
                """.formatted(VILLAGE, head, student);
    }

    static String application(int enrolmentYear) {
        return """
                {"householdId":"%s","data":{"student":"%s","schoolName":"天水市职业技术学校",
                 "schoolType":"SECONDARY_VOCATIONAL","schoolSubtype":"TECHNICAL_SECONDARY",
                 "enrolmentYear":%d,"programmeYears":3}}
                """.formatted(householdId, studentId, enrolmentYear);
    }
}
