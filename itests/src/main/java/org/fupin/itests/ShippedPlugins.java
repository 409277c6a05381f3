package org.fupin.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.osgi.framework.BundleContext;

import com.fasterxml.jackson.databind.JsonNode;

/** The program plugins the distribution ships, as the tests of each install, drive and remove them over HTTP. */
final class ShippedPlugins {
    static final String COUNTY = "620502";

    private ShippedPlugins() {
    }

    /** Uploads {@code org.fupin.<program>.jar} from the distribution while the platform runs; enables it for the county. */
    static void install(Api admin, BundleContext context, String program) throws Exception {
        admin.await("/api/v1/regions/" + COUNTY, r -> r.status() == 200, Duration.ofSeconds(60));
        var installed = admin.upload("/api/v1/admin/plugins", Files.readAllBytes(Path.of(context.getProperty(
                "fupin.itest.plugins")).resolve("org.fupin." + program + ".jar")), "application/java-archive");
        assertTrue(installed.status() == 201 || installed.status() == 200, installed.body());
        admin.await("/api/v1/programs/" + program, r -> r.status() == 200, Duration.ofSeconds(15));
        assertEquals(200, admin.send("PUT", "/api/v1/regions/" + COUNTY + "/programs/" + program,
                "{\"enabled\":true}").status());
    }

    /** Puts the clock back and removes the plugin (its data stays). */
    static void remove(Api admin, BundleContext context, String program) throws Exception {
        ProgramsIT.moveClock(context, 0);
        admin.send("DELETE", "/api/v1/admin/plugins/" + program, null);
    }

    /** Every report the program declares, as JSON, CSV and XLSX: each answers 200. */
    static void everyReportAnswers(Api officer, String program) {
        String path = "/api/v1/programs/" + program;
        JsonNode reports = officer.get(path + "?region=" + COUNTY).json().path("reports");
        assertTrue(reports.size() > 0, "the program declares reports");
        for (JsonNode report : reports) {
            for (String format : List.of("json", "csv", "xlsx")) {
                var answer = officer.get(path + "/reports/" + report.path("id").asText() + "?region=" + COUNTY
                        + "&format=" + format);
                assertEquals(200, answer.status(), report.path("id").asText() + " as " + format + ": "
                        + answer.body());
            }
        }
    }

    /** Takes a workflow action on an application and expects {@code status}; the answer's JSON. */
    static JsonNode step(Api who, String application, String action, String data, int status) {
        var answer = who.send("POST", application + "/transitions", "{\"action\":\"" + action + "\""
                + (data == null ? "" : ",\"data\":" + data) + "}");
        assertEquals(status, answer.status(), action + ": " + answer.body());
        return answer.json();
    }
}
