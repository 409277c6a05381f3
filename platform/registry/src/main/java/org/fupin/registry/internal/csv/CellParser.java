package org.fupin.registry.internal.csv;

import org.fupin.registry.csv.Column;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.fupin.registry.model.Ethnicities;
import org.fupin.registry.model.Labelled;

/** Turns the cells of an import file into typed values; every failure names the column and says what was expected. */
final class CellParser {
    /** A cell that could not be read. */
    static final class BadCell extends Exception {
        private static final long serialVersionUID = 1L;
        final Column column;
        final String zh;
        final String en;

        BadCell(Column column, String zh, String en) {
            super(en, null, false, false);
            this.column = column;
            this.zh = zh;
            this.en = en;
        }
    }

    private static final Pattern EXCEL_SCIENTIFIC = Pattern.compile("\\d(\\.\\d+)?[Ee]\\+\\d+");

    private final Map<Class<?>, Map<String, Enum<?>>> byLabel = new HashMap<>();
    private final Map<String, String> ethnicityByName = new HashMap<>();

    CellParser() {
        Ethnicities.all().forEach((code, label) -> ethnicityByName.put(label.zh(), code));
    }

    <E extends Enum<E> & Labelled> E code(Column column, String cell, Class<E> type) throws BadCell {
        if (cell.isEmpty()) {
            return null;
        }
        Map<String, Enum<?>> labels = byLabel.computeIfAbsent(type, t -> {
            var map = new HashMap<String, Enum<?>>();
            for (E constant : type.getEnumConstants()) {
                map.put(constant.name(), constant);
                map.put(constant.label().zh(), constant);
                // 危房等级 "A级" may be written "A"; 务工状况 "省外务工" as "省外"
                map.putIfAbsent(constant.label().zh().replaceAll("(级|务工)$", ""), constant);
            }
            return map;
        });
        Enum<?> value = labels.get(cell);
        if (value == null) {
            value = labels.get(cell.toUpperCase(Locale.ROOT));
        }
        if (value == null) {
            var allowed = new ArrayList<String>();
            for (E constant : type.getEnumConstants()) {
                allowed.add(constant.label().zh());
            }
            throw new BadCell(column, "“" + cell + "”不是有效的" + column.header() + "，应为：" + String.join("、", allowed),
                    "'" + cell + "' is not a valid " + column.header() + "; one of " + allowed);
        }
        return type.cast(value);
    }

    <E extends Enum<E> & Labelled> List<E> codes(Column column, String cell, Class<E> type) throws BadCell {
        var values = new ArrayList<E>();
        if (cell.isEmpty()) {
            return values;
        }
        for (String part : cell.split("[;；、,，]")) {
            if (!part.isBlank()) {
                values.add(code(column, part.strip(), type));
            }
        }
        return values;
    }

    String ethnicity(String cell) {
        if (cell.isEmpty()) {
            return "01";
        }
        String byName = ethnicityByName.get(cell);
        if (byName != null) {
            return byName;
        }
        // validation reports an unknown code with the field named
        return cell.length() == 1 ? "0" + cell : cell;
    }

    /**
     * A code that must keep every digit, refused when it is how Excel shows a long number it has already rounded
     * ({@code 6.20502E+17}): saved from Excel, such a CSV has lost the digits for good.
     */
    static String digits(Column column, String cell) throws BadCell {
        if (cell.indexOf('+') > 0 && EXCEL_SCIENTIFIC.matcher(cell).matches()) {
            throw roundedByExcel(column, cell);
        }
        return cell;
    }

    /** A long number that Excel stored as a number, keeping only its first 15 digits. */
    static BadCell roundedByExcel(Column column, String shown) {
        return new BadCell(column, column.header() + "“" + shown + "”是被 Excel 当作数字舍入后的值（数字只保留 15 位有效数字），"
                + "后几位已丢失：请将该列设为“文本”格式，重新填写后再导入",
                column.header() + " '" + shown + "' is a number Excel has rounded (it keeps 15 significant digits), "
                        + "so its last digits are lost: format the column as Text, enter the values again and import "
                        + "again");
    }

    static boolean yes(Column column, String cell) throws BadCell {
        return switch (cell.toLowerCase(Locale.ROOT)) {
            case "", "否", "false", "0", "n", "no" -> false;
            case "是", "true", "1", "y", "yes" -> true;
            default -> throw new BadCell(column, column.header() + "应填“是”或“否”，实为“" + cell + "”",
                    column.header() + " must be 是 or 否 (yes/no), got '" + cell + "'");
        };
    }

    static Integer whole(Column column, String cell) throws BadCell {
        if (cell.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(cell);
        } catch (NumberFormatException e) {
            throw new BadCell(column, column.header() + "应为整数，实为“" + cell + "”",
                    column.header() + " must be a whole number, got '" + cell + "'");
        }
    }

    static BigDecimal decimal(Column column, String cell) throws BadCell {
        if (cell.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(cell.replace(",", ""));
        } catch (NumberFormatException e) {
            throw new BadCell(column, column.header() + "应为数字，实为“" + cell + "”",
                    column.header() + " must be a number, got '" + cell + "'");
        }
    }
}
