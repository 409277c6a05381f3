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
import org.fupin.database.api.AuditQuery;
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
        AuditEntry entry = exports("620503", null, 10).get(0);

        assertEquals("maiji", entry.actor());
        assertEquals("export", entry.entity());
        assertEquals("programs/yulu/reports/payments", entry.entityId());
        assertEquals("export", entry.action());
        assertNull(entry.before());
        assertEquals("{\"scope\":\"620503\",\"filter\":{\"year\":2026},\"rows\":14}", entry.after());
        assertEquals(Instant.parse("2026-11-22T02:00:00Z"), entry.at());
        assertEquals("620503", entry.region());
    }

    private List<AuditEntry> exports(String scope, String what, int limit) {
        return audit.search(new AuditQuery(scope, AuditLog.EXPORT, what, null, null, null, 0, limit)).items();
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
        var seen = exports(scope, what, 10).stream().map(AuditEntry::actor).toList();

        assertEquals(actors.isEmpty() ? List.of() : List.of(actors.split(" ")), seen);
    }

    @Test
    void appendsCommitWithTheirTransactionOnWhicheverConnectionTheyAreGiven() {
        database.write(c -> {
            audit.append(c, "clerk", "household", "1", "620502001001", "create", null, "{}");
            return null;
        });
        assertThrows(IllegalStateException.class, () -> database.write(c -> {
            audit.append(c, "clerk", "household", "2", "620502001001", "create", null, "{}");
            throw new IllegalStateException("rolled back");
        }));
        var other = new SqliteDatabase(dir.resolve("other.db"), TestDatabases.config("NORMAL", 2, 16));
        try {
            other.migrate("platform", TestDatabases.migrationsOnClassPath("db/platform"), "db/platform");
            other.write(c -> {
                audit.append(c, "town", "household", "3", "620502001001", "update", "{}", "{}");
                return null;
            });
            assertEquals(1, new SqlAuditLog(other, Clock.systemUTC()).entries("household", "3", 10).size());
        } finally {
            other.close();
        }
        database.write(c -> {
            audit.append(c, "clerk", "household", "4", "620502001001", "create", null, "{}");
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
                List.of(new AuditLog.Change("7", "620502001001", null, first),
                        new AuditLog.Change("8", "620503001001", first, second))));
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
        assertEquals(List.of("620502001001", "620503001001"), List.of(seventh.region(), eighth.region()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        the whole country sees everything with a region                  | ''        | -         | -  | -        | -                    | -                      | 9 7 6 5 4 3 2 1
        a county sees its households, its users and its users' exports   | 620502    | -         | -  | -        | -                    | -                      | 7 6 5 2
        a village                                                        | 620502001 | -         | -  | -        | -                    | -                      | 6 5
        one entity                                                       | 62        | household | -  | -        | -                    | -                      | 7 6 5
        one record of an entity                                          | 62        | household | 6  | -        | -                    | -                      | 5
        one actor                                                        | 62        | -         | -  | clerk    | -                    | -                      | 6 5
        a time span, from inclusive, to exclusive                        | 62        | -         | -  | -        | 2026-11-22T03:00:00Z | 2026-11-22T03:00:00.5Z | 6 5
        a fraction of a second later is later                            | 62        | -         | -  | -        | 2026-11-22T03:00:00.5Z | -                    | 7
        """)
    void aReaderFindsTheRecordsWithinTheirRegionByEntityActorAndTimeNewestFirst(String what, String scope,
            String entity, String id, String actor, String from, String to, String ids) {
        var later = new SqlAuditLog(database, Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC));
        var laterStill = new SqlAuditLog(database,
                Clock.fixed(Instant.parse("2026-11-22T03:00:00.75Z"), ZoneOffset.UTC));
        database.write(c -> {
            later.append(c, "clerk", "household", "6", "620502001001", "create", null, "{}");
            later.append(c, "clerk", "household", "7", "620502001002", "create", null, "{}");
            laterStill.append(c, "qinzhou", "household", "8", "620502101001", "update", "{}", "{}");
            laterStill.append(c, "anonymous", "account", "nobody", null, "login-failed", null, "{}");
            laterStill.append(c, "admin", "plugin", "org.example", "", "install", null, "{}");
            return null;
        });

        var page = audit.search(new AuditQuery(scope, entity, id, actor, from == null ? null : Instant.parse(from),
                to == null ? null : Instant.parse(to), 0, 20));

        assertEquals(ids, String.join(" ", page.items().stream().map(e -> String.valueOf(e.id())).toList()));
        assertEquals(page.items().size(), page.total());
    }

    @Test
    void pagesCountEveryMatch() {
        var second = audit.search(new AuditQuery("", null, null, null, null, null, 1, 3));

        assertEquals(4, second.total());
        assertEquals(List.of(1L), second.items().stream().map(AuditEntry::id).toList());
    }

    @Test
    void theLimitKeepsTheNewest() {
        assertEquals(List.of("national", "maiji"),
                exports("", null, 2).stream().map(AuditEntry::actor).toList());
    }

    @Test
    void aScopeMustBeARegionCodePrefix() {
        assertThrows(IllegalArgumentException.class, () -> audit.appendExport("x", "62\",\"scope\":\"", "households",
                "{}", 1));
    }
}
