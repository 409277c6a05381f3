package org.fupin.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;

import com.fasterxml.jackson.databind.JsonNode;

/** Every audited entity readable within the reader's region, filtered by entity, actor and time, paged. */
@Timeout(120)
class AuditIT {
    static Api admin;
    static Api qinzhou;
    static Api maiji;
    static Instant started;

    @BeforeAll
    static void activity(@InjectBundleContext BundleContext context) throws InterruptedException {
        admin = Api.admin(context);
        started = Instant.now();
        qinzhou = admin.user("au-qinzhou", "620502", null, "COUNTY_ADMIN");
        maiji = admin.user("au-maiji", "620503", null, "COUNTY_ADMIN");
        qinzhou.user("au-clerk", "620502001001", null, "VILLAGE_CLERK");
        assertEquals(200, qinzhou.send("PATCH", "/api/v1/admin/users/au-clerk", "{\"displayName\":\"新名字\"}").status());
        admin.anonymous().send("POST", "/api/v1/auth/login", "{\"username\":\"au-clerk\",\"password\":\"wrong-one-1\"}");
        admin.anonymous().send("POST", "/api/v1/auth/login", "{\"username\":\"au-nobody\",\"password\":\"wrong-one-1\"}");
        assertEquals(200, qinzhou.send("GET", "/api/v1/households?region=620502001&format=csv", null).status());
    }

    @Test
    void aCountySeesItsUsersSignInsAndExportsButNotAnotherCountys() {
        var clerk = qinzhou.get("/api/v1/audit/entries?entity=account&id=au-clerk");
        assertEquals(200, clerk.status(), clerk.body());
        var withoutSignIns = actions(clerk.json()).stream().filter(a -> !"login".equals(a)).toList();
        assertEquals(List.of("login-failed", "change", "create"), withoutSignIns, "other tests sign the clerk in");
        JsonNode failed = entry(clerk.json(), "login-failed");
        assertEquals("anonymous", failed.path("actor").asText());
        assertEquals("620502001001", failed.path("region").asText());
        assertTrue(failed.path("after").asText().contains("wrong_password"), failed.toString());

        var export = qinzhou.get("/api/v1/audit/entries?entity=export&actor=au-qinzhou");
        assertEquals(1, export.json().path("total").asLong(), export.body());
        assertEquals("620502", export.json().path("items").get(0).path("region").asText());

        var elsewhere = maiji.get("/api/v1/audit/entries?entity=account&id=au-clerk");
        assertEquals(0, elsewhere.json().path("total").asLong(), elsewhere.body());
        assertEquals(0, maiji.get("/api/v1/audit/entries?entity=export&actor=au-qinzhou").json().path("total")
                .asLong());
    }

    @Test
    void aNameThatBelongsToNobodyIsForReadersOfTheWholeCountryOnly() {
        var province = admin.get("/api/v1/audit/entries?entity=account&id=au-nobody");
        assertEquals(0, province.json().path("total").asLong(), "province 62 is not the whole country: " + province.body());
        var own = admin.get("/api/v1/audit/entries?entity=account&id=au-clerk&actor=au-qinzhou");
        assertEquals(List.of("change", "create"), actions(own.json()));
    }

    @Test
    void filtersByTimeAndPages() {
        var sinceStart = admin.get("/api/v1/audit/entries?from=" + started + "&size=2&page=0");
        assertEquals(200, sinceStart.status(), sinceStart.body());
        assertEquals(2, sinceStart.json().path("items").size());
        long total = sinceStart.json().path("total").asLong();
        assertTrue(total >= 6, sinceStart.body());
        var second = admin.get("/api/v1/audit/entries?from=" + started + "&size=2&page=1");
        assertTrue(second.json().path("items").get(0).path("id").asLong()
                < sinceStart.json().path("items").get(1).path("id").asLong(), "newest first, page after page");
        assertEquals(0, admin.get("/api/v1/audit/entries?to=2000-01-01").json().path("total").asLong());

        var badTime = admin.get("/api/v1/audit/entries?from=yesterday");
        assertEquals(400, badTime.status(), badTime.body());
        assertEquals("from", Api.firstField(badTime));
        var badSize = admin.get("/api/v1/audit/entries?size=501");
        assertEquals(400, badSize.status(), badSize.body());
    }

    @Test
    void onlyAdministratorsAndAuditorsReadIt() {
        Api clerk = admin.anonymous().signIn("au-clerk", Api.USER_PASSWORD);
        var refused = clerk.get("/api/v1/audit/entries");
        assertEquals(403, refused.status(), refused.body());
        assertFalse(refused.body().contains("\"items\""));
    }

    private static JsonNode entry(JsonNode page, String action) {
        for (JsonNode entry : page.path("items")) {
            if (action.equals(entry.path("action").asText())) {
                return entry;
            }
        }
        throw new AssertionError("no " + action + " in " + page);
    }

    private static List<String> actions(JsonNode page) {
        var actions = new ArrayList<String>();
        for (JsonNode entry : page.path("items")) {
            actions.add(entry.path("action").asText());
        }
        return actions;
    }
}
