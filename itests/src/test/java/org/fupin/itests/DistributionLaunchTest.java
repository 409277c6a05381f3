package org.fupin.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The packaged distribution, started the way an operator starts it: {@code bin/fupin --port P --data D --demo} in a
 * copy of {@code distribution/target/fupin}, talked to over real HTTP, stopped with SIGTERM.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(120)
class DistributionLaunchTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path work;

    static Path home;
    static Path output;
    static Process platform;
    static int port;
    static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        Path dist = Path.of(System.getProperty("fupin.dist", "../distribution/target/fupin"));
        assertTrue(Files.isExecutable(dist.resolve("bin/fupin")), "package the distribution first: " + dist);
        home = work.resolve("fupin");
        copyTree(dist, home);
        port = freePort();
        output = work.resolve("console.log");
        platform = new ProcessBuilder(home.resolve("bin/fupin").toString(), "--port", String.valueOf(port),
                "--data", work.resolve("data").toString(), "--demo")
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (platform != null && platform.isAlive()) {
            platform.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    @Order(1)
    void isReadyWithinAMinuteAndTheAdministratorCanSignInTheMomentItIs() throws Exception {
        Instant started = Instant.now();
        JsonNode health = awaitJson("/api/v1/health", null, 200, Duration.ofSeconds(60));
        Duration ready = Duration.between(started, Instant.now());

        assertEquals("UP", health.path("status").asText(), health.toString());
        // no waiting for the log: readiness includes the first administrator, made in the background
        var login = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/login"))
                .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"fupin-demo\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode(), "ready after " + ready + " but: " + login.body());
        TOKENS.put("admin", JSON.readTree(login.body()).path("token").asText());
        System.out.println("Ready " + ready.toMillis() + " ms after launch");
        var live = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/health/live"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, live.statusCode(), live.body());
    }

    @Test
    @Order(2)
    void everyShippedBundleIsHealthy() throws Exception {
        JsonNode list = awaitJson("/api/v1/admin/bundles", "admin", 200, Duration.ofSeconds(10));

        var unhealthy = new ArrayList<String>();
        for (JsonNode bundle : list.path("bundles")) {
            if (!bundle.path("problem").isNull()) {
                unhealthy.add(bundle.path("symbolicName").asText() + ": " + bundle.path("problem").asText());
            }
        }
        assertEquals(List.of(), unhealthy);
        assertTrue(list.path("bundles").size() > 60, "bundles: " + list.path("bundles").size());
    }

    @Test
    @Order(3)
    void theDemoCountyRunsYuluWithActivityInEveryState() throws Exception {
        awaitJson("/api/v1/programs/yulu", "admin", 200, Duration.ofSeconds(20));
        String counted = "/api/v1/households?region=620502&size=1";
        String applications = "/api/v1/programs/yulu/applications?region=620502&size=1";
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        // the demo activity runs one program after another, and 雨露计划's latest filers (on notice) come last in its
        // run: wait for those
        String onNotice = "/api/v1/programs/yulu/notices?region=620502&level=VILLAGE";
        while ((getJson(counted).path("total").asLong() < 19_000
                || getJson(applications).path("total").asLong() < 200 || enabledInTheDemoCounty().containsValue(false)
                || getJson(onNotice).path("total").asLong() == 0) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        assertEquals(19_000, getJson(counted).path("total").asLong());
        assertTrue(getJson(applications).path("total").asLong() >= 200, getJson(applications).toString());
        JsonNode demoJob = getJson("/api/v1/jobs?kind=demo-county").path("items").get(0);
        assertEquals("SUCCEEDED", demoJob.path("state").asText(), demoJob.toString());
        assertEquals(19_000, demoJob.path("result").path("stored").asLong(), demoJob.toString());
        assertEquals(java.util.Map.of("housing", true, "industry", true, "microcredit", true, "pairing", true,
                "relocation", true, "yulu", true),
                enabledInTheDemoCounty(),
                "the demo county runs every shipped program");
        JsonNode byState = getJson("/api/v1/programs/yulu/reports/applications-by-state?region=620502");
        java.util.Set<String> states = new java.util.TreeSet<>();
        byState.path("rows").forEach(row -> states.add(row.path("codes").path("state").asText()));
        assertEquals(java.util.Set.of("APPROVED", "CLOSED", "REJECTED", "SUBMITTED", "VERIFIED"), states);
        JsonNode byTerm = getJson("/api/v1/programs/yulu/reports/students-by-term?region=620502");
        java.util.Set<String> terms = new java.util.TreeSet<>();
        byTerm.path("rows").forEach(row -> terms.add(row.path("codes").path("period").asText()));
        assertTrue(terms.containsAll(java.util.Set.of("2024-09", "2025-02", "2025-09", "2026-02")), terms::toString);
        JsonNode notices = getJson(onNotice);
        assertTrue(notices.path("total").asLong() > 0, "late applications are on the village's notice: " + notices);

        JsonNode candidate = null;
        String household = null;
        for (int id = 1; id <= 500 && candidate == null; id++) {
            JsonNode verdict = null;
            for (JsonNode program : getJson("/api/v1/households/" + id + "/eligibility").path("programs")) {
                if ("yulu".equals(program.path("program").asText())) {
                    verdict = program;
                }
            }
            assertTrue(verdict != null, "every household has 雨露计划's verdict");
            if (verdict.path("eligible").asBoolean()) {
                candidate = verdict.path("reasons").get(0);
                household = String.valueOf(id);
            }
        }
        assertTrue(candidate != null, "some demo household has a vocational student");
        String application = """
                {"householdId":"%s","data":{"student":"%s","schoolName":"天水市职业技术学校",
                 "schoolType":"SECONDARY_VOCATIONAL","schoolSubtype":"VOCATIONAL_HIGH",
                 "enrolmentYear":%d,"programmeYears":3}}""".formatted(household,
                candidate.path("memberId").asText(), java.time.LocalDate.now().getYear() - 1);
        send("PUT", "/api/v1/regions/620502/programs/yulu", "{\"enabled\":false}");
        var refused = send("POST", "/api/v1/programs/yulu/applications", application);

        assertEquals(409, refused.statusCode(), refused.body());
        assertEquals("program_not_enabled", JSON.readTree(refused.body()).path("error").path("code").asText());
        send("PUT", "/api/v1/regions/620502/programs/yulu", "{\"enabled\":true}");
    }

    private static java.util.Map<String, Boolean> enabledInTheDemoCounty() throws Exception {
        java.util.Map<String, Boolean> enabled = new java.util.TreeMap<>();
        getJson("/api/v1/programs?county=620502")
                .forEach(program -> enabled.put(program.path("id").asText(), program.path("enabled").asBoolean()));
        return enabled;
    }

    @Test
    @Order(4)
    void theDemoAccountsSignInWithTheDemoPasswordEachInTheirOwnRegion() throws Exception {
        var expected = Map.of("admin", "62 PROVINCE_ADMIN null", "qinzhou", "620502 COUNTY_ADMIN null",
                "yulu", "620502 PROGRAM_OFFICER poverty-office", "clerk", "620502101202 VILLAGE_CLERK null",
                "auditor", "620502 AUDITOR null", "housing", "620502 PROGRAM_OFFICER housing-bureau",
                "relocation", "620502 PROGRAM_OFFICER development-reform",
                "industry", "620502 PROGRAM_OFFICER agriculture-bureau", "credit", "620502 PROGRAM_OFFICER rural-credit",
                "cadre", "620502 PAIRED_CADRE null");
        for (var user : expected.entrySet()) {
            JsonNode me = JSON.readTree(send("GET", "/api/v1/auth/me", null, user.getKey()).body());
            assertEquals(user.getValue(), me.path("region").asText() + " " + me.path("roles").get(0).asText() + " "
                    + (me.path("agency").isNull() ? "null" : me.path("agency").asText()), me.toString());
        }
        JsonNode villageOnly = JSON.readTree(send("GET", "/api/v1/households?region=620502&size=100", null, "clerk")
                .body());
        assertTrue(villageOnly.path("total").asInt() > 0, villageOnly.toString());
        for (JsonNode household : villageOnly.path("items")) {
            assertEquals("620502101202", household.path("villageCode").asText());
        }
        var anonymous = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/households?region=620502")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode());
    }

    @Test
    @Order(5)
    void aJarDroppedIntoDeployBecomesActive() throws Exception {
        TestBundles.writeBundle(home.resolve("deploy/dropped.jar"), "org.example.dropped");

        Instant deadline = Instant.now().plusSeconds(5);
        String state = "absent";
        while (Instant.now().isBefore(deadline) && !state.equals("ACTIVE")) {
            for (JsonNode bundle : getJson("/api/v1/admin/bundles").path("bundles")) {
                if ("org.example.dropped".equals(bundle.path("symbolicName").asText())) {
                    state = bundle.path("state").asText();
                }
            }
            Thread.sleep(100);
        }
        assertEquals("ACTIVE", state);
    }

    @Test
    @Order(6)
    void aSecondStartOnTheSamePortFailsWithAClearMessage() throws Exception {
        Process second = new ProcessBuilder(home.resolve("bin/fupin").toString(), "--port", String.valueOf(port),
                "--data", work.resolve("data2").toString()).redirectErrorStream(true).start();

        assertTrue(second.waitFor(20, TimeUnit.SECONDS), "second start did not give up");
        String said = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, second.exitValue(), said);
        assertTrue(said.contains("port " + port + " is already in use"), said);
    }

    @Test
    @Order(7)
    void sigtermStopsEveryBundleAndExits() throws Exception {
        platform.destroy(); // SIGTERM

        assertTrue(platform.waitFor(30, TimeUnit.SECONDS), "platform did not stop on SIGTERM");
        String log = Files.readString(work.resolve("data/logs/fupin.log"), StandardCharsets.UTF_8);
        assertTrue(log.contains("Stopped Jetty"), "no orderly HTTP shutdown in the log");
        assertTrue(Files.readString(output, StandardCharsets.UTF_8).lines().noneMatch(l -> l.contains(" ERROR ")),
                Files.readString(output, StandardCharsets.UTF_8));
    }

    @Test
    void rejectsUnknownOptionsAndBadPorts() throws Exception {
        for (List<String> args : List.of(List.of("--nonsense"), List.of("--port", "http"), List.of("--port", "70000"))) {
            var command = new ArrayList<String>();
            command.add(home.resolve("bin/fupin").toString());
            command.addAll(args);
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            assertTrue(p.waitFor(10, TimeUnit.SECONDS));
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(2, p.exitValue(), args + ": " + said);
            assertTrue(said.startsWith("Starts Fupin") || said.contains("fupin: "), said);
        }
    }

    /** Repeats a GET (as {@code user}, or anonymous for null) until it answers {@code status}. */
    private static JsonNode awaitJson(String path, String user, int status, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(5));
                if (user != null) {
                    request.header("Authorization", "Bearer " + token(user));
                }
                HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == status) {
                    return JSON.readTree(response.body());
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " not " + status + " within " + timeout + ": " + last + "\n"
                + Files.readString(output, StandardCharsets.UTF_8));
    }

    /** A GET as the demo province administrator. */
    private static JsonNode getJson(String path) throws Exception {
        return JSON.readTree(send("GET", path, null, "admin").body());
    }

    private static HttpResponse<String> send(String method, String path, String json) throws Exception {
        return send(method, path, json, "admin");
    }

    private static HttpResponse<String> send(String method, String path, String json, String user) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token(user))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Signs a demo account in with the README's password, once. The accounts are made in the background at the
     * first start, so this waits for the log to say so: guessing earlier would count as failed sign-ins and lock
     * the account, as it should.
     */
    private static String token(String user) throws Exception {
        String known = TOKENS.get(user);
        if (known != null) {
            return known;
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        String last = "accounts not created";
        while (Instant.now().isBefore(deadline)) {
            String console = Files.readString(output, StandardCharsets.UTF_8);
            if (console.contains("created the province administrator 'admin'")
                    && console.contains("Demo account 'auditor'")) {
                var login = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/login"))
                        .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"" + user + "\",\"password\":\"fupin-demo\"}")).build();
                var response = HTTP.send(login, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    String token = JSON.readTree(response.body()).path("token").asText();
                    TOKENS.put(user, token);
                    return token;
                }
                last = response.statusCode() + " " + response.body();
                break;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("demo account " + user + " could not sign in: " + last);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
