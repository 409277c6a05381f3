package org.fupin.program.api;

import org.fupin.registry.model.LocalizedText;

/**
 * Who a program is. The version shown to clients is the plugin bundle's version, so it cannot disagree with what
 * is installed.
 *
 * @param id          stable id, lower-case letters, digits and '-' (e.g. {@code yulu}); never changes once data exists
 * @param agency      stable code of the owning agency (e.g. {@code poverty-office}); program officers of that
 *                    agency work the program
 * @param agencyName  the agency for people (扶贫办, 住建局, …)
 */
public record ProgramDescriptor(String id, LocalizedText name, String agency, LocalizedText agencyName,
        LocalizedText description) {
    public ProgramDescriptor {
        if (id == null || !id.matches("[a-z][a-z0-9-]{1,31}")) {
            throw new IllegalArgumentException("program id must be 2-32 lower-case letters, digits or '-': " + id);
        }
    }
}
