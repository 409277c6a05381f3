package org.fupin.programs.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.fupin.program.api.Field;
import org.fupin.program.api.FieldType;
import org.fupin.program.api.Form;
import org.fupin.program.api.Option;
import org.fupin.registry.api.Violation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Checks submitted form data against a declared form and converts it to the Java types rules receive (see
 * {@link org.fupin.program.api.FieldType}). Every problem is collected with its field path ({@code data.schoolType}),
 * so a client sees all of them at once.
 */
final class FormValues {
    private FormValues() {
    }

    /** The result: converted values (only declared fields, in form order) or the violations. */
    record Checked(Map<String, Object> values, List<Violation> violations) {
    }

    /**
     * What a household's form may name: its current members (MEMBER fields) and its applications, by id with their
     * program (APPLICATION fields; read only for a form that has one). A region's form names neither.
     */
    record Household(Set<String> memberIds, java.util.function.Supplier<Map<String, String>> applications) {
        static final Household NONE = new Household(Set.of(), Map::of);
    }

    /**
     * @param memberIds the current members of the household, for MEMBER fields
     * @param prefix    the JSON path of the data object, e.g. {@code data}
     */
    static Checked check(Form form, JsonNode data, Set<String> memberIds, String prefix) {
        return check(form, data, new Household(memberIds, Map::of), prefix);
    }

    /**
     * @param household what the form's MEMBER and APPLICATION fields may name
     * @param prefix    the JSON path of the data object, e.g. {@code data}
     */
    static Checked check(Form form, JsonNode data, Household household, String prefix) {
        Map<String, String> applications = form.fields().stream().anyMatch(f -> f.type() == FieldType.APPLICATION)
                ? household.applications().get() : Map.of();
        Set<String> memberIds = household.memberIds();
        List<Violation> violations = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        JsonNode object = data == null || data.isNull() ? JsonNodeFactory.instance.objectNode() : data;
        if (!object.isObject()) {
            return new Checked(Map.of(), List.of(new Violation(prefix, Texts.text("field.required"))));
        }
        for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (form.field(name).isEmpty()) {
                violations.add(new Violation(prefix + "." + name, Texts.text("field.unknown")));
            }
        }
        for (Field field : form.fields()) {
            JsonNode node = object.get(field.name());
            String path = prefix + "." + field.name();
            boolean blank = node == null || node.isNull() || (node.isTextual() && node.asText().isBlank());
            if (blank) {
                if (field.required()) {
                    violations.add(new Violation(path, Texts.text("field.required")));
                }
                continue;
            }
            Object value = convert(field, node, memberIds, applications, path, violations);
            if (value != null) {
                values.put(field.name(), value);
            }
        }
        for (Field field : form.fields()) {
            var when = field.requiredWhen();
            if (when != null && !values.containsKey(field.name()) && when.holds(values.get(when.field()))
                    && violations.stream().noneMatch(v -> v.field().equals(prefix + "." + field.name()))) {
                violations.add(new Violation(prefix + "." + field.name(), Texts.text("field.required-when",
                        when.field(), String.valueOf(values.get(when.field())))));
            }
        }
        return new Checked(values, violations);
    }

    private static Object convert(Field field, JsonNode node, Set<String> memberIds,
            Map<String, String> applications, String path, List<Violation> violations) {
        int before = violations.size();
        Object value = switch (field.type()) {
            case TEXT -> text(field, node, path, violations);
            case INTEGER -> integer(field, node, path, violations);
            case DECIMAL, MONEY -> decimal(field, node, path, violations);
            case DATE -> date(node, path, violations);
            case BOOLEAN -> bool(node, path, violations);
            case CODE -> code(field, node, path, violations);
            case MEMBER -> member(node, memberIds, path, violations);
            case APPLICATION -> application(field, node, applications, path, violations);
        };
        return violations.size() == before ? value : null;
    }

    private static String text(Field field, JsonNode node, String path, List<Violation> violations) {
        if (!node.isTextual()) {
            violations.add(new Violation(path, Texts.text("field.text")));
            return null;
        }
        String value = node.asText().strip();
        int length = value.codePointCount(0, value.length());
        int min = field.min() == null ? 0 : field.min().intValue();
        int max = field.max() == null ? Integer.MAX_VALUE : field.max().intValue();
        if (length < min || length > max) {
            violations.add(new Violation(path, Texts.text("field.length", min, field.max() == null ? "∞" : max)));
        } else if (field.pattern() != null && !value.matches(field.pattern())) {
            violations.add(new Violation(path, Texts.text("field.pattern")));
        }
        return value;
    }

    private static Long integer(Field field, JsonNode node, String path, List<Violation> violations) {
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            violations.add(new Violation(path, Texts.text("field.integer")));
            return null;
        }
        long value = node.longValue();
        bounds(field, BigDecimal.valueOf(value), path, violations);
        return value;
    }

    private static BigDecimal decimal(Field field, JsonNode node, String path, List<Violation> violations) {
        if (!node.isNumber()) {
            violations.add(new Violation(path, Texts.text("field.number")));
            return null;
        }
        BigDecimal value = node.decimalValue();
        if (field.type() == org.fupin.program.api.FieldType.MONEY
                && (value.stripTrailingZeros().scale() > 2 || value.signum() < 0)) {
            violations.add(new Violation(path, Texts.text("field.money")));
            return null;
        }
        bounds(field, value, path, violations);
        return value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros();
    }

    private static void bounds(Field field, BigDecimal value, String path, List<Violation> violations) {
        boolean low = field.min() != null && value.compareTo(field.min()) < 0;
        boolean high = field.max() != null && value.compareTo(field.max()) > 0;
        if (!low && !high) {
            return;
        }
        if (field.min() != null && field.max() != null) {
            violations.add(new Violation(path, Texts.text("field.range", plain(field.min()), plain(field.max()))));
        } else if (low) {
            violations.add(new Violation(path, Texts.text("field.min", plain(field.min()))));
        } else {
            violations.add(new Violation(path, Texts.text("field.max", plain(field.max()))));
        }
    }

    private static LocalDate date(JsonNode node, String path, List<Violation> violations) {
        try {
            if (node.isTextual()) {
                return LocalDate.parse(node.asText().strip());
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        violations.add(new Violation(path, Texts.text("field.date")));
        return null;
    }

    private static Boolean bool(JsonNode node, String path, List<Violation> violations) {
        if (!node.isBoolean()) {
            violations.add(new Violation(path, Texts.text("field.boolean")));
            return null;
        }
        return node.booleanValue();
    }

    private static String code(Field field, JsonNode node, String path, List<Violation> violations) {
        String value = node.isTextual() ? node.asText().strip() : null;
        if (value == null || field.option(value).isEmpty()) {
            violations.add(new Violation(path, Texts.text("field.code",
                    field.options().stream().map(Option::code).collect(Collectors.joining(", ")))));
            return null;
        }
        return value;
    }

    private static String member(JsonNode node, Set<String> memberIds, String path, List<Violation> violations) {
        String value = node.isTextual() ? node.asText().strip() : null;
        if (value == null || !memberIds.contains(value)) {
            violations.add(new Violation(path, Texts.text("field.member")));
            return null;
        }
        return value;
    }

    /** One of the household's applications, of the field's program when it names one. */
    private static String application(Field field, JsonNode node, Map<String, String> applications, String path,
            List<Violation> violations) {
        String value = node.isTextual() ? node.asText().strip() : null;
        if (value == null || !applications.containsKey(value)) {
            violations.add(new Violation(path, Texts.text("field.application", value != null ? value : node.toString())));
            return null;
        }
        if (field.program() != null && !field.program().equals(applications.get(value))) {
            violations.add(new Violation(path, Texts.text("field.application.program", value,
                    applications.get(value), field.program())));
            return null;
        }
        return value;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** The stored JSON form of converted values (dates as ISO strings, numbers exact). */
    static ObjectNode toJson(Map<String, Object> values) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        values.forEach((name, value) -> {
            if (value instanceof Long l) {
                node.put(name, l);
            } else if (value instanceof BigDecimal d) {
                node.put(name, d);
            } else if (value instanceof Boolean b) {
                node.put(name, b);
            } else {
                node.put(name, value.toString());
            }
        });
        return node;
    }

    /** Stored values back to Java types, by the form; values of fields the form no longer declares are kept as text. */
    static Map<String, Object> fromJson(Form form, JsonNode stored) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (stored == null) {
            return values;
        }
        stored.fields().forEachRemaining(entry -> {
            JsonNode node = entry.getValue();
            var field = form == null ? null : form.field(entry.getKey()).orElse(null);
            Object value;
            if (node.isNull()) {
                return;
            } else if (field == null) {
                value = node.isNumber() ? node.decimalValue() : node.isBoolean() ? node.booleanValue() : node.asText();
            } else {
                value = switch (field.type()) {
                    case INTEGER -> node.longValue();
                    case DECIMAL, MONEY -> node.decimalValue();
                    case DATE -> LocalDate.parse(node.asText());
                    case BOOLEAN -> node.booleanValue();
                    default -> node.asText();
                };
            }
            values.put(entry.getKey(), value);
        });
        return values;
    }
}
