package org.fupin.registry.internal;

import static org.fupin.registry.internal.Messages.violation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.fupin.registry.api.AccessDeniedException;
import org.fupin.registry.api.Actor;
import org.fupin.registry.api.ExtensionField;
import org.fupin.registry.api.Violation;
import org.fupin.registry.model.Labelled;

/**
 * A change to a household's extension fields, checked against the fields that running programs declare: a field
 * left out keeps its value, {@code null} clears it, a value equal to the stored one passes unchecked (so a household
 * read and written back keeps the fields of a program that has since been removed), and any other value must be of
 * a declared field, of its type and within its bounds, set by one of its editors.
 */
final class ExtensionValues {
    private final Map<String, ExtensionField> declared;
    private final Actor actor;

    ExtensionValues(Map<String, ExtensionField> declared, Actor actor) {
        this.declared = declared;
        this.actor = actor;
    }

    /**
     * The extensions after {@code changes} to {@code stored}, values converted (INTEGER as {@code Long}, DECIMAL and
     * MONEY as {@code BigDecimal}). Problems go to {@code problems}.
     *
     * @throws AccessDeniedException when the actor may not set a field that changes
     */
    Map<String, Object> apply(Map<String, Object> stored, Map<String, Object> changes, List<Violation> problems) {
        var result = new LinkedHashMap<>(stored);
        var denied = new ArrayList<ExtensionField>();
        for (var change : changes.entrySet()) {
            String key = change.getKey();
            Object value = change.getValue();
            if (same(stored.get(key), value)) {
                continue;
            }
            ExtensionField field = declared.get(key);
            if (field == null) {
                problems.add(violation("extensions." + key, "extensions.unknown", key));
                continue;
            }
            if (!field.editableBy(actor)) {
                denied.add(field);
                continue;
            }
            if (value == null) {
                result.remove(key);
                continue;
            }
            Object converted = convert(field, value, problems);
            if (converted != null) {
                result.put(key, converted);
            }
        }
        if (!denied.isEmpty()) {
            ExtensionField field = denied.get(0);
            throw new AccessDeniedException(Messages.text("extensions.denied", labelled(field), field.key(),
                    field.editors().stream().sorted().toList()));
        }
        return result;
    }

    private static Object convert(ExtensionField field, Object value, List<Violation> problems) {
        String path = "extensions." + field.key();
        Labelled label = labelled(field);
        return switch (field.type()) {
            case TEXT -> {
                if (!(value instanceof String text)) {
                    yield wrongType(path, label, field, problems);
                }
                int max = field.max() == null ? ExtensionField.TEXT_LENGTH : field.max().intValue();
                int min = field.min() == null ? 0 : field.min().intValue();
                if (text.length() > max || text.length() < min) {
                    problems.add(new Violation(path, Messages.text("extensions.length", label, min, max)));
                    yield null;
                }
                yield text;
            }
            case CODE -> {
                if (!(value instanceof String code)) {
                    yield wrongType(path, label, field, problems);
                }
                if (!field.codes().contains(code)) {
                    problems.add(new Violation(path, Messages.text("extensions.code", label, code,
                            String.join(", ", field.codes()))));
                    yield null;
                }
                yield code;
            }
            case DATE -> {
                try {
                    yield value instanceof String text ? LocalDate.parse(text).toString()
                            : wrongType(path, label, field, problems);
                } catch (DateTimeParseException e) {
                    yield wrongType(path, label, field, problems);
                }
            }
            case BOOLEAN -> value instanceof Boolean ? value : wrongType(path, label, field, problems);
            case INTEGER, DECIMAL, MONEY -> number(field, value, path, label, problems);
        };
    }

    private static Object number(ExtensionField field, Object value, String path, Labelled label,
            List<Violation> problems) {
        if (!(value instanceof Number raw)) {
            return wrongType(path, label, field, problems);
        }
        BigDecimal number = raw instanceof BigDecimal d ? d : new BigDecimal(raw.toString());
        boolean whole = number.stripTrailingZeros().scale() <= 0;
        if (field.type() == ExtensionField.Type.INTEGER && !whole
                || field.type() == ExtensionField.Type.MONEY && number.stripTrailingZeros().scale() > 2) {
            return wrongType(path, label, field, problems);
        }
        if (field.min() != null && number.compareTo(field.min()) < 0
                || field.max() != null && number.compareTo(field.max()) > 0) {
            problems.add(new Violation(path, Messages.text("extensions.range", label, plain(field.min()),
                    plain(field.max()))));
            return null;
        }
        return field.type() == ExtensionField.Type.INTEGER ? (Object) number.longValueExact() : number;
    }

    private static Object wrongType(String path, Labelled label, ExtensionField field, List<Violation> problems) {
        problems.add(new Violation(path, Messages.text("extensions.type." + field.type().name(), label)));
        return null;
    }

    /** Equal as stored: numbers by value, since JSON may read back 3 as an Integer that came in as a Long. */
    private static boolean same(Object stored, Object value) {
        if (stored instanceof Number a && value instanceof Number b) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
        }
        return Objects.equals(stored, value);
    }

    private static String plain(BigDecimal bound) {
        return bound == null ? "–" : bound.stripTrailingZeros().toPlainString();
    }

    private static Labelled labelled(ExtensionField field) {
        return field::label;
    }
}
