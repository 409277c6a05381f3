package org.fupin.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Who may do what where, over real HTTP: a table of role × endpoint × (inside the user's region, outside it,
 * anonymous) with the status each must get. Users and households are made through the API by the first province
 * administrator; the yulu plugin is installed for the program rows and removed afterwards.
 */
@Timeout(180)
class AccessIT {
    static final String PASSWORD = Api.USER_PASSWORD;
    /** Two neighbouring villages of 秦州区 that no other test uses. */
    static final String VILLAGE = "620502101202";
    static final String NEXT_VILLAGE = "620502101204";

    static Api admin;
    static final Map<String, Api> AS = new HashMap<>();
    static final Map<String, String> IDS = new HashMap<>();

    @BeforeAll
    static void setUp(@InjectBundleContext BundleContext context) throws Exception {
        admin = Api.admin(context);
        admin.await("/api/v1/regions/620502", r -> r.status() == 200, Duration.ofSeconds(60));
        AS.put("anonymous", admin.anonymous());
        AS.put("admin", admin);
        create("acc-county", "620502", null, "COUNTY_ADMIN");
        create("acc-maiji", "620503", null, "COUNTY_ADMIN");
        create("acc-town", "620502101", null, "TOWNSHIP_OFFICER");
        create("acc-clerk", VILLAGE, null, "VILLAGE_CLERK");
        create("acc-auditor", "620502", null, "AUDITOR");
        create("acc-yulu", "620502", "poverty-office", "PROGRAM_OFFICER");
        create("acc-housing", "620502", "housing-bureau", "PROGRAM_OFFICER");
        create("acc-cadre", "620502", null, "PAIRED_CADRE");

        String otherCountyVillage = firstVillage("620503");
        IDS.put("H1", household(VILLAGE));
        IDS.put("H2", household(NEXT_VILLAGE));
        IDS.put("H3", household(otherCountyVillage));

        Path plugins = Path.of(context.getProperty("fupin.itest.plugins"));
        Files.createDirectories(Path.of(context.getProperty("fupin.deploy.dir")));
        if (admin.get("/api/v1/programs/yulu").status() == 404) {
            var installed = admin.upload("/api/v1/admin/plugins", Files.readAllBytes(plugins.resolve("org.fupin.yulu.jar")),
                    "application/java-archive");
            assertEquals(201, installed.status(), installed.body());
        }
        admin.await("/api/v1/programs/yulu", r -> r.status() == 200, Duration.ofSeconds(10));
    }

    @AfterAll
    static void tearDown() {
        admin.send("DELETE", "/api/v1/admin/plugins/yulu", null);
    }

    static void create(String username, String region, String agency, String role) {
        AS.put(username.substring(4), admin.user(username, region, agency, role));
    }

    static String household(String village) {
        var reply = admin.send("POST", "/api/v1/households", RegistryApiIT.household(village));
        assertEquals(201, reply.status(), reply.body());
        return reply.json().path("id").asText();
    }

    static String firstVillage(String county) {
        String township = admin.get("/api/v1/regions?parent=" + county).json().path("regions").get(0).path("code")
                .asText();
        return admin.get("/api/v1/regions?parent=" + township).json().path("regions").get(0).path("code").asText();
    }

    /**
     * H1 is in the clerk's village, H2 in the next village of the same township, H3 in another county (620503).
     * 409 program_not_enabled means every access check passed: no county here has turned 雨露计划 on.
     */
    @ParameterizedTest(name = "{0} {1} {2} -> {4}")
    @CsvSource(delimiter = '|', textBlock = """
            anonymous | GET    | /api/v1/health                          | -            | 200
            anonymous | GET    | /api/v1/regions/620502                  | -            | 401
            anonymous | GET    | /api/v1/households/{H1}                 | -            | 401
            anonymous | GET    | /api/v1/households?region=620502        | -            | 401
            anonymous | GET    | /api/v1/auth/me                         | -            | 401
            anonymous | GET    | /api/v1/admin/plugins                   | -            | 401
            anonymous | GET    | /api/v1/admin/users                     | -            | 401
            anonymous | GET    | /api/v1/programs                        | -            | 401
            anonymous | PUT    | /api/v1/regions/620502/programs/yulu    | OFF          | 401
            anonymous | POST   | /api/v1/households                      | HOUSEHOLD    | 401
            clerk     | GET    | /api/v1/auth/me                         | -            | 200
            clerk     | GET    | /api/v1/regions/620502                  | -            | 200
            clerk     | GET    | /api/v1/households/{H1}                 | -            | 200
            clerk     | GET    | /api/v1/households/{H2}                 | -            | 404
            clerk     | GET    | /api/v1/households/{H3}                 | -            | 404
            clerk     | GET    | /api/v1/households/{H2}/history         | -            | 404
            clerk     | PUT    | /api/v1/households/{H2}                 | VERSION1     | 404
            clerk     | POST   | /api/v1/households/{H2}/status          | STATUS       | 404
            clerk     | POST   | /api/v1/households                      | HOUSEHOLD2   | 422
            clerk     | GET    | /api/v1/households/{H1}/eligibility     | -            | 200
            clerk     | GET    | /api/v1/households/{H2}/eligibility     | -            | 404
            clerk     | GET    | /api/v1/admin/users                     | -            | 403
            clerk     | GET    | /api/v1/admin/plugins                   | -            | 403
            clerk     | GET    | /api/v1/admin/bundles                   | -            | 403
            clerk     | GET    | /api/v1/audit?entity=household&id={H1}  | -            | 403
            clerk     | PUT    | /api/v1/regions/620502/programs/yulu    | OFF          | 403
            clerk     | POST   | /api/v1/programs/yulu/applications      | APPLY_H1     | 409
            clerk     | POST   | /api/v1/programs/yulu/applications      | APPLY_H2     | 404
            town      | GET    | /api/v1/households/{H2}                 | -            | 200
            town      | GET    | /api/v1/households/{H3}                 | -            | 404
            auditor   | GET    | /api/v1/households/{H1}                 | -            | 200
            auditor   | GET    | /api/v1/households/{H3}                 | -            | 404
            auditor   | PUT    | /api/v1/households/{H1}                 | VERSION1     | 403
            auditor   | POST   | /api/v1/households/{H1}/status          | STATUS       | 403
            auditor   | POST   | /api/v1/households                      | HOUSEHOLD    | 403
            auditor   | GET    | /api/v1/audit?entity=household&id={H1}  | -            | 200
            auditor   | GET    | /api/v1/admin/users                     | -            | 403
            auditor   | POST   | /api/v1/programs/yulu/applications      | APPLY_H1     | 403
            cadre     | GET    | /api/v1/households/{H1}                 | -            | 200
            cadre     | PUT    | /api/v1/households/{H1}                 | VERSION1     | 403
            yulu      | GET    | /api/v1/programs/yulu/applications      | -            | 200
            yulu      | POST   | /api/v1/programs/yulu/applications      | APPLY_H1     | 409
            yulu      | POST   | /api/v1/programs/yulu/applications      | APPLY_H3     | 404
            yulu      | GET    | /api/v1/programs/yulu/reports/applications-by-state?region=620502 | - | 200
            housing   | GET    | /api/v1/programs/yulu/applications      | -            | 403
            housing   | POST   | /api/v1/programs/yulu/applications      | APPLY_H1     | 403
            housing   | GET    | /api/v1/programs/yulu/reports/applications-by-state?region=620502 | - | 403
            county    | GET    | /api/v1/households/{H2}                 | -            | 200
            county    | GET    | /api/v1/households/{H3}                 | -            | 404
            county    | PUT    | /api/v1/regions/620502/programs/yulu    | OFF          | 200
            county    | PUT    | /api/v1/regions/620503/programs/yulu    | OFF          | 403
            county    | PUT    | /api/v1/regions/62/programs/yulu/parameters | PARAMS   | 403
            county    | GET    | /api/v1/admin/plugins                   | -            | 403
            county    | POST   | /api/v1/admin/plugins                   | JAR          | 403
            county    | DELETE | /api/v1/admin/plugins/yulu              | -            | 403
            county    | GET    | /api/v1/admin/users                     | -            | 200
            county    | GET    | /api/v1/admin/users/acc-maiji           | -            | 404
            county    | PATCH  | /api/v1/admin/users/acc-maiji           | DISABLE      | 404
            county    | POST   | /api/v1/admin/users                     | PROVINCE_ADMIN | 403
            county    | GET    | /api/v1/audit?entity=household&id={H3}  | -            | 404
            county    | GET    | /api/v1/programs/yulu/reports/applications-by-state?region=620503 | - | 404
            maiji     | GET    | /api/v1/households/{H3}                 | -            | 200
            maiji     | PUT    | /api/v1/regions/620503/programs/yulu    | OFF          | 200
            maiji     | PUT    | /api/v1/regions/620502/programs/yulu    | OFF          | 403
            admin     | GET    | /api/v1/households/{H3}                 | -            | 200
            admin     | GET    | /api/v1/admin/plugins                   | -            | 200
            admin     | GET    | /api/v1/admin/bundles                   | -            | 200
            admin     | GET    | /api/v1/admin/users/acc-maiji           | -            | 200
            """)
    void eachRoleReachesOnlyItsOwn(String user, String method, String path, String body, int expected) {
        String target = path;
        for (var id : IDS.entrySet()) {
            target = target.replace("{" + id.getKey() + "}", id.getValue());
        }
        Api api = AS.get(user);
        Api.Reply reply = "JAR".equals(body)
                ? api.upload(target, new byte[] { 'P', 'K', 3, 4 }, "application/java-archive")
                : api.send(method, target, body(body));

        assertEquals(expected, reply.status(), user + " " + method + " " + target + ": " + reply.body());
        assertTrue(reply.contentType().startsWith("application/json"), reply.contentType());
        if (expected >= 400) {
            assertTrue(reply.json().path("error").path("code").asText().length() > 0, reply.body());
        }
    }

    static String body(String key) {
        return switch (key) {
            case "-" -> null;
            case "OFF" -> "{\"enabled\":false}";
            case "DISABLE" -> "{\"enabled\":false}";
            case "VERSION1" -> "{\"version\":1}";
            case "STATUS" -> "{\"version\":1,\"status\":\"REMOVED\",\"date\":\"2026-01-01\",\"reason\":\"测试\"}";
            case "HOUSEHOLD" -> RegistryApiIT.household(VILLAGE);
            case "HOUSEHOLD2" -> RegistryApiIT.household(NEXT_VILLAGE);
            case "PARAMS" -> "{\"year\":2026,\"values\":{\"termAmount\":1600}}";
            case "PROVINCE_ADMIN" -> "{\"username\":\"acc-boss\",\"displayName\":\"测试\",\"password\":\"" + PASSWORD
                    + "\",\"region\":\"62\",\"roles\":[\"PROVINCE_ADMIN\"]}";
            case "APPLY_H1", "APPLY_H2", "APPLY_H3" -> "{\"householdId\":\"" + IDS.get(key.substring(6))
                    + "\",\"data\":{}}";
            default -> throw new IllegalArgumentException(key);
        };
    }

    @Test
    void aClerkSearchesAndExportsOnlyTheirVillageWithMaskedIdNumbers() {
        Api clerk = AS.get("clerk");

        JsonNode all = clerk.get("/api/v1/households?region=620502&size=100").json();
        assertTrue(all.path("total").asInt() >= 1, all.toString());
        for (JsonNode item : all.path("items")) {
            assertEquals(VILLAGE, item.path("villageCode").asText(), item.toString());
        }
        assertEquals(0, clerk.get("/api/v1/households?region=" + NEXT_VILLAGE).json().path("total").asInt());

        var csv = clerk.get("/api/v1/households?region=620502&format=csv");
        assertEquals(200, csv.status(), csv.body());
        var lines = csv.body().lines().skip(1).toList();
        assertTrue(!lines.isEmpty());
        assertTrue(lines.get(0).contains(VILLAGE), lines.get(0));
        for (String line : lines) { // one row per member; the household's columns only on its first row
            assertTrue(!line.contains(NEXT_VILLAGE), line);
            assertTrue(line.matches(".*620502\\*{8}\\d{3}[\\dX].*"), "ID numbers masked: " + line);
        }
    }

    @Test
    void theRecordShowsFullIdNumbersOnlyToThoseWhoMayEditIt() {
        String path = "/api/v1/households/" + IDS.get("H1");
        String clerkView = AS.get("clerk").get(path).json().path("members").get(0).path("idNumber").asText();
        String auditorView = AS.get("auditor").get(path).json().path("members").get(0).path("idNumber").asText();

        assertTrue(clerkView.matches("\\d{17}[\\dX]"), clerkView);
        assertEquals(clerkView.substring(0, 6) + "********" + clerkView.substring(14), auditorView);
    }

    @Test
    void signingOutAndDisablingEndTheTokenAtOnce() {
        Api first = admin.user("acc-leaver", "620502", null, "AUDITOR");
        Api second = admin.signIn("acc-leaver", PASSWORD);

        assertEquals(204, first.send("POST", "/api/v1/auth/logout", null).status());
        assertEquals(401, first.get("/api/v1/auth/me").status());
        assertEquals(200, second.get("/api/v1/auth/me").status());

        assertEquals(200, admin.send("PATCH", "/api/v1/admin/users/acc-leaver", "{\"enabled\":false}").status());
        var refused = second.get("/api/v1/auth/me");
        assertEquals(401, refused.status());
        assertEquals("invalid_token", refused.json().path("error").path("code").asText());
        assertEquals("Bearer", refused.header("WWW-Authenticate"));
        var login = admin.anonymous().send("POST", "/api/v1/auth/login",
                "{\"username\":\"acc-leaver\",\"password\":\"" + PASSWORD + "\"}");
        assertEquals(401, login.status());
        assertEquals("invalid_credentials", login.json().path("error").path("code").asText());
    }

    @Test
    void repeatedFailedSignInsLockTheAccount() {
        admin.user("acc-guessed", "620502", null, "AUDITOR");
        Api anonymous = admin.anonymous();
        String wrong = "{\"username\":\"acc-guessed\",\"password\":\"not-the-password\"}";
        for (int i = 0; i < 5; i++) {
            assertEquals(401, anonymous.send("POST", "/api/v1/auth/login", wrong).status());
        }
        var locked = anonymous.send("POST", "/api/v1/auth/login",
                "{\"username\":\"acc-guessed\",\"password\":\"" + PASSWORD + "\"}");

        assertEquals(429, locked.status(), locked.body());
        assertEquals("too_many_attempts", locked.json().path("error").path("code").asText());
        assertTrue(Integer.parseInt(locked.header("Retry-After")) > 800, locked.header("Retry-After"));
    }

    @Test
    void everyResponseCarriesSecurityHeaders() {
        for (var reply : java.util.List.of(admin.anonymous().get("/api/v1/households"), admin.get("/api/v1/no-such"),
                admin.get("/no-such-page"), admin.anonymous().get("/api/v1/health"), admin.get("/api/v1/auth/me"))) {
            assertEquals("nosniff", reply.header("X-Content-Type-Options"), reply.body());
            assertEquals("DENY", reply.header("X-Frame-Options"), reply.body());
            assertEquals("no-referrer", reply.header("Referrer-Policy"), reply.body());
            assertEquals("no-store", reply.header("Cache-Control"), reply.body());
            assertTrue(reply.header("Content-Security-Policy").contains("frame-ancestors 'none'"), reply.body());
        }
    }

    @Test
    void everyOverLimitBodyIsAnswered413EvenWhenSentWhole() {
        byte[] json = new byte[12 * 1024 * 1024];
        java.util.Arrays.fill(json, (byte) ' ');
        json[0] = '{';
        json[json.length - 1] = '}';
        byte[] jar = new byte[65 * 1024 * 1024];

        // one try each, the whole body sent at once as browsers do: the answer, not a reset
        var households = admin.sendOversized("POST", "/api/v1/households", "application/json", json);
        var plugin = admin.sendOversized("POST", "/api/v1/admin/plugins", "application/java-archive", jar);

        assertEquals(413, households.status(), households.body());
        assertEquals("payload_too_large", households.json().path("error").path("code").asText());
        assertTrue(households.body().contains("1048576 bytes"), households.body());
        assertEquals(413, plugin.status(), plugin.body());
        assertEquals("too_large", plugin.json().path("error").path("code").asText());
        assertTrue(plugin.body().contains("64 MiB"), plugin.body());
        assertEquals(200, admin.get("/api/v1/auth/me").status(), "the platform serves on");
    }

    @Test
    void aRoleThatMayNeverActIsRefusedBeforeItsBodyIsRead() {
        var auditor = admin.user("it-auditor-body", "620502", null, "AUDITOR");
        var clerk = admin.user("it-clerk-body", "620502001003", null, "VILLAGE_CLERK");
        String malformed = "{\"villageCode\":";

        var household = auditor.send("POST", "/api/v1/households", malformed);
        var application = auditor.send("POST", "/api/v1/programs/yulu/applications", malformed);
        var enable = clerk.send("PUT", "/api/v1/regions/620502/programs/yulu", malformed);
        var user = clerk.send("POST", "/api/v1/admin/users", malformed);
        var mayAct = clerk.send("POST", "/api/v1/households", malformed);

        for (var refused : java.util.List.of(household, application, enable, user)) {
            assertEquals(403, refused.status(), refused.body());
            assertEquals("forbidden", refused.json().path("error").path("code").asText());
        }
        assertTrue(household.json().path("error").path("message").asText().contains("VILLAGE_CLERK"), household.body());
        assertEquals(400, mayAct.status(), "a clerk may register households: its body is read and found malformed");
    }

    @Test
    void hostileJsonIsRefusedWithoutAStackTrace() {
        var huge = admin.sendOversized("POST", "/api/v1/households", "application/json",
                ("{\"villageGroup\":\"" + "组".repeat(400_000) + "\"}").getBytes(StandardCharsets.UTF_8));
        assertEquals(413, huge.status(), huge.body());
        assertEquals("payload_too_large", huge.json().path("error").path("code").asText());

        var deep = admin.send("POST", "/api/v1/households", "[".repeat(200) + "]".repeat(200));
        var malformed = admin.send("POST", "/api/v1/households", "{\"villageCode\":");
        var wrongType = admin.send("POST", "/api/v1/households", "{\"members\":\"many\"}");
        for (var reply : java.util.List.of(deep, malformed, wrongType)) {
            assertEquals(400, reply.status(), reply.body());
            assertTrue(!reply.body().contains("Exception") && !reply.body().contains("at org."), reply.body());
        }
    }
}
