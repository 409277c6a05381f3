package org.fupin.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;

/**
 * 农村危房改造 as the distribution ships it, installed while the platform runs: a registered poor household's grade D
 * house assessed by the housing bureau, rebuilt through the three notices, the agreement, construction and the joint
 * acceptance, and the subsidy paid once after it — over HTTP, on a moving platform clock.
 */
@Timeout(120)
class HousingIT {
    static Api api;
    static Api officer;
    static BundleContext context;

    @BeforeAll
    static void start(@InjectBundleContext BundleContext bundleContext) throws Exception {
        context = bundleContext;
        api = Api.admin(context);
        officer = api.user("it-housing", "620502", "housing-bureau", "PROGRAM_OFFICER");
        ShippedPlugins.install(api, context, "housing");
    }

    @AfterAll
    static void stop() throws Exception {
        ShippedPlugins.remove(api, context, "housing");
    }

    @Test
    void aGradeDHouseIsRebuiltThroughTheWholeWorkflowAndPaidOnceAccepted() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        var household = api.send("POST", "/api/v1/households", ProgramsIT.household(today.minusYears(16)));
        assertEquals(201, household.status(), household.body());
        String householdId = household.json().path("id").asText();
        String filing = """
                {"householdId":"%s","data":{"group":"REGISTERED_POOR","grade":"D","renovationType":"REBUILD",
                 "plannedArea":%s}}""";

        var unassessed = officer.send("POST", "/api/v1/programs/housing/applications", filing.formatted(householdId, 50));
        assertEquals(422, unassessed.status(), unassessed.body());
        assertEquals("data.grade", Api.firstField(unassessed));
        var assessment = officer.send("PATCH", "/api/v1/households/" + householdId + "/extensions", """
                {"version":1,"values":{"housing.safetyGrade":"D","housing.assessedOn":"%s"}}""".formatted(today));
        assertEquals(200, assessment.status(), assessment.body());
        var tooLarge = officer.send("POST", "/api/v1/programs/housing/applications", filing.formatted(householdId, 61));
        assertEquals(422, tooLarge.status(), tooLarge.body());
        assertEquals("data.plannedArea", Api.firstField(tooLarge), "2 persons: 30–60 m²");

        var filed = officer.send("POST", "/api/v1/programs/housing/applications", filing.formatted(householdId, 50));
        assertEquals(201, filed.status(), filed.body());
        String application = "/api/v1/programs/housing/applications/" + filed.json().path("id").asText();
        try {
            step(application, "village-review", null, 200);
            step(application, "township-review", null, 409);
            ProgramsIT.moveClock(context, 7);
            step(application, "township-review", null, 200);
            ProgramsIT.moveClock(context, 14);
            step(application, "county-approve", null, 200);
            ProgramsIT.moveClock(context, 21);
            step(application, "sign", "{\"agreementNumber\":\"WG-IT-0001\",\"signedOn\":\"%s\"}"
                    .formatted(today.plusDays(21)), 200);
            step(application, "pay", "{\"voucher\":\"ZJBZ-IT\"}", 409);
            step(application, "start", "{\"startedOn\":\"%s\"}".formatted(today.plusDays(21)), 200);
            ProgramsIT.moveClock(context, 100);
            var small = officer.send("POST", application + "/transitions", """
                    {"action":"accept","data":{"acceptedOn":"%s","actualArea":25,"safeNow":true}}"""
                    .formatted(today.plusDays(100)));
            assertEquals(422, small.status(), small.body());
            assertEquals("data.actualArea", Api.firstField(small));
            step(application, "accept", "{\"acceptedOn\":\"%s\",\"actualArea\":48,\"safeNow\":true}"
                    .formatted(today.plusDays(100)), 200);
            var paid = step(application, "pay", "{\"voucher\":\"ZJBZ-IT\"}", 200);
            assertEquals("PAID", paid.path("state").asText());
            assertEquals(0, new BigDecimal("14000").compareTo(paid.path("benefits").get(0).path("amount")
                    .decimalValue()), paid.toString());
            var again = officer.send("POST", "/api/v1/programs/housing/applications", filing.formatted(householdId, 50));
            assertEquals(422, again.status(), "one renovation a household: " + again.body());
        } finally {
            ProgramsIT.moveClock(context, 0);
        }
    }

    @Test
    void everyReportAsJsonCsvAndXlsx() {
        ShippedPlugins.everyReportAnswers(officer, "housing");
    }

    private static com.fasterxml.jackson.databind.JsonNode step(String application, String action, String data,
            int status) {
        return ShippedPlugins.step(officer, application, action, data, status);
    }
}
