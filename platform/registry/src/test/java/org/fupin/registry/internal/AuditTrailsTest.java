package org.fupin.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;

import org.fupin.database.api.AuditEntry;
import org.fupin.registry.api.AccessDeniedException;
import org.fupin.registry.api.Actor;
import org.fupin.registry.api.HouseholdQuery;
import org.fupin.registry.api.NotFoundException;
import org.fupin.registry.model.Household;
import org.fupin.registry.model.HouseholdStatus;
import org.fupin.registry.model.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who reads the audit log, and which of its rows they see, on a real SQLite file. */
class AuditTrailsTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    static final Actor CLERK = new Actor("clerk", "620502001", null, Set.of(Role.VILLAGE_CLERK));
    static final Actor COUNTY = new Actor("qinzhou", "620502", null, Set.of(Role.COUNTY_ADMIN));
    static final Actor PROVINCE = new Actor("gansu", "62", null, Set.of(Role.PROVINCE_ADMIN));
    static final Actor OTHER_COUNTY = new Actor("maiji", "620503", null, Set.of(Role.COUNTY_ADMIN));

    @TempDir
    static Path dir;
    static TestStorage storage;
    static SqlHouseholdRegistry registry;
    static AuditTrails trails;
    static Household household;

    @BeforeAll
    static void open() throws IOException {
        storage = TestStorage.open(dir);
        registry = storage.registry(CLOCK);
        trails = new AuditTrails(storage.store.audit(), registry);
        household = registry.create(Samples.household(Samples.VILLAGE, 1), CLERK);
        registry.changeStatus(household.id(), 1, HouseholdStatus.EXITED, CLOCK.instant().atZone(CLOCK.getZone())
                .toLocalDate(), "达标", CLERK);
        registry.exportCsv(query("620502", HouseholdStatus.EXITED), PROVINCE, new ByteArrayOutputStream());
        registry.exportCsv(query(null, null), COUNTY, new ByteArrayOutputStream());
        registry.exportCsv(query(null, null), OTHER_COUNTY, new ByteArrayOutputStream());
    }

    @AfterAll
    static void close() {
        storage.close();
    }

    static HouseholdQuery query(String region, HouseholdStatus status) {
        return new HouseholdQuery(region, status, null, null, null, 0, 20, null);
    }

    @ParameterizedTest(name = "{0}: may read {1}")
    @CsvSource(textBlock = """
            PROVINCE_ADMIN,   true
            COUNTY_ADMIN,     true
            AUDITOR,          true
            TOWNSHIP_OFFICER, false
            VILLAGE_CLERK,    false
            PROGRAM_OFFICER,  false
            PAIRED_CADRE,     false
            ,                 false
            """)
    void onlyAdministratorsAndAuditorsReadTheLog(Role role, boolean allowed) {
        Actor actor = new Actor("user", "620502", null, role == null ? Set.of() : Set.of(role));

        if (allowed) {
            assertEquals(2, trails.ofHousehold(household.id(), 100, actor).size());
            assertEquals(1, trails.exports(null, 100, actor).size());
        } else {
            var refused = assertThrows(AccessDeniedException.class, () -> trails.exports(null, 100, actor));
            assertEquals("查看审计日志需要以下角色之一：省级管理员、县级管理员、审计员（只读）", refused.text().zh());
            assertEquals("reading the audit log needs one of these roles: province administrator, county "
                    + "administrator, auditor (read only)", refused.text().en());
            assertThrows(AccessDeniedException.class, () -> trails.ofHousehold(household.id(), 100, actor));
        }
    }

    @Test
    void anExportRecordSaysWhoWhatFilterScopeAndRows() {
        AuditEntry export = trails.exports("households", 10, PROVINCE).get(2);

        assertEquals("gansu", export.actor());
        assertEquals("export", export.entity());
        assertEquals("households", export.entityId());
        assertEquals("export", export.action());
        assertEquals("{\"scope\":\"62\",\"filter\":{\"region\":\"620502\",\"status\":\"EXITED\",\"sort\":\"VILLAGE\"},"
                + "\"rows\":4}", export.after());
    }

    @ParameterizedTest(name = "a reader working in \"{0}\" sees the exports of {1}")
    @CsvSource(textBlock = """
            '',     maiji qinzhou gansu
            62,     maiji qinzhou gansu
            6205,   maiji qinzhou
            620502, qinzhou
            620503, maiji
            63,     ''
            """)
    void exportsShowOnlyForUsersWhoWorkedWithinTheReadersRegion(String scope, String actors) {
        var auditor = new Actor("auditor", scope, null, Set.of(Role.AUDITOR));

        var seen = trails.exports(null, 100, auditor).stream().map(AuditEntry::actor).toList();

        assertEquals(actors.isEmpty() ? java.util.List.of() : java.util.List.of(actors.split(" ")), seen);
    }

    @Test
    void aHouseholdOutsideTheRegionHasNoTrail() {
        assertThrows(NotFoundException.class, () -> trails.ofHousehold(household.id(), 10, OTHER_COUNTY));
        assertThrows(NotFoundException.class, () -> trails.ofHousehold("nope", 10, COUNTY));
    }

    @Test
    void anAuditorSeesIdNumbersMaskedAsOnTheRecord() {
        String head = household.head().orElseThrow().idNumber();
        var auditor = new Actor("auditor", "620502", null, Set.of(Role.AUDITOR));

        var masked = trails.ofHousehold(household.id(), 10, auditor);
        var full = trails.ofHousehold(household.id(), 10, COUNTY);

        assertEquals(java.util.List.of("create", "status"), masked.stream().map(AuditEntry::action).toList());
        assertTrue(masked.get(1).before().contains(head.substring(0, 6) + "********" + head.substring(14)));
        assertFalse(masked.get(1).before().contains(head) || masked.get(1).after().contains(head));
        assertTrue(full.get(1).after().contains(head));
    }
}
