package org.fupin.registry.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.fupin.registry.model.LocalizedText;
import org.fupin.registry.model.Role;

/**
 * A household field that a program adds to the register, such as {@code housing.dangerGrade}: its type, bounds and
 * who may set it. The registry checks values and stores them under {@link #key()} in
 * {@link org.fupin.registry.model.Household#extensions()}, where everyone who may see the household sees them.
 *
 * @param key     {@code programId.name}
 * @param label   what forms and exports call it
 * @param agency  the agency of the program that declares it: a program officer sets it only when working for it
 * @param min     the least number, or the shortest TEXT; {@code null} for none
 * @param max     the greatest number, or the longest TEXT ({@value #TEXT_LENGTH} when {@code null}); {@code null}
 *                for none
 * @param codes   the allowed codes of a CODE field, empty otherwise
 * @param editors the roles that may set or clear the value, each in their region
 */
public record ExtensionField(String key, Type type, LocalizedText label, String agency, BigDecimal min,
        BigDecimal max, List<String> codes, Set<Role> editors) {
    /** The longest TEXT value when the field names no maximum. */
    public static final int TEXT_LENGTH = 200;

    /**
     * How a value is written in JSON: TEXT, DATE ({@code 2026-09-01}) and CODE as strings; INTEGER, DECIMAL and MONEY
     * (yuan, at most two decimals) as numbers; BOOLEAN as {@code true} or {@code false}.
     */
    public enum Type {
        TEXT, INTEGER, DECIMAL, MONEY, DATE, BOOLEAN, CODE
    }

    public ExtensionField {
        codes = codes == null ? List.of() : List.copyOf(codes);
        editors = editors == null ? Set.of() : Set.copyOf(editors);
    }

    /** Whether the actor may set the field: one of its roles is an editor, and a program officer works for the agency. */
    public boolean editableBy(Actor actor) {
        return editors.stream().anyMatch(role -> actor.roles().contains(role)
                && (role != Role.PROGRAM_OFFICER || actor.worksFor(agency)));
    }

    /** The program that declares the field: the part of the key before its first dot. */
    public String programId() {
        return key.substring(0, key.indexOf('.'));
    }
}
