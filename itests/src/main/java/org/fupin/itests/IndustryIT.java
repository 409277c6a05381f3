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
 * 产业扶贫 as the distribution ships it, installed while the platform runs: a household's cattle project from filing
 * through the notice and the township's verification to the subsidy the verified scale earns, capped for the year;
 * 带贫主体 registered under a checked credit code, a household linked to one with what it gained, and a village solar
 * station that cannot support more than its capacity allows nor distribute more than it earned — the program's
 * rules on its records, over HTTP, on a moving platform clock.
 */
@Timeout(120)
class IndustryIT {
    static final String PROGRAM = "/api/v1/programs/industry";
    static final String CODE = "93620502MA74N8K2X9";
    static Api api;
    static Api officer;
    static BundleContext context;

    @BeforeAll
    static void start(@InjectBundleContext BundleContext bundleContext) throws Exception {
        context = bundleContext;
        api = Api.admin(context);
        officer = api.user("it-industry", "620502", "agriculture-bureau", "PROGRAM_OFFICER");
        ShippedPlugins.install(api, context, "industry");
    }

    @AfterAll
    static void stop() throws Exception {
        ShippedPlugins.remove(api, context, "industry");
    }

    @Test
    void aCattleProjectIsPaidOnTheVerifiedScaleUpToTheYearsCap() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        var household = api.send("POST", "/api/v1/households", ProgramsIT.household(today.minusYears(16)));
        assertEquals(201, household.status(), household.body());
        String householdId = household.json().path("id").asText();
        var filed = officer.send("POST", PROGRAM + "/applications", """
                {"householdId":"%s","data":{"industry":"CATTLE","plannedScale":6}}""".formatted(householdId));
        assertEquals(201, filed.status(), filed.body());
        String application = PROGRAM + "/applications/" + filed.json().path("id").asText();
        try {
            step(application, "village-review", null, 200);
            step(application, "verify", verification(today, 4), 409);
            ProgramsIT.moveClock(context, 8);
            step(application, "verify", verification(today.plusDays(8), 6), 200);
            step(application, "approve", null, 200);
            // 6 verified cattle at 2,000 a head earn 12,000: capped at 10,000 a household and year
            var paid = step(application, "pay", "{\"voucher\":\"NYJB-IT-1\"}", 200);
            BigDecimal amount = paid.path("benefits").get(0).path("amount").decimalValue();
            assertEquals(0, new BigDecimal("10000").compareTo(amount), "6 cattle × 2,000, capped: " + paid);
            assertEquals("PAID", paid.path("state").asText());
        } finally {
            ProgramsIT.moveClock(context, 0);
        }
        JsonNode subsidies = officer.get(PROGRAM + "/reports/subsidy-by-region-and-industry?region=620502").json();
        assertTrue(subsidies.path("total").path("amount").decimalValue().compareTo(new BigDecimal("10000")) >= 0,
                subsidies.toString());
    }

    @Test
    void entitiesLinksAndStationsAreCheckedByTheProgramsRules() {
        var wrongCheck = officer.send("POST", PROGRAM + "/records/entity", entity(CODE.substring(0, 17) + "0"));
        assertEquals(422, wrongCheck.status(), wrongCheck.body());
        assertEquals("data.creditCode", Api.firstField(wrongCheck));
        assertTrue(wrongCheck.body().contains("校验码应为 9"), wrongCheck.body());
        var registered = officer.send("POST", PROGRAM + "/records/entity", entity(CODE));
        assertEquals(201, registered.status(), registered.body());
        var twice = officer.send("POST", PROGRAM + "/records/entity", entity(CODE));
        assertEquals(422, twice.status(), "one entity a code: " + twice.body());

        String householdId = api.send("POST", "/api/v1/households", ProgramsIT.household(LocalDate.now()
                .minusYears(17))).json().path("id").asText();
        var unknown = officer.send("POST", PROGRAM + "/records/link", link(householdId, "91350200776049653A"));
        assertEquals(422, unknown.status(), unknown.body());
        assertEquals("data.creditCode", Api.firstField(unknown));
        var linked = officer.send("POST", PROGRAM + "/records/link", link(householdId, CODE));
        assertEquals(201, linked.status(), linked.body());
        var gained = officer.send("POST", PROGRAM + "/records/link/" + linked.json().path("id").asText() + "/entries",
                """
                {"type":"benefit","date":"%s","data":{"amount":3600,"evidence":"订单收购结算单"}}"""
                        .formatted(LocalDate.now(ZoneId.of("Asia/Shanghai"))));
        assertEquals(201, gained.status(), gained.body());

        var tooBig = officer.send("POST", PROGRAM + "/records/station", station(300, 42));
        assertEquals(422, tooBig.status(), "300 kW for 42 households is 7.14 kW each: " + tooBig.body());
        assertEquals("data.capacityKw", Api.firstField(tooBig));
        var station = officer.send("POST", PROGRAM + "/records/station", station(300, 43));
        assertEquals(201, station.status(), station.body());
        String entries = PROGRAM + "/records/station/" + station.json().path("id").asText() + "/entries";
        String date = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        assertEquals(201, officer.send("POST", entries, """
                {"type":"income","date":"%s","data":{"amount":30000}}""".formatted(date)).status());
        var overPaid = officer.send("POST", entries, """
                {"type":"payout","date":"%s","data":{"amount":30000.01,"households":43,"purpose":"DIVIDEND"}}"""
                .formatted(date));
        assertEquals(422, overPaid.status(), overPaid.body());
        assertEquals("data.amount", Api.firstField(overPaid));
        assertEquals(201, officer.send("POST", entries, """
                {"type":"payout","date":"%s","data":{"amount":24000,"households":43,"purpose":"PUBLIC_WELFARE_JOBS"}}"""
                .formatted(date)).status());
    }

    @Test
    void everyReportAsJsonCsvAndXlsx() {
        ShippedPlugins.everyReportAnswers(officer, "industry");
    }

    private static String verification(LocalDate on, int scale) {
        return "{\"verifiedOn\":\"%s\",\"verifiedScale\":%d,\"evidence\":\"验收照片\"}".formatted(on, scale);
    }

    private static String entity(String code) {
        return """
                {"region":"620502","data":{"entityName":"秦州区富民肉牛养殖农民专业合作社","kind":"COOPERATIVE",
                 "creditCode":"%s","industry":"CATTLE"}}""".formatted(code);
    }

    private static String link(String householdId, String code) {
        return """
                {"householdId":"%s","data":{"creditCode":"%s","mode":"ORDER_PURCHASE","since":"2025-03-01"}}"""
                .formatted(householdId, code);
    }

    private static String station(int kw, int households) {
        return """
                {"region":"%s","data":{"capacityKw":%d,"households":%d,"connectedOn":"2024-06-30"}}"""
                .formatted(ProgramsIT.VILLAGE, kw, households);
    }

    private static JsonNode step(String application, String action, String data, int status) {
        return ShippedPlugins.step(officer, application, action, data, status);
    }
}
