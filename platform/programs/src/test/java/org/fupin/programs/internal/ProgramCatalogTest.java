package org.fupin.programs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.fupin.database.internal.SqlAuditLog;
import org.fupin.database.internal.SqliteDatabase;
import org.fupin.database.internal.TestDatabases;

import org.fupin.program.api.Program;
import org.fupin.program.api.ProgramDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgramCatalogTest {
    @TempDir
    Path dir;
    SqliteDatabase database;
    ProgramCatalog catalog;

    @BeforeEach
    void start() {
        database = new SqliteDatabase(dir.resolve("fupin.db"), TestDatabases.config("NORMAL", 2, 16));
        database.migrate("platform", TestDatabases.migrationsOnClassPath("db/platform"), "db/platform");
        database.migrate("programs", TestDatabases.migrationsOnClassPath("db/programs"), "db/programs");
        catalog = new ProgramCatalog(new ProgramStore(database, new SqlAuditLog(database, Clock.systemUTC())));
    }

    @AfterEach
    void stop() {
        database.close();
    }

    @Test
    void aRemovedProgramIsRememberedWithItsAgency() {
        Program program = new ProgramServiceTest.TestProgram();
        catalog.add(program, "org.example.first", "1.2.0");
        assertTrue(catalog.removed("test").isEmpty(), "installed");

        catalog.removeProgram(program);

        var removed = catalog.removed("test").orElseThrow();
        assertEquals("office", removed.agency());
        assertEquals("测试项目", removed.name().zh());
        assertEquals("1.2.0", removed.version());
        assertEquals(List.of("test"), catalog.removed().stream().map(ProgramStore.KnownProgram::id).toList());
    }

    @Test
    void aProgramRefusedForItsTakenIdIsOfferedWhenTheHolderLeaves() {
        Program holder = new ProgramServiceTest.TestProgram();
        Program waiting = new ProgramServiceTest.TestProgram();
        assertTrue(catalog.add(holder, "org.example.first", "1.0.0"));

        assertFalse(catalog.add(waiting, "org.example.second", "1.0.0"));
        assertSame(holder, catalog.find("test").orElseThrow().program());

        catalog.removeProgram(holder);

        assertSame(waiting, catalog.find("test").orElseThrow().program());
        assertEquals("org.example.second", catalog.find("test").orElseThrow().bundle());
    }

    @Test
    void aWaitingProgramThatLeavesIsForgotten() {
        Program holder = new ProgramServiceTest.TestProgram();
        Program waiting = new ProgramServiceTest.TestProgram();
        catalog.add(holder, "org.example.first", "1.0.0");
        catalog.add(waiting, "org.example.second", "1.0.0");

        catalog.removeProgram(waiting);
        catalog.removeProgram(holder);

        assertTrue(catalog.find("test").isEmpty());
    }

    @Test
    void admissionNamesEveryProblemOfACandidate() {
        catalog.add(new ProgramServiceTest.TestProgram(), "org.example.first", "1.0.0");
        Program failing = new ProgramServiceTest.TestProgram() {
            @Override
            public ProgramDefinition definition() {
                throw new IllegalStateException("no messages");
            }
        };

        assertEquals(List.of(), catalog.problems(new ProgramServiceTest.TestProgram(), "org.example.first"),
                "an upgrade of the holder itself");
        assertEquals(List.of("program id test is already provided by org.example.first"),
                catalog.problems(new ProgramServiceTest.TestProgram(), "org.example.second"));
        assertEquals(List.of("definition() failed: java.lang.IllegalStateException: no messages"),
                catalog.problems(failing, "org.example.first"));
    }
}
