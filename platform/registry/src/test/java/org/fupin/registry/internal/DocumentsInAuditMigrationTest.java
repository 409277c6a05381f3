package org.fupin.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.fupin.database.internal.SqlAuditLog;
import org.fupin.database.internal.SqliteDatabase;
import org.fupin.database.internal.TestDatabases;
import org.fupin.registry.model.Household;
import org.fupin.registry.model.HouseholdStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migration V4 on a registry written by schema V3, whose household rows kept their documents themselves. */
class DocumentsInAuditMigrationTest {
    private final RegistryJson json = new RegistryJson();

    @Test
    void anUpgradedRegistryReadsEveryDocumentAndCopiesOnlyThoseNoAuditRecordHolds(@TempDir Path dir)
            throws SQLException {
        var database = new SqliteDatabase(dir.resolve("fupin.db"), TestDatabases.config("NORMAL", 2, 16));
        try {
            database.migrate("platform", TestDatabases.migrationsOnClassPath("db/platform"), "db/platform");
            database.migrate("registry", TestDatabases.migrations("db/registry", List.of(
                    getClass().getClassLoader().getResource("db/registry/V1__registry.sql"),
                    getClass().getClassLoader().getResource("db/registry/V2__region_counts.sql"),
                    getClass().getClassLoader().getResource("db/registry/V3__household_counts.sql"))), "db/registry");
            var audit = new SqlAuditLog(database, Clock.systemUTC());
            String firstBefore = stored(Samples.household(1), HouseholdStatus.POOR);
            String first = stored(Samples.household(1), HouseholdStatus.EXITED);
            String second = stored(Samples.household(2), HouseholdStatus.POOR);
            database.write(c -> {
                insertV3Row(c, 1, first);
                insertV3Row(c, 2, second);
                // as the registry audited until V3: every write's after was the row's document
                audit.append(c, "clerk", "household", "1", null, "create", null, firstBefore);
                audit.append(c, "town", "household", "1", null, "status", firstBefore, first);
                // a record that does not hold the row's document (changed outside the registry, say)
                audit.append(c, "clerk", "household", "2", null, "create", null, "{}");
                return null;
            });

            database.migrate("registry", TestDatabases.migrationsOnClassPath("db/registry"), "db/registry");

            var store = new RegistryStore(database, audit);
            var registry = new SqlHouseholdRegistry(store, new SqlRegionDirectory(store), Clock.systemUTC(),
                    new ExtensionCatalog());
            assertEquals(first, stored(registry.find("1", SqlHouseholdRegistryTest.CLERK).orElseThrow()));
            assertEquals(second, stored(registry.find("2", SqlHouseholdRegistryTest.CLERK).orElseThrow()));
            assertEquals(List.of("create", "status"), actions(audit, "1"));
            assertEquals(List.of("create", "schema-upgrade"), actions(audit, "2"));
            assertEquals(second, audit.entries("household", "2", 10).get(1).after());
        } finally {
            database.close();
        }
    }

    /** A household's document as the registry stores it. */
    private String stored(Household h, HouseholdStatus status) {
        Instant at = Instant.parse("2026-11-01T00:00:00Z");
        return json.write(SqlHouseholdRegistry.withoutDerived(
                h.managed(null, null, status, h.members(), h.incomes(), h.pairings(), null, at, at)));
    }

    private String stored(Household read) {
        return json.write(SqlHouseholdRegistry.withoutDerived(read));
    }

    private static void insertV3Row(java.sql.Connection c, long id, String doc) throws SQLException {
        try (var insert = c.prepareStatement("INSERT INTO household (id, version, village_code, status, attribute, "
                + "main_cause, head_name, head_id_number, member_count, doc, created_at, updated_at) "
                + "VALUES (?, 1, ?, 'POOR', 'GENERAL', 'ILLNESS', '王建国', NULL, 4, ?, '2026-11-01', '2026-11-01')")) {
            insert.setLong(1, id);
            insert.setString(2, Samples.household(1).villageCode());
            insert.setString(3, doc);
            insert.executeUpdate();
        }
    }

    private static List<String> actions(SqlAuditLog audit, String id) {
        return audit.entries("household", id, 10).stream().map(e -> e.action()).toList();
    }
}
