package org.fupin.registry.csv;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

import org.fupin.registry.api.ExtensionField;

/**
 * The columns of programs' household fields in the import format, after the fixed columns: headed by the field's
 * Chinese label with its key in brackets ({@code 签约管理的慢病[health.chronicDisease]}), so that a person reads the
 * label and the import finds the field by its key; the label part may be anything, or empty.
 */
public final class ExtensionColumns {
    private static final Pattern HEADER = Pattern.compile(".*\\[([a-z][a-z0-9-]{1,31}\\.[A-Za-z][A-Za-z0-9_]*)]");

    private ExtensionColumns() {
    }

    public static String header(ExtensionField field) {
        return field.label().zh() + "[" + field.key() + "]";
    }

    /** The field key a header names, if it is an extension column's header. */
    public static Optional<String> key(String header) {
        var matcher = HEADER.matcher(header.strip());
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** Whether the column holds numbers (a number cell in XLSX). */
    static boolean numeric(ExtensionField field) {
        return switch (field.type()) {
            case INTEGER, DECIMAL, MONEY -> true;
            default -> false;
        };
    }

    /** A stored value as a cell: numbers as {@code BigDecimal}, BOOLEAN as 是 / 否, anything else as text. */
    static Object cell(ExtensionField field, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean yes) {
            return yes ? "是" : "否";
        }
        if (value instanceof Number number && numeric(field)) {
            return new BigDecimal(number.toString());
        }
        return value.toString();
    }
}
