package org.fupin.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;

import com.fasterxml.jackson.databind.JsonNode;

/** Jars dropped into the deploy folder come and go while the platform runs; broken ones are reported. */
@Timeout(120)
class HotDeployIT {
    static Api api;
    static Path deploy;

    @BeforeAll
    static void setUp(@InjectBundleContext BundleContext context) throws Exception {
        deploy = Path.of(context.getProperty("fupin.deploy.dir"));
        Files.createDirectories(deploy);
        api = Api.admin(context);
        api.await("/api/v1/health", r -> r.status() == 200, Duration.ofSeconds(30));
    }

    @Test
    void aDroppedBundleIsStartedWithinFiveSecondsAndADeletedOneIsUninstalled() throws Exception {
        Path jar = deploy.resolve("hello-plugin.jar");
        TestBundles.writeBundle(jar, "org.example.hello");

        var listed = api.await("/api/v1/admin/bundles", r -> find(r.json(), "org.example.hello") != null
                && "ACTIVE".equals(find(r.json(), "org.example.hello").path("state").asText()), Duration.ofSeconds(5));
        JsonNode hello = find(listed.json(), "org.example.hello");
        assertEquals("ACTIVE", hello.path("state").asText());
        assertEquals("deploy", hello.path("origin").asText());

        Files.delete(jar);

        api.await("/api/v1/admin/bundles", r -> find(r.json(), "org.example.hello") == null, Duration.ofSeconds(5));
    }

    @Test
    void brokenJarsAreReportedAndThePlatformKeepsServing() throws Exception {
        Path garbage = deploy.resolve("garbage.jar");
        Files.writeString(garbage, "this is not a jar");
        Path unresolvable = deploy.resolve("needs-missing-api.jar");
        TestBundles.writeBundle(unresolvable, "org.example.needy",
                "Import-Package", "org.example.nowhere;version=\"[1,2)\"");
        try {
            var reply = api.await("/api/v1/admin/bundles",
                    r -> problem(r.json(), "garbage.jar") != null && problem(r.json(), "org.example.needy") != null,
                    Duration.ofSeconds(15));

            assertTrue(problem(reply.json(), "garbage.jar").path("message").asText().startsWith("not installed"));
            assertTrue(problem(reply.json(), "org.example.needy").path("message").asText()
                    .contains("org.example.nowhere"), reply.body());
            var health = api.get("/api/v1/health");
            assertEquals(200, health.status(), health.body());
            assertEquals("UP", health.json().path("status").asText());
            assertTrue(problem(health.json(), "org.example.needy") != null, health.body());
        } finally {
            Files.deleteIfExists(garbage);
            Files.deleteIfExists(unresolvable);
        }
        api.await("/api/v1/admin/bundles", r -> problem(r.json(), "org.example.needy") == null,
                Duration.ofSeconds(5));
    }

    private static JsonNode find(JsonNode list, String symbolicName) {
        for (JsonNode bundle : list.path("bundles")) {
            if (symbolicName.equals(bundle.path("symbolicName").asText())) {
                return bundle;
            }
        }
        return null;
    }

    private static JsonNode problem(JsonNode reply, String source) {
        for (JsonNode problem : reply.path("problems")) {
            if (source.equals(problem.path("source").asText())) {
                return problem;
            }
        }
        return null;
    }
}
