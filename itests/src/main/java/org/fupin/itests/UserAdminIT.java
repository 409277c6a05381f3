package org.fupin.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Hashtable;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/** Administering users over HTTP: changing them, resetting passwords, unlocking, and whose address counts. */
@Timeout(120)
class UserAdminIT {
    static Api admin;
    static Api county;

    @BeforeAll
    static void signIn(@InjectBundleContext BundleContext context) throws InterruptedException {
        admin = Api.admin(context);
        county = admin.user("ua-county", "620502", null, "COUNTY_ADMIN");
    }

    @Test
    void aCountyAdministratorMovesAClerkUpAndTheClerksOldTokenStops() {
        Api clerk = county.user("ua-clerk", "620502001001", null, "VILLAGE_CLERK");
        assertEquals(200, clerk.get("/api/v1/auth/me").status());

        var changed = county.send("PATCH", "/api/v1/admin/users/ua-clerk",
                "{\"region\":\"620502001\",\"roles\":[\"TOWNSHIP_OFFICER\"],\"displayName\":\"乡镇干部\"}");
        assertEquals(200, changed.status(), changed.body());
        assertEquals("620502001", changed.json().path("region").asText());
        assertEquals("TOWNSHIP_OFFICER", changed.json().path("roles").get(0).asText());

        assertEquals(401, clerk.get("/api/v1/auth/me").status(), "what the clerk may see changed: sign in again");
        var again = admin.anonymous().signIn("ua-clerk", Api.USER_PASSWORD).get("/api/v1/auth/me");
        assertEquals("620502001", again.json().path("region").asText());

        var province = county.send("PATCH", "/api/v1/admin/users/ua-clerk", "{\"roles\":[\"PROVINCE_ADMIN\"],\"region\":\"62\"}");
        assertEquals(403, province.status(), province.body());
        var wrongLevel = county.send("PATCH", "/api/v1/admin/users/ua-clerk", "{\"roles\":[\"VILLAGE_CLERK\"]}");
        assertEquals(422, wrongLevel.status(), wrongLevel.body());
        assertEquals("roles", Api.firstField(wrongLevel));
        var self = county.send("PATCH", "/api/v1/admin/users/ua-county", "{\"roles\":[\"AUDITOR\"]}");
        assertEquals(409, self.status(), self.body());
        var empty = county.send("PATCH", "/api/v1/admin/users/ua-clerk", "{}");
        assertEquals(400, empty.status(), empty.body());
    }

    @Test
    void aResetPasswordOpensOnlyThePasswordChangeUntilTheUserChoosesTheirOwn() {
        county.user("ua-reset", "620502", null, "AUDITOR");
        var reset = county.send("POST", "/api/v1/admin/users/ua-reset/password", "{\"temporaryPassword\":\"temporary-pass-1\"}");
        assertEquals(200, reset.status(), reset.body());
        assertTrue(reset.json().path("mustChangePassword").asBoolean(), reset.body());

        var signedIn = admin.anonymous().send("POST", "/api/v1/auth/login",
                "{\"username\":\"ua-reset\",\"password\":\"temporary-pass-1\"}");
        assertEquals(200, signedIn.status(), signedIn.body());
        assertTrue(signedIn.json().path("mustChangePassword").asBoolean(), signedIn.body());
        String token = signedIn.json().path("token").asText();

        var blocked = admin.anonymous().send("GET", "/api/v1/households?region=620502", null,
                "Authorization", "Bearer " + token);
        assertEquals(403, blocked.status(), blocked.body());
        assertEquals("password_change_required", blocked.json().path("error").path("code").asText());
        assertEquals(200, admin.anonymous().send("GET", "/api/v1/auth/me", null, "Authorization", "Bearer " + token)
                .status());

        var changed = admin.anonymous().send("POST", "/api/v1/auth/password",
                "{\"currentPassword\":\"temporary-pass-1\",\"newPassword\":\"my-own-password-1\"}",
                "Authorization", "Bearer " + token);
        assertEquals(204, changed.status(), changed.body());
        assertEquals(200, admin.anonymous().send("GET", "/api/v1/households?region=620502", null,
                "Authorization", "Bearer " + token).status(), "the same token works now");
    }

    @Test
    void anAdministratorUnlocksAUserLockedOutByFailedSignIns() {
        county.user("ua-locked", "620502", null, "AUDITOR");
        int status = 0;
        for (int i = 0; i < 6; i++) {
            status = admin.anonymous().send("POST", "/api/v1/auth/login",
                    "{\"username\":\"ua-locked\",\"password\":\"not-the-password\"}").status();
        }
        assertEquals(429, status);
        assertTrue(county.get("/api/v1/admin/users/ua-locked").json().path("lockedUntil").isTextual());

        var unlocked = county.send("POST", "/api/v1/admin/users/ua-locked/unlock", null);
        assertEquals(200, unlocked.status(), unlocked.body());
        assertTrue(unlocked.json().path("lockedUntil").isNull(), unlocked.body());
        admin.anonymous().signIn("ua-locked", Api.USER_PASSWORD);
    }

    @Test
    void forwardedForCountsOnlyFromAConfiguredProxy(@InjectService ConfigurationAdmin configurations)
            throws Exception {
        var proxies = configurations.getConfiguration("org.fupin.accounts.proxies", "?");
        var trusted = new Hashtable<String, Object>();
        trusted.put("trustedProxies", new String[] { "127.0.0.1", "::1" });
        proxies.update(trusted);
        try {
            // twenty failures from one client behind the proxy lock that client, not the proxy
            awaitForwardedFor(true);
            for (int i = 0; i < 20; i++) {
                admin.anonymous().send("POST", "/api/v1/auth/login",
                        "{\"username\":\"ua-nobody-" + i + "\",\"password\":\"guess-" + i + "\"}",
                        "X-Forwarded-For", "203.0.113.9");
            }
            var locked = admin.anonymous().send("POST", "/api/v1/auth/login",
                    "{\"username\":\"admin\",\"password\":\"" + Api.ADMIN_PASSWORD + "\"}", "X-Forwarded-For", "203.0.113.9");
            assertEquals(429, locked.status(), locked.body());
            var other = admin.anonymous().send("POST", "/api/v1/auth/login",
                    "{\"username\":\"admin\",\"password\":\"" + Api.ADMIN_PASSWORD + "\"}", "X-Forwarded-For", "203.0.113.10");
            assertEquals(200, other.status(), other.body());
        } finally {
            proxies.delete();
        }
        awaitForwardedFor(false);
        // from a client that is not a configured proxy the header is ignored: 203.0.113.9's lock does not apply
        var direct = admin.anonymous().send("POST", "/api/v1/auth/login",
                "{\"username\":\"admin\",\"password\":\"" + Api.ADMIN_PASSWORD + "\"}", "X-Forwarded-For", "203.0.113.9");
        assertEquals(200, direct.status(), direct.body());
    }

    /**
     * Waits until Config Admin has delivered the proxy setting to the sign-in resource (it does so asynchronously):
     * a successful sign-in, which counts against nobody, is audited with the address it was attributed to.
     */
    private static void awaitForwardedFor(boolean believed) throws InterruptedException {
        String probe = "198.51.100.77";
        for (int i = 0; i < 100; i++) {
            var login = admin.anonymous().send("POST", "/api/v1/auth/login",
                    "{\"username\":\"admin\",\"password\":\"" + Api.ADMIN_PASSWORD + "\"}", "X-Forwarded-For", probe);
            assertEquals(200, login.status(), login.body());
            var last = admin.get("/api/v1/audit/entries?entity=account&id=admin&size=1").json().path("items").get(0);
            if (last.path("after").asText().contains(probe) == believed) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the proxy setting did not take effect");
    }
}
