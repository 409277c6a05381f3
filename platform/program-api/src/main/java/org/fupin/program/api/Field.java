package org.fupin.program.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.fupin.registry.model.LocalizedText;

/**
 * One form field.
 *
 * @param name      the key in the submitted {@code data} object, e.g. {@code schoolType}
 * @param min       lower bound (inclusive) for numbers, or the minimum length for TEXT; {@code null} for none
 * @param max       upper bound (inclusive) for numbers, or the maximum length for TEXT; {@code null} for none
 * @param pattern   a regular expression a TEXT value must match whole, or {@code null}
 * @param options   the allowed codes of a CODE field, empty otherwise
 * @param help      a hint shown under the field, or {@code null}
 */
public record Field(String name, FieldType type, LocalizedText label, boolean required, BigDecimal min,
        BigDecimal max, String pattern, List<Option> options, LocalizedText help) {
    public Field {
        options = options == null ? List.of() : List.copyOf(options);
        if (type == FieldType.CODE && options.isEmpty()) {
            throw new IllegalArgumentException("code field " + name + " needs options");
        }
    }

    public static Field of(String name, FieldType type, LocalizedText label, boolean required) {
        return new Field(name, type, label, required, null, null, null, List.of(), null);
    }

    /** A CODE field: one of {@code options}. */
    public static Field code(String name, LocalizedText label, boolean required, List<Option> options) {
        return new Field(name, FieldType.CODE, label, required, null, null, null, options, null);
    }

    /** At most {@code high}: characters for TEXT, the value for numbers. */
    public Field atMost(long high) {
        return new Field(name, type, label, required, min, BigDecimal.valueOf(high), pattern, options, help);
    }

    public Field between(long low, long high) {
        return new Field(name, type, label, required, BigDecimal.valueOf(low), BigDecimal.valueOf(high), pattern,
                options, help);
    }

    public Field matching(String regex) {
        return new Field(name, type, label, required, min, max, regex, options, help);
    }

    public Field withOptions(List<Option> allowed) {
        return new Field(name, type, label, required, min, max, pattern, allowed, help);
    }

    public Field withHelp(LocalizedText hint) {
        return new Field(name, type, label, required, min, max, pattern, options, hint);
    }

    public Optional<Option> option(String code) {
        return options.stream().filter(o -> o.code().equals(code)).findFirst();
    }
}
