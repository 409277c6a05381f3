package org.fupin.database.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.fupin.database.api.AuditEntry;
import org.fupin.database.api.AuditLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlAuditLogTest {
    @TempDir
    Path dir;

    private SqliteDatabase database;
    private SqlAuditLog audit;

    @BeforeEach
    void open() {
        database = new SqliteDatabase(dir.resolve("audit.db"), TestDatabases.config("NORMAL", 2, 16));
        database.migrate("platform", TestDatabases.migrationsOnClassPath("db/platform"), "db/platform");
        audit = new SqlAuditLog(database, Clock.fixed(Instant.parse("2026-11-22T02:00:00Z"), ZoneOffset.UTC));
        audit.appendExport("province", "62", "households", "{\"status\":\"POOR\"}", 120_000);
        audit.appendExport("qinzhou", "620502", "households", "{}", 8_012);
        audit.appendExport("maiji", "620503", "programs/yulu/reports/payments", "{\"year\":2026}", 14);
        audit.appendExport("national", "", "households", "{}", 900_000);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void anExportIsRecordedWithWhoWhatFilterScopeAndRows() {
        AuditEntry entry = audit.exports("620503", null, 10).get(0);

        assertEquals("maiji", entry.actor());
        assertEquals("export", entry.entity());
        assertEquals("programs/yulu/reports/payments", entry.entityId());
        assertEquals("export", entry.action());
        assertNull(entry.before());
        assertEquals("{\"scope\":\"620503\",\"filter\":{\"year\":2026},\"rows\":14}", entry.after());
        assertEquals(Instant.parse("2026-11-22T02:00:00Z"), entry.at());
    }

    @ParameterizedTest(name = "scope \"{0}\", {1}: {2}")
    @CsvSource(textBlock = """
            '',       ,                               national maiji qinzhou province
            62,       ,                               maiji qinzhou province
            6205,     ,                               maiji qinzhou
            620502,   ,                               qinzhou
            620502001,,                               ''
            63,       ,                               ''
            '',       households,                     national qinzhou province
            6205,     programs/yulu/reports/payments, maiji
            """)
    void aReaderSeesTheExportsOfUsersWithinTheirScopeNewestFirst(String scope, String what, String actors) {
        var seen = audit.exports(scope, what, 10).stream().map(AuditEntry::actor).toList();

        assertEquals(actors.isEmpty() ? List.of() : List.of(actors.split(" ")), seen);
    }

    @Test
    void appendsCommitWithTheirTransactionOnWhicheverConnectionTheyAreGiven() {
        database.write(c -> {
            audit.append(c, "clerk", "household", "1", "create", null, "{}");
            return null;
        });
        assertThrows(IllegalStateException.class, () -> database.write(c -> {
            audit.append(c, "clerk", "household", "2", "create", null, "{}");
            throw new IllegalStateException("rolled back");
        }));
        var other = new SqliteDatabase(dir.resolve("other.db"), TestDatabases.config("NORMAL", 2, 16));
        try {
            other.migrate("platform", TestDatabases.migrationsOnClassPath("db/platform"), "db/platform");
            other.write(c -> {
                audit.append(c, "town", "household", "3", "update", "{}", "{}");
                return null;
            });
            assertEquals(1, new SqlAuditLog(other, Clock.systemUTC()).entries("household", "3", 10).size());
        } finally {
            other.close();
        }
        database.write(c -> {
            audit.append(c, "clerk", "household", "4", "create", null, "{}");
            return null;
        });

        assertEquals(List.of(1, 0, 0, 1), List.of("1", "2", "3", "4").stream()
                .map(id -> audit.entries("household", id, 10).size()).toList());
    }

    @Test
    void aBatchOfChangesReturnsTheIdsOfItsRecordsInOrder() {
        byte[] first = "{\"n\":\"甲\"}".getBytes(StandardCharsets.UTF_8);
        byte[] second = "{\"n\":\"乙\"}".getBytes(StandardCharsets.UTF_8);
        long[] ids = database.write(c -> audit.appendAll(c, "clerk", "household", "create",
                List.of(new AuditLog.Change("7", null, first), new AuditLog.Change("8", first, second))));
        long[] none = database.write(c -> audit.appendAll(c, "clerk", "household", "create", List.of()));

        // after the four export records of the fixture
        assertArrayEquals(new long[] {5, 6}, ids);
        assertEquals(0, none.length);
        AuditEntry seventh = audit.entries("household", "7", 10).get(0);
        AuditEntry eighth = audit.entries("household", "8", 10).get(0);
        assertEquals(List.of(5L, 6L), List.of(seventh.id(), eighth.id()));
        assertEquals("{\"n\":\"甲\"}", seventh.after());
        assertEquals("{\"n\":\"甲\"}", eighth.before());
        assertEquals("{\"n\":\"乙\"}", eighth.after());
    }

    @Test
    void theLimitKeepsTheNewest() {
        assertEquals(List.of("national", "maiji"),
                audit.exports("", null, 2).stream().map(AuditEntry::actor).toList());
    }

    @Test
    void aScopeMustBeARegionCodePrefix() {
        assertThrows(IllegalArgumentException.class, () -> audit.appendExport("x", "62\",\"scope\":\"", "households",
                "{}", 1));
    }
}
