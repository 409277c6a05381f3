package org.fupin.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.osgi.framework.BundleContext;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.util.tracker.ServiceTracker;

import com.fasterxml.jackson.databind.JsonNode;

/** The registry's HTTP contract against the running platform: regions, households, every error status. */
@Timeout(120)
class RegistryApiIT {
    static Api api;
    static final AtomicInteger SEQUENCE = new AtomicInteger(1);

    @BeforeAll
    static void waitForRegistry(@InjectBundleContext BundleContext context) throws InterruptedException {
        api = Api.admin(context);
        api.await("/api/v1/regions/620502", r -> r.status() == 200, Duration.ofSeconds(60));
    }

    /** A valid household JSON with ID numbers unique to this run. */
    static String household(String village) {
        // each call gets its own birth dates, so ID numbers never repeat within a run
        int n = SEQUENCE.getAndIncrement();
        String head = id(LocalDate.of(1950, 1, 1).plusDays(n), 1 + 2 * (n % 400));
        String wife = id(LocalDate.of(1952, 1, 1).plusDays(n), 2 * (n % 400));
        return """
                {"villageCode":"%s","villageGroup":"二组","identificationStandard":"NATIONAL",
                 "attribute":"GENERAL","mainCause":"ILLNESS","otherCauses":["LACK_OF_FUNDS"],
                 "members":[
                   {"name":"马国强","sex":"MALE","idNumber":"%s","relation":"HEAD","ethnicity":"03"},
                   {"name":"杨秀兰","sex":"FEMALE","idNumber":"%s","relation":"SPOUSE"}],
                 "incomes":[{"year":2025,"wage":"6000","business":"1500.5","transfer":"800","property":"0","productionCost":"500"}]}
                """.formatted(village, head, wife);
    }

    static String id(LocalDate born, int sequence) {
        String body = "620502" + born.toString().replace("-", "") + String.format("%03d", sequence % 1000);
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * w[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    @Test
    void codeListsGiveEveryCodeWithItsChineseLabel() {
        var codes = api.get("/api/v1/codes");

        assertEquals(200, codes.status(), codes.body());
        assertTrue(codes.body().contains("\"DAUGHTER\""), codes.body());
        assertTrue(codes.body().contains("\"女\""), codes.body());
    }

    @Test
    void regionsAnswerWithTheirPathAndChildren() {
        var county = api.get("/api/v1/regions/620502");
        var townships = api.get("/api/v1/regions?parent=620502");

        assertEquals("秦州区", county.json().path("name").asText());
        assertEquals("COUNTY", county.json().path("level").asText());
        assertEquals("[\"甘肃省\",\"天水市\",\"秦州区\"]", county.json().path("path").toString());
        assertEquals(23, townships.json().path("regions").size());
        assertEquals("620502001", townships.json().path("regions").get(0).path("code").asText());
        assertEquals(31, api.get("/api/v1/regions").json().path("regions").size());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /api/v1/regions/62050                 | 400 | bad_request
            /api/v1/regions/abc                   | 400 | bad_request
            /api/v1/regions/999999                | 404 | not_found
            /api/v1/regions?parent=620599         | 404 | not_found
            /api/v1/households/99999999           | 404 | not_found
            /api/v1/households/not-a-number       | 404 | not_found
            /api/v1/households?status=RICH        | 400 | bad_request
            /api/v1/households?size=100000        | 400 | bad_request
            /api/v1/households?region=6205021     | 400 | bad_request
            /api/v1/households/counts             | 400 | bad_request
            /api/v1/households/counts?region=620502001&by=COUNTY | 400 | bad_request
            /api/v1/households/counts?region=629999 | 404 | not_found
            """)
    void badReadsGetClearErrors(String path, int status, String code) {
        var reply = api.get(path);

        assertEquals(status, reply.status(), reply.body());
        assertEquals(code, reply.json().path("error").path("code").asText(), reply.body());
    }

    @Test
    void createReadUpdateWithOptimisticVersions() {
        var created = api.send("POST", "/api/v1/households", household("620502001003"));
        assertEquals(201, created.status(), created.body());
        String location = created.header("Location");
        assertTrue(location.matches(".*/api/v1/households/\\d+"), location);
        assertEquals("\"1\"", created.header("ETag"));
        String id = created.json().path("id").asText();
        JsonNode read = api.get("/api/v1/households/" + id).json();
        assertEquals(created.json(), read);
        assertEquals("3900.25", read.path("incomes").get(0).path("perCapitaNet").asText());

        // what GET returns is what PUT accepts
        String edited = read.toString().replace("\"二组\"", "\"九组\"");
        var saved = api.send("PUT", "/api/v1/households/" + id, edited);
        var stale = api.send("PUT", "/api/v1/households/" + id, read.toString().replace("\"二组\"", "\"十组\""),
                "If-Match", "\"1\"");

        assertEquals(200, saved.status(), saved.body());
        assertEquals(2, saved.json().path("version").asInt());
        assertEquals(409, stale.status(), stale.body());
        assertEquals("stale_version", stale.json().path("error").path("code").asText());
        assertEquals("九组", api.get("/api/v1/households/" + id).json().path("villageGroup").asText());
    }

    /**
     * A household read is answered by a servlet filter ahead of Jersey; it must answer exactly as the resource
     * does (a query string sends the same read to the resource), and leave every error to the resource.
     */
    @Test
    void aHouseholdReadIsAnsweredAsTheResourceWouldAnswerIt(@InjectBundleContext BundleContext context) {
        var created = api.send("POST", "/api/v1/households", household("620502001003"));
        String path = "/api/v1/households/" + created.json().path("id").asText();
        var runtime = new ServiceTracker<HttpServiceRuntime, HttpServiceRuntime>(context, HttpServiceRuntime.class,
                null);
        runtime.open();
        try {
            var chain = runtime.getService().calculateRequestInfoDTO(path).filterDTOs;
            assertTrue(Arrays.stream(chain).anyMatch(f -> f.name.endsWith(".HouseholdReadFilter")),
                    "the read filter is on the request's chain");
        } finally {
            runtime.close();
        }

        var served = api.get(path);
        var byResource = api.get(path + "?via=resource");

        assertEquals(200, served.status(), served.body());
        assertEquals(byResource.body(), served.body());
        assertEquals(created.json(), served.json());
        for (String header : List.of("Content-Type", "Content-Length", "ETag", "Cache-Control",
                "X-Content-Type-Options", "Content-Security-Policy")) {
            assertNotNull(served.header(header), header);
            assertEquals(byResource.header(header), served.header(header), header);
        }
        assertEquals(401, api.anonymous().get(path).status());
        assertEquals(401, api.anonymous().send("GET", path, null, "Authorization", "Bearer not-a-token").status());
        String bearer = "Bearer " + api.token();
        assertEquals(401, api.anonymous().send("GET", path, null, "Authorization", bearer, "Authorization", bearer)
                .status(), "two Authorization headers are refused as the token filter refuses them");
        assertEquals(406, api.send("GET", path, null, "Accept", "text/csv").status());
        var otherTownship = api.user("read-filter-other", "620502002", null, "TOWNSHIP_OFFICER").get(path);
        assertEquals(404, otherTownship.status(), otherTownship.body());
        assertEquals("not_found", otherTownship.json().path("error").path("code").asText());
    }

    @Test
    void aPersonInAnotherHouseholdIsAConflictNamingIt() {
        var first = api.send("POST", "/api/v1/households", household("620502001004"));
        String idNumber = first.json().path("members").get(1).path("idNumber").asText();
        String second = household("620502001004").replaceFirst("\"idNumber\":\"[0-9X]+\",\"relation\":\"SPOUSE\"",
                "\"idNumber\":\"" + idNumber + "\",\"relation\":\"SPOUSE\"");

        var conflict = api.send("POST", "/api/v1/households", second);

        assertEquals(409, conflict.status(), conflict.body());
        assertEquals("duplicate_person", conflict.json().path("error").path("code").asText());
        assertTrue(conflict.json().path("error").path("message").asText()
                .contains(first.json().path("id").asText()), conflict.body());
    }

    @Test
    void invalidHouseholdsAre422WithEveryFieldNamedInTheCallersLanguage() {
        String bad = household("620502001005").replace("\"relation\":\"SPOUSE\"", "\"relation\":\"HEAD\"")
                .replaceFirst("\"idNumber\":\"([0-9]{17})[0-9X]\"", "\"idNumber\":\"$10\"")
                .replace("[\"LACK_OF_FUNDS\"]", "[\"ILLNESS\"]");

        var zh = api.send("POST", "/api/v1/households", bad);
        var en = api.send("POST", "/api/v1/households", bad, "Accept-Language", "en-US,en;q=0.9");

        assertEquals(422, zh.status(), zh.body());
        assertEquals("validation_failed", zh.json().path("error").path("code").asText());
        String fields = zh.json().path("error").path("fields").toString();
        assertTrue(fields.contains("\"field\":\"members\""), fields);
        assertTrue(fields.contains("otherCauses[0]"), fields);
        assertTrue(fields.contains("必须且只能有一名户主"), fields);
        assertTrue(en.json().path("error").path("fields").toString().contains("exactly one member must be the head"),
                en.body());
        assertTrue(api.get("/api/v1/households?q=马国强&region=620502001005").json().path("total").asInt() == 0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            truncated JSON  | {"villageCode":"620502001001",            | 400 | malformed_json
            wrong type      | {"villageCode":"620502001001","members":5} | 400 | malformed_json
            unknown code    | {"mainCause":"LAZINESS"}                    | 400 | malformed_json
            """)
    void malformedBodiesAre400(String what, String body, int status, String code) {
        var reply = api.send("POST", "/api/v1/households", body);

        assertEquals(status, reply.status(), reply.body());
        assertEquals(code, reply.json().path("error").path("code").asText(), reply.body());
        assertTrue(!reply.body().contains("at org."), "no stack traces to the client");
    }

    @Test
    void statusAndMemberChangesAreKeptAsHistoryAndAudited() {
        var created = api.send("POST", "/api/v1/households", household("620502001006"));
        String id = created.json().path("id").asText();

        var exited = api.send("POST", "/api/v1/households/" + id + "/status",
                "{\"status\":\"EXITED\",\"date\":\"2020-11-30\",\"reason\":\"两不愁三保障达标\",\"version\":1}");
        String wife = created.json().path("members").get(1).path("id").asText();
        var left = api.send("POST", "/api/v1/households/" + id + "/members/" + wife + "/departure",
                "{\"reason\":\"DEATH\",\"date\":\"2024-02-01\"}", "If-Match", "\"2\"");
        var born = api.send("POST", "/api/v1/households/" + id + "/members", """
                {"member": {"name": "王欣怡", "sex": "FEMALE", "idNumber": "620502202405060222", "relation": "DAUGHTER",
                            "ethnicity": "01", "schoolStatus": "PRESCHOOL", "health": "HEALTHY",
                            "labourAbility": "NONE", "medicalInsurance": true},
                 "reason": "BIRTH", "date": "2024-05-06", "version": 3}""");
        var history = api.get("/api/v1/households/" + id + "/history");
        var audit = api.get("/api/v1/audit?entity=household&id=" + id);

        assertEquals(200, exited.status(), exited.body());
        assertEquals("EXITED", exited.json().path("status").asText());
        assertEquals(200, left.status(), left.body());
        assertEquals(1, left.json().path("members").size());
        assertEquals(200, born.status(), born.body());
        assertEquals(2, born.json().path("members").size());
        assertEquals(2, history.json().path("statusChanges").size());
        assertEquals("DEATH", history.json().path("memberChanges").get(0).path("reason").asText());
        assertEquals("BIRTH", history.json().path("memberChanges").get(1).path("reason").asText());
        assertEquals(List.of("create", "status", "member.leave", "member.join"), audit.json().path("entries")
                .findValuesAsText("action"));
        assertNotNull(audit.json().path("entries").get(0).path("after").asText());
    }

    @Test
    void searchFindsByVillageAndNameWithATotal() {
        for (int i = 0; i < 2; i++) {
            var created = api.send("POST", "/api/v1/households", household("620502002001"));
            assertEquals(201, created.status(), created.body());
        }

        var page = api.get("/api/v1/households?region=620502002001&q=%E9%A9%AC&size=1");

        assertEquals(200, page.status(), page.body());
        assertTrue(page.json().path("total").asInt() >= 2);
        assertEquals(1, page.json().path("items").size());
        assertEquals("马国强", page.json().path("items").get(0).path("headName").asText());
    }

    @Test
    void countsHouseholdsAndPeoplePerTownship() {
        assertEquals(201, api.send("POST", "/api/v1/households", household("620502002002")).status());

        var counts = api.get("/api/v1/households/counts?region=620502");

        assertEquals(200, counts.status(), counts.body());
        assertEquals("TOWNSHIP", counts.json().path("by").asText());
        JsonNode qiliDun = null;
        for (JsonNode row : counts.json().path("rows")) {
            if (row.path("code").asText().equals("620502002")) {
                qiliDun = row;
            }
        }
        assertEquals("七里墩街道", qiliDun.path("name").asText());
        assertTrue(qiliDun.path("households").asInt() >= 1);
        assertTrue(counts.json().path("people").asInt() >= counts.json().path("households").asInt());
    }
}
