package org.fupin.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;

/**
 * The plugin the archetype generates (kit/plugin-archetype, built by this build with nothing but groupId, artifactId,
 * version and package given) is uploaded as a third party would, offered, and its rule refuses and accepts filings.
 */
@Timeout(120)
class ArchetypePluginIT {
    static Api api;
    static Path jar;

    @BeforeAll
    static void start(@InjectBundleContext BundleContext context) throws Exception {
        api = Api.admin(context);
        api.await("/api/v1/regions/620502", r -> r.status() == 200, Duration.ofSeconds(60));
        jar = Path.of(context.getProperty("fupin.itest.generated"));
    }

    @AfterAll
    static void stop() {
        api.send("DELETE", "/api/v1/admin/plugins/health-aid", null);
    }

    @Test
    void theGeneratedPluginInstallsAndItsRuleRuns() throws Exception {
        assertTrue(Files.isRegularFile(jar), "the archetype's plugin was built: " + jar);

        var installed = api.upload("/api/v1/admin/plugins", Files.readAllBytes(jar), "application/java-archive");

        assertEquals(201, installed.status(), installed.body());
        assertEquals("org.example.fupin.health-aid", installed.json().path("name").asText());
        var program = api.await("/api/v1/programs/health-aid", r -> r.status() == 200, Duration.ofSeconds(10)).json();
        assertEquals("poverty-office", program.path("agency").asText());
        assertEquals(200, api.send("PUT", "/api/v1/regions/620502/programs/health-aid", "{\"enabled\":true}")
                .status());
        // the student of this household is 14: younger than the generated rule's minAge of 16
        var household = api.send("POST", "/api/v1/households",
                ProgramsIT.household(LocalDate.now(ZoneId.of("Asia/Shanghai")).minusYears(14).minusDays(30)));
        assertEquals(201, household.status(), household.body());
        String householdId = household.json().path("id").asText();
        String young = household.json().path("members").get(1).path("id").asText();
        String head = household.json().path("members").get(0).path("id").asText();

        var refused = api.send("POST", "/api/v1/programs/health-aid/applications", """
                {"householdId":"%s","data":{"applicant":"%s","purpose":"养殖"}}""".formatted(householdId, young));
        var filed = api.send("POST", "/api/v1/programs/health-aid/applications", """
                {"householdId":"%s","data":{"applicant":"%s","purpose":"养殖"}}""".formatted(householdId, head));

        assertEquals(422, refused.status(), refused.body());
        assertEquals("data.applicant", refused.json().path("error").path("fields").get(0).path("field").asText());
        assertTrue(refused.body().contains("14"), refused.body());
        assertEquals(201, filed.status(), filed.body());
        assertEquals("SUBMITTED", filed.json().path("state").asText());
    }
}
