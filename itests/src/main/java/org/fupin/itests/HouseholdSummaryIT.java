package org.fupin.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code GET /households/summary} over real HTTP: a region's households by status and main cause and the exits its
 * status history records by year, within the caller's scope; the errors. Works in 秦岭镇 (620502114), where no other
 * test registers households, and counts differences, so it holds in any order of the suite.
 */
@Timeout(120)
class HouseholdSummaryIT {
    static final String TOWNSHIP = "620502114";
    static final String VILLAGE = "620502114001";
    static final String OTHER_VILLAGE = "620502114002";
    static Api api;

    @BeforeAll
    static void waitForRegistry(@InjectBundleContext BundleContext context) throws InterruptedException {
        api = Api.admin(context);
        api.await("/api/v1/regions/620502", r -> r.status() == 200, Duration.ofSeconds(60));
    }

    @Test
    void countsARegionsHouseholdsByStatusAndMainCauseAndTheExitsOfEachYear() {
        JsonNode before = summary(api, TOWNSHIP);
        String exiting = register(VILLAGE, "ILLNESS");
        register(VILLAGE, "ILLNESS");
        register(OTHER_VILLAGE, "DISABILITY");
        var exited = api.send("POST", "/api/v1/households/" + exiting + "/status",
                "{\"status\":\"EXITED\",\"date\":\"2024-06-30\",\"reason\":\"人均纯收入超过标准\"}", "If-Match", "\"1\"");
        assertEquals(200, exited.status(), exited.body());

        JsonNode after = summary(api, TOWNSHIP);

        assertEquals("秦岭镇", after.path("region").path("name").asText());
        assertEquals(3, after.path("households").asLong() - before.path("households").asLong());
        assertEquals(6, after.path("people").asLong() - before.path("people").asLong());
        assertEquals(2, count(after, "byStatus", "status", "POOR") - count(before, "byStatus", "status", "POOR"));
        assertEquals(1, count(after, "byStatus", "status", "EXITED") - count(before, "byStatus", "status", "EXITED"));
        assertEquals(2, count(after, "byMainCause", "cause", "ILLNESS")
                - count(before, "byMainCause", "cause", "ILLNESS"));
        assertEquals(1, count(after, "byMainCause", "cause", "DISABILITY")
                - count(before, "byMainCause", "cause", "DISABILITY"));
        assertEquals(1, count(after, "exitsByYear", "year", "2024") - count(before, "exitsByYear", "year", "2024"));
        // the rows add up to the totals
        assertEquals(after.path("households").asLong(), sum(after.path("byStatus")));
        assertEquals(after.path("households").asLong(), sum(after.path("byMainCause")));
    }

    @Test
    void aUserCountsOnlyTheirOwnRegion() {
        register(OTHER_VILLAGE, "ILLNESS");
        Api clerk = api.user("summary-clerk", OTHER_VILLAGE, null, "VILLAGE_CLERK");
        Api otherCounty = api.user("summary-county", "620503", null, "COUNTY_ADMIN");

        JsonNode asked = summary(clerk, TOWNSHIP);
        JsonNode own = summary(api, OTHER_VILLAGE);
        JsonNode outside = summary(otherCounty, "620502");

        assertEquals(own.path("households").asLong(), asked.path("households").asLong());
        assertEquals(TOWNSHIP, asked.path("region").path("code").asText());
        assertEquals(0, outside.path("households").asLong());
        assertEquals(0, outside.path("byStatus").size());
        assertEquals(0, outside.path("byMainCause").size());
        assertEquals(0, outside.path("exitsByYear").size());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /api/v1/households/summary                | 400 | bad_request
            /api/v1/households/summary?region=6205021 | 400 | bad_request
            /api/v1/households/summary?region=629999  | 404 | not_found
            """)
    void badRequestsAreExplained(String path, int status, String code) {
        var reply = api.get(path);

        assertEquals(status, reply.status(), reply.body());
        assertEquals(code, reply.json().path("error").path("code").asText(), reply.body());
    }

    @Test
    void onlyForSignedInUsers() {
        assertEquals(401, api.anonymous().get("/api/v1/households/summary?region=620502").status());
    }

    private static JsonNode summary(Api as, String region) {
        var reply = as.get("/api/v1/households/summary?region=" + region);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    /** Registers a household of two (head and spouse) with this main cause; answers its id. */
    private static String register(String village, String cause) {
        var created = api.send("POST", "/api/v1/households", RegistryApiIT.household(village)
                .replace("\"mainCause\":\"ILLNESS\",\"otherCauses\":[\"LACK_OF_FUNDS\"]",
                        "\"mainCause\":\"" + cause + "\",\"otherCauses\":[]"));
        assertEquals(201, created.status(), created.body());
        return created.json().path("id").asText();
    }

    private static long count(JsonNode summary, String list, String key, String value) {
        for (JsonNode row : summary.path(list)) {
            if (row.path(key).asText().equals(value)) {
                return row.path("households").asLong();
            }
        }
        return 0;
    }

    private static long sum(JsonNode rows) {
        long total = 0;
        for (JsonNode row : rows) {
            total += row.path("households").asLong();
        }
        return total;
    }
}
