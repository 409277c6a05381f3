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
 * @param requiredWhen when the field is required although {@code required} is false: another field of the form
 *                     has a value (one of some values), or {@code null}
 * @param program   for an APPLICATION field, the program whose application it names, or {@code null} for any (since
 *                  2.5)
 */
public record Field(String name, FieldType type, LocalizedText label, boolean required, BigDecimal min,
        BigDecimal max, String pattern, List<Option> options, LocalizedText help, RequiredWhen requiredWhen,
        String program) {
    /**
     * Required only when {@code field} has a value and, unless {@code values} is empty, one of them (compared as
     * text: a code, {@code true}, a number): a referral number once "treated outside the county" is ticked.
     */
    public record RequiredWhen(String field, List<String> values) {
        public RequiredWhen {
            values = values == null ? List.of() : List.copyOf(values);
        }

        public boolean holds(Object value) {
            return value != null && (values.isEmpty() || values.contains(text(value)));
        }

        private static String text(Object value) {
            return value instanceof BigDecimal number ? number.stripTrailingZeros().toPlainString()
                    : String.valueOf(value);
        }
    }

    public Field(String name, FieldType type, LocalizedText label, boolean required, BigDecimal min, BigDecimal max,
            String pattern, List<Option> options, LocalizedText help) {
        this(name, type, label, required, min, max, pattern, options, help, null, null);
    }

    public Field(String name, FieldType type, LocalizedText label, boolean required, BigDecimal min, BigDecimal max,
            String pattern, List<Option> options, LocalizedText help, RequiredWhen requiredWhen) {
        this(name, type, label, required, min, max, pattern, options, help, requiredWhen, null);
    }

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
        return new Field(name, type, label, required, min, BigDecimal.valueOf(high), pattern, options, help,
                requiredWhen, program);
    }

    public Field between(long low, long high) {
        return new Field(name, type, label, required, BigDecimal.valueOf(low), BigDecimal.valueOf(high), pattern,
                options, help, requiredWhen, program);
    }

    public Field matching(String regex) {
        return new Field(name, type, label, required, min, max, regex, options, help, requiredWhen, program);
    }

    public Field withOptions(List<Option> allowed) {
        return new Field(name, type, label, required, min, max, pattern, allowed, help, requiredWhen, program);
    }

    public Field withHelp(LocalizedText hint) {
        return new Field(name, type, label, required, min, max, pattern, options, hint, requiredWhen, program);
    }

    /** Required once {@code other} has one of {@code values} (any value, when none are given). */
    public Field requiredWhen(String other, String... values) {
        return new Field(name, type, label, required, min, max, pattern, options, help,
                new RequiredWhen(other, List.of(values)), program);
    }

    /** An APPLICATION field naming an application of {@code programId} ({@code null}: of any program). */
    public static Field application(String name, LocalizedText label, boolean required, String programId) {
        return new Field(name, FieldType.APPLICATION, label, required, null, null, null, List.of(), null, null,
                programId);
    }

    public Optional<Option> option(String code) {
        return options.stream().filter(o -> o.code().equals(code)).findFirst();
    }
}
