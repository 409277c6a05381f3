package org.fupin.program.api;

import java.util.Set;

import org.fupin.registry.model.Role;

/**
 * A field the program adds to every household's record (扩展字段), such as {@code dangerGrade} of the program
 * {@code housing}: the registry stores its value as {@code housing.dangerGrade} in
 * {@link org.fupin.registry.model.Household#extensions()}, everyone who may see the household sees it, and every
 * program's rules read it there. Values of a removed program stay on the record.
 *
 * @param field   name, type, label, bounds and codes as in a form; not MEMBER, and never required (a household is
 *                registered before any program looks at it)
 * @param editors the roles that may set or clear it, each in their region; a program officer only for this
 *                program's agency
 */
public record HouseholdField(Field field, Set<Role> editors) {
    public HouseholdField {
        editors = editors == null ? Set.of() : Set.copyOf(editors);
    }

    /** The key in {@link org.fupin.registry.model.Household#extensions()}: {@code <programId>.<name>}. */
    public String key(String programId) {
        return programId + "." + field.name();
    }
}
