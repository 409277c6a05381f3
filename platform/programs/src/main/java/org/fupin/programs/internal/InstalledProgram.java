package org.fupin.programs.internal;

import org.fupin.program.api.Program;
import org.fupin.program.api.ProgramDefinition;

/** A program service as the catalogue holds it: its definition (read once) and the bundle that provides it. */
record InstalledProgram(Program program, ProgramDefinition definition, String bundle, String version) {
    String id() {
        return definition.descriptor().id();
    }
}
