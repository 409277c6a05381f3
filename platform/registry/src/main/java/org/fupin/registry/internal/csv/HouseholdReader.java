package org.fupin.registry.internal.csv;

import org.fupin.registry.api.ExtensionField;
import org.fupin.registry.csv.Column;
import org.fupin.registry.csv.ExtensionColumns;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fupin.registry.model.AnnualIncome;
import org.fupin.registry.model.Assurances;
import org.fupin.registry.model.Cause;
import org.fupin.registry.model.DangerGrade;
import org.fupin.registry.model.Education;
import org.fupin.registry.model.Fuel;
import org.fupin.registry.model.HealthStatus;
import org.fupin.registry.model.HouseStructure;
import org.fupin.registry.model.Household;
import org.fupin.registry.model.HouseholdAttribute;
import org.fupin.registry.model.HouseholdStatus;
import org.fupin.registry.model.Housing;
import org.fupin.registry.model.IdentificationStandard;
import org.fupin.registry.model.LabourAbility;
import org.fupin.registry.model.LocalizedText;
import org.fupin.registry.model.Member;
import org.fupin.registry.model.Relation;
import org.fupin.registry.model.SchoolStatus;
import org.fupin.registry.model.Sex;
import org.fupin.registry.model.WaterSource;
import org.fupin.registry.model.WorkStatus;

/**
 * Streams households out of an import file (CSV or XLSX rows) one at a time: rows sharing a 户编号 (consecutive)
 * form one household. Memory stays flat whatever the file's size.
 */
public final class HouseholdReader {
    /** A problem at a line and column of the file. */
    public record Problem(long line, String column, LocalizedText reason) {
    }

    /**
     * One household as read: its draft, the line of its first row and of each member row, and the cells that
     * could not be read (then the draft is incomplete and must not be stored).
     */
    public record Parsed(String key, long line, List<Long> memberLines, Household draft, List<Problem> problems) {
    }

    /** The header row is unusable: the whole file is refused. */
    public static final class HeaderException extends Exception {
        private static final long serialVersionUID = 1L;
        public final transient LocalizedText reason;

        HeaderException(LocalizedText reason) {
            super(reason.en(), null, false, false);
            this.reason = reason;
        }
    }

    private final ImportRows rows;
    private final Map<Column, Integer> index = new EnumMap<>(Column.class);
    /** The columns of programs' household fields, by field. */
    private final Map<ExtensionField, Integer> extensionIndex = new LinkedHashMap<>();
    private final CellParser cells = new CellParser();
    private ImportRows.Row pending;
    private long lastLine = 1;
    private UncheckedIOException failure;

    /** Reads the header row of a file without extension columns; the caller closes {@code rows}. */
    public HouseholdReader(ImportRows rows) throws HeaderException {
        this(rows, Map.of());
    }

    /**
     * Reads the header row; the caller closes {@code rows}.
     *
     * @param extensions the household fields declared now, by key: an extension column must name one
     */
    public HouseholdReader(ImportRows rows, Map<String, ExtensionField> extensions) throws HeaderException {
        this.rows = rows;
        ImportRows.Row header = rows.next();
        if (header == null) {
            throw new HeaderException(new LocalizedText("文件为空：缺少表头行", "the file is empty: no header row"));
        }
        var unknown = new ArrayList<String>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.cell(i);
            if (name.isEmpty()) {
                continue;
            }
            var column = Column.byHeader(name);
            var extension = ExtensionColumns.key(name).map(extensions::get);
            if (column.isPresent()) {
                index.put(column.get(), i);
            } else if (extension.isPresent()) {
                extensionIndex.put(extension.get(), i);
            } else {
                unknown.add(name);
            }
        }
        var missing = new ArrayList<String>();
        for (Column column : Column.values()) {
            if (column.required() && !index.containsKey(column)) {
                missing.add(column.header());
            }
        }
        if (!unknown.isEmpty() || !missing.isEmpty()) {
            throw new HeaderException(new LocalizedText(
                    "表头有误：" + (unknown.isEmpty() ? "" : "未知列 " + unknown + "；")
                            + (missing.isEmpty() ? "" : "缺少必填列 " + missing) + "（见导入格式说明）",
                    "bad header row: " + (unknown.isEmpty() ? "" : "unknown columns " + unknown + "; ")
                            + (missing.isEmpty() ? "" : "missing required columns " + missing)
                            + " (see the import format)"));
        }
        pending = rows.next();
    }

    /** The line of the last row read (1 = the header). */
    public long lastLine() {
        return lastLine;
    }

    /** The next household, or {@code null} at the end of the file. */
    public Parsed next() {
        if (failure != null) {
            throw failure;
        }
        if (pending == null) {
            return null;
        }
        ImportRows.Row first = pending;
        lastLine = first.line();
        String key = cell(first, Column.KEY);
        var household = new ArrayList<ImportRows.Row>();
        household.add(first);
        pending = null;
        try {
            ImportRows.Row row;
            while ((row = rows.next()) != null) {
                lastLine = row.line();
                if (!cell(row, Column.KEY).equals(key)) {
                    pending = row;
                    break;
                }
                household.add(row);
            }
        } catch (UncheckedIOException unreadable) {
            // the rows read so far may not be all of this household's: refuse it rather than store part of it;
            // the failure itself surfaces on the next call
            failure = unreadable;
            Parsed partial = parse(key, household);
            var problems = new ArrayList<>(partial.problems());
            problems.add(new Problem(partial.line(), Column.KEY.header(), new LocalizedText(
                    "文件在本户之后无法读取，本户的成员行可能不全，未导入",
                    "the file breaks right after this household, so its rows may be incomplete: not imported")));
            return new Parsed(partial.key(), partial.line(), partial.memberLines(), partial.draft(), problems);
        }
        return parse(key, household);
    }

    private Parsed parse(String key, List<ImportRows.Row> rows) {
        var problems = new ArrayList<Problem>();
        ImportRows.Row head = rows.get(0);
        long line = head.line();
        if (key.isEmpty()) {
            problems.add(new Problem(line, Column.KEY.header(), new LocalizedText("户编号不能为空", "户编号 (household key) is required")));
        }
        var members = new ArrayList<Member>(rows.size());
        var lines = new ArrayList<Long>(rows.size());
        Household draft = null;
        try {
            for (ImportRows.Row row : rows) {
                lines.add(row.line());
                problems.addAll(row.unreadable());
                try {
                    members.add(member(row));
                } catch (CellParser.BadCell bad) {
                    problems.add(new Problem(row.line(), bad.column.header(), new LocalizedText(bad.zh, bad.en)));
                }
            }
            draft = household(head, members).withExtensions(extensions(head, problems));
        } catch (CellParser.BadCell bad) {
            problems.add(new Problem(line, bad.column.header(), new LocalizedText(bad.zh, bad.en)));
        }
        return new Parsed(key, line, lines, draft, problems);
    }

    private Household household(ImportRows.Row row, List<Member> members) throws CellParser.BadCell {
        var incomes = new ArrayList<AnnualIncome>();
        Integer incomeYear = CellParser.whole(Column.INCOME_YEAR, cell(row, Column.INCOME_YEAR));
        var wage = CellParser.decimal(Column.WAGE, cell(row, Column.WAGE));
        var business = CellParser.decimal(Column.BUSINESS, cell(row, Column.BUSINESS));
        var transfer = CellParser.decimal(Column.TRANSFER, cell(row, Column.TRANSFER));
        var property = CellParser.decimal(Column.PROPERTY, cell(row, Column.PROPERTY));
        var cost = CellParser.decimal(Column.PRODUCTION_COST, cell(row, Column.PRODUCTION_COST));
        boolean anyIncome = wage != null || business != null || transfer != null || property != null || cost != null;
        if (incomeYear != null || anyIncome) {
            if (incomeYear == null) {
                throw new CellParser.BadCell(Column.INCOME_YEAR, "填写收入时必须填写收入年度",
                        "收入年度 (income year) is required when incomes are given");
            }
            incomes.add(new AnnualIncome(incomeYear, wage, business, transfer, property, cost, null, null, null));
        }
        var housing = new Housing(CellParser.decimal(Column.AREA, cell(row, Column.AREA)),
                cells.code(Column.STRUCTURE, cell(row, Column.STRUCTURE), HouseStructure.class),
                CellParser.whole(Column.BUILT_YEAR, cell(row, Column.BUILT_YEAR)),
                cells.code(Column.DANGER_GRADE, cell(row, Column.DANGER_GRADE), DangerGrade.class),
                CellParser.yes(Column.ELECTRICITY, cell(row, Column.ELECTRICITY)),
                cells.code(Column.WATER, cell(row, Column.WATER), WaterSource.class),
                cells.codes(Column.FUELS, cell(row, Column.FUELS), Fuel.class));
        var assurances = new Assurances(CellParser.yes(Column.FOOD, cell(row, Column.FOOD)),
                CellParser.yes(Column.CLOTHING, cell(row, Column.CLOTHING)),
                CellParser.yes(Column.EDUCATION_ASSURED, cell(row, Column.EDUCATION_ASSURED)),
                CellParser.yes(Column.MEDICAL_ASSURED, cell(row, Column.MEDICAL_ASSURED)),
                CellParser.yes(Column.HOUSING_ASSURED, cell(row, Column.HOUSING_ASSURED)),
                CellParser.yes(Column.WATER_ASSURED, cell(row, Column.WATER_ASSURED)));
        return new Household(null, null, digits(row, Column.VILLAGE), blankToNull(cell(row, Column.GROUP)),
                blankToNull(digits(row, Column.PHONE)), blankToNull(cell(row, Column.BANK)),
                blankToNull(digits(row, Column.ACCOUNT)),
                cells.code(Column.STANDARD, cell(row, Column.STANDARD), IdentificationStandard.class),
                cells.code(Column.ATTRIBUTE, cell(row, Column.ATTRIBUTE), HouseholdAttribute.class),
                cells.code(Column.MAIN_CAUSE, cell(row, Column.MAIN_CAUSE), Cause.class),
                cells.codes(Column.OTHER_CAUSES, cell(row, Column.OTHER_CAUSES), Cause.class),
                cells.code(Column.STATUS, cell(row, Column.STATUS), HouseholdStatus.class),
                CellParser.whole(Column.IDENTIFIED_YEAR, cell(row, Column.IDENTIFIED_YEAR)), members, incomes, housing,
                assurances, List.of(), Map.of(), null, null, null);
    }

    /**
     * The household's extension cells that are not blank, as their JSON would have them: numbers as
     * {@code BigDecimal}, 是 / 否 (or true / false) as booleans, anything else as text; the registry checks them further.
     */
    private Map<String, Object> extensions(ImportRows.Row row, List<Problem> problems) {
        var values = new LinkedHashMap<String, Object>();
        extensionIndex.forEach((field, i) -> {
            String text = row.cell(i).strip();
            if (text.isEmpty()) {
                return;
            }
            Object value = switch (field.type()) {
                case BOOLEAN -> "是".equals(text) || "true".equals(text) ? Boolean.TRUE
                        : "否".equals(text) || "false".equals(text) ? Boolean.FALSE : null;
                case INTEGER, DECIMAL, MONEY -> number(text);
                default -> text;
            };
            if (value == null) {
                problems.add(new Problem(row.line(), ExtensionColumns.header(field), new LocalizedText(
                        "“" + field.label().zh() + "”不能识别：" + text
                                + (field.type() == ExtensionField.Type.BOOLEAN ? "（应为 是 或 否）" : "（应为数字）"),
                        "\"" + field.label().en() + "\" cannot be read: " + text
                                + (field.type() == ExtensionField.Type.BOOLEAN ? " (是 or 否)" : " (a number)"))));
            } else {
                values.put(field.key(), value);
            }
        });
        return values;
    }

    private static java.math.BigDecimal number(String text) {
        try {
            return new java.math.BigDecimal(text.replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Member member(ImportRows.Row row) throws CellParser.BadCell {
        return new Member(null, blankToNull(cell(row, Column.NAME)),
                cells.code(Column.SEX, cell(row, Column.SEX), Sex.class), blankToNull(digits(row, Column.ID_NUMBER)),
                cells.code(Column.RELATION, cell(row, Column.RELATION), Relation.class),
                cells.ethnicity(cell(row, Column.ETHNICITY)),
                cells.code(Column.EDUCATION, cell(row, Column.EDUCATION), Education.class),
                cells.code(Column.SCHOOL_STATUS, cell(row, Column.SCHOOL_STATUS), SchoolStatus.class),
                CellParser.whole(Column.SCHOOL_GRADE, cell(row, Column.SCHOOL_GRADE)),
                cells.code(Column.HEALTH, cell(row, Column.HEALTH), HealthStatus.class),
                blankToNull(digits(row, Column.DISABILITY_CERTIFICATE)),
                cells.code(Column.LABOUR, cell(row, Column.LABOUR), LabourAbility.class),
                cells.code(Column.WORK_STATUS, cell(row, Column.WORK_STATUS), WorkStatus.class),
                CellParser.whole(Column.WORK_MONTHS, cell(row, Column.WORK_MONTHS)),
                CellParser.yes(Column.SUBSISTENCE, cell(row, Column.SUBSISTENCE)),
                CellParser.yes(Column.MEDICAL_INSURANCE, cell(row, Column.MEDICAL_INSURANCE)),
                CellParser.yes(Column.PENSION_INSURANCE, cell(row, Column.PENSION_INSURANCE)), null, null);
    }

    private String cell(ImportRows.Row row, Column column) {
        Integer i = index.get(column);
        return i == null ? "" : row.cell(i);
    }

    /** A number that must keep every digit (a code, an ID number, an account). */
    private String digits(ImportRows.Row row, Column column) throws CellParser.BadCell {
        return CellParser.digits(column, cell(row, column));
    }

    private static String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
