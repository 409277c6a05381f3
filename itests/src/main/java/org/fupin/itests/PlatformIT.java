package org.fupin.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.test.common.annotation.InjectBundleContext;

/** The whole platform in a real framework: every bundle runs, and the HTTP API answers. */
@Timeout(120)
class PlatformIT {
    static Api api;

    @BeforeAll
    static void waitForHealth(@InjectBundleContext BundleContext context) throws InterruptedException {
        api = Api.admin(context);
        api.await("/api/v1/health", r -> r.status() == 200, Duration.ofSeconds(30));
    }

    @Test
    void everyBundleIsActive(@InjectBundleContext BundleContext context) {
        var notActive = new ArrayList<String>();
        for (Bundle bundle : context.getBundles()) {
            boolean fragment = bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            int expected = fragment ? Bundle.RESOLVED : Bundle.ACTIVE;
            if (bundle.getState() != expected) {
                notActive.add(bundle.getSymbolicName() + " (state " + bundle.getState() + ")");
            }
        }
        assertEquals(new ArrayList<String>(), notActive);
    }

    @Test
    void healthIsUpWithVersionAndBundleCounts(@InjectBundleContext BundleContext context) {
        var reply = api.get("/api/v1/health");

        assertEquals(200, reply.status());
        assertTrue(reply.contentType().startsWith("application/json"), reply.contentType());
        assertEquals("UP", reply.json().path("status").asText());
        assertTrue(reply.json().path("version").asText().length() > 0);
        assertEquals(context.getBundles().length, reply.json().path("bundles").path("total").asInt());
        assertTrue(reply.json().path("bundles").path("active").asInt() > 20);
    }

    @Test
    void theOpenApiDescriptionIsPublic() {
        var reply = api.anonymous().get("/api/v1/openapi.json");

        assertEquals(200, reply.status(), reply.body());
        assertEquals("3.1.0", reply.json().path("openapi").asText());
        assertTrue(reply.json().path("paths").has("/households/{id}"));
    }

    @Test
    void adminBundlesListsEveryBundleWithItsState(@InjectBundleContext BundleContext context) {
        var reply = api.get("/api/v1/admin/bundles");

        assertEquals(200, reply.status());
        var bundles = reply.json().path("bundles");
        assertEquals(context.getBundles().length, bundles.size());
        boolean statusBundleListed = false;
        for (var bundle : bundles) {
            if ("org.fupin.status".equals(bundle.path("symbolicName").asText())) {
                statusBundleListed = true;
                assertEquals("ACTIVE", bundle.path("state").asText());
                assertEquals("platform", bundle.path("origin").asText());
                assertEquals(context.getBundle().getVersion().toString().isEmpty(), false);
            }
        }
        assertTrue(statusBundleListed, bundles.toString());
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            GET    | /api/v1/no-such-thing | 404 | not_found
            GET    | /no-such-page         | 404 | not_found
            DELETE | /api/v1/health        | 405 | method_not_allowed
            POST   | /api/v1/admin/bundles | 405 | method_not_allowed
            """)
    void errorsAreJsonInTheContractFormat(String method, String path, int status, String code) {
        var reply = api.send(method, path, method.equals("POST") ? "{}" : null);

        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/json"), reply.contentType());
        assertEquals(code, reply.json().path("error").path("code").asText(), reply.body());
        assertTrue(reply.json().path("error").path("message").asText().length() > 0, reply.body());
    }
}
