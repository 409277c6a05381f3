package org.fupin.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Readiness and liveness on Felix Health Checks: what decides them, what anonymous callers and administrators see,
 * and that checks come and go with the bundles that register them.
 */
@Timeout(120)
class HealthIT {
    static Api admin;

    @BeforeAll
    static void ready(@InjectBundleContext BundleContext context) throws InterruptedException {
        admin = Api.admin(context);
    }

    @Test
    void anonymousCallersSeeTheStatusOnlyAndAdministratorsEveryReadinessCheck() {
        var anonymous = admin.anonymous().get("/api/v1/health");
        assertEquals(200, anonymous.status(), anonymous.body());
        assertEquals(List.of("status"), fieldNames(anonymous.json()), anonymous.body());
        assertEquals("UP", anonymous.json().path("status").asText());
        assertTrue(anonymous.header("Cache-Control").contains("no-store"), anonymous.header("Cache-Control"));

        var clerk = admin.user("it-health-clerk", "620502001001", null, "VILLAGE_CLERK").get("/api/v1/health");
        assertEquals(List.of("status"), fieldNames(clerk.json()), "only province administrators see details");

        var detailed = admin.get("/api/v1/health");
        assertEquals(200, detailed.status(), detailed.body());
        for (String name : List.of("database", "accounts", "regions", "bundles", "disk-space")) {
            JsonNode check = check(detailed.json(), name);
            assertNotNull(check, name + " in " + detailed.body());
            assertEquals("OK", check.path("status").asText(), check.toString());
            assertTrue(check.path("tags").toString().contains("ready"), check.toString());
            assertTrue(check.path("messages").size() > 0, check.toString());
        }
        assertTrue(detailed.json().path("version").asText().length() > 0);
        assertTrue(detailed.json().path("bundles").path("active").asInt() > 20);
    }

    @Test
    void livenessAnswersFromItsOwnChecks() {
        var anonymous = admin.anonymous().get("/api/v1/health/live");
        assertEquals(200, anonymous.status(), anonymous.body());
        assertEquals("UP", anonymous.json().path("status").asText());
        assertEquals(List.of("status"), fieldNames(anonymous.json()));

        var detailed = admin.get("/api/v1/health/live");
        assertNotNull(check(detailed.json(), "deadlocks"), detailed.body());
        assertEquals(null, check(detailed.json(), "database"), "liveness does not depend on the database");
    }

    @Test
    void aFailingReadinessCheckTakesThePlatformOutOfServiceUntilItPasses(@InjectBundleContext BundleContext context)
            throws InterruptedException {
        var failing = context.registerService(HealthCheck.class,
                () -> new Result(Result.Status.CRITICAL, "the test says no"), properties("it-critical", "ready"));
        try {
            var down = admin.anonymous().await("/api/v1/health", r -> r.status() == 503, Duration.ofSeconds(10));
            assertEquals("DOWN", down.json().path("status").asText());
            assertEquals(List.of("status"), fieldNames(down.json()));
            var detailed = admin.get("/api/v1/health");
            assertEquals(503, detailed.status());
            assertEquals("CRITICAL", check(detailed.json(), "it-critical").path("status").asText());
        } finally {
            failing.unregister();
        }
        admin.anonymous().await("/api/v1/health", r -> r.status() == 200, Duration.ofSeconds(10));
    }

    @Test
    void aPluginsOwnCheckIsShownButNeverTakesThePlatformDownAndNeverShowsItsStackTrace(
            @InjectBundleContext BundleContext context) throws InterruptedException {
        var pluginCheck = context.registerService(HealthCheck.class,
                () -> new Result(Result.Status.CRITICAL, "医保接口不可达",
                        new IllegalStateException("connection refused at org.example.Secret")),
                properties("it-plugin", "plugin"));
        try {
            var detailed = admin.await("/api/v1/health", r -> check(r.json(), "it-plugin") != null,
                    Duration.ofSeconds(10));
            assertEquals(200, detailed.status(), detailed.body());
            assertEquals("UP", detailed.json().path("status").asText());
            JsonNode check = check(detailed.json(), "it-plugin");
            assertEquals("CRITICAL", check.path("status").asText());
            assertEquals("医保接口不可达", check.path("messages").get(0).asText());
            assertFalse(detailed.body().contains("org.example.Secret"), detailed.body());
            assertFalse(detailed.body().contains("Exception"), detailed.body());
        } finally {
            pluginCheck.unregister();
        }
    }

    @Test
    void aFullDiskMakesThePlatformNotReady(@InjectService ConfigurationAdmin configurations) throws Exception {
        var full = configurations.getFactoryConfiguration("org.apache.felix.hc.generalchecks.DiskSpaceCheck",
                "it-full", "?");
        Dictionary<String, Object> settings = new Hashtable<>();
        settings.put("hc.name", "it-disk");
        settings.put("hc.tags", new String[] { "ready" });
        settings.put("diskPaths", new String[] { System.getProperty("java.io.tmpdir") });
        settings.put("diskUsedThresholdWarn", 0L);
        settings.put("diskUsedThresholdCritical", 0L); // any use at all counts as a full disk
        full.update(settings);
        try {
            var down = admin.await("/api/v1/health", r -> r.status() == 503, Duration.ofSeconds(10));
            assertEquals("CRITICAL", check(down.json(), "it-disk").path("status").asText(), down.body());
        } finally {
            full.delete();
        }
        admin.anonymous().await("/api/v1/health", r -> r.status() == 200, Duration.ofSeconds(10));
    }

    @Test
    void aRequiredCheckThatIsMissingMeansNotReady(@InjectService ConfigurationAdmin configurations)
            throws Exception {
        var health = configurations.getConfiguration("org.fupin.health", "?");
        Dictionary<String, Object> settings = new Hashtable<>();
        settings.put("requiredChecks", new String[] { "database", "accounts", "regions", "bundles", "disk-space",
                "it-never-registered" });
        health.update(settings);
        try {
            var down = admin.await("/api/v1/health", r -> r.status() == 503, Duration.ofSeconds(15));
            assertEquals("TEMPORARILY_UNAVAILABLE",
                    check(down.json(), "it-never-registered").path("status").asText(), down.body());
        } finally {
            health.delete();
        }
        admin.anonymous().await("/api/v1/health", r -> r.status() == 200, Duration.ofSeconds(15));
    }

    private static Dictionary<String, Object> properties(String name, String tag) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(HealthCheck.NAME, name);
        properties.put(HealthCheck.TAGS, new String[] { tag });
        return properties;
    }

    private static JsonNode check(JsonNode health, String name) {
        for (JsonNode check : health.path("checks")) {
            if (name.equals(check.path("name").asText())) {
                return check;
            }
        }
        return null;
    }

    private static List<String> fieldNames(JsonNode node) {
        var names = new ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
