package org.fupin.programs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.fupin.program.api.Program;
import org.fupin.program.api.ProgramDefinition;
import org.junit.jupiter.api.Test;

class ProgramCatalogTest {
    final ProgramCatalog catalog = new ProgramCatalog();

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
