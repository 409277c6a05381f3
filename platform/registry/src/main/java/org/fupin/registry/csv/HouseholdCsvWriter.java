package org.fupin.registry.csv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.fupin.registry.model.AnnualIncome;
import org.fupin.registry.model.Ethnicities;
import org.fupin.registry.model.Household;
import org.fupin.registry.model.Labelled;
import org.fupin.registry.model.Member;

/**
 * Writes households in the import format (one row per member, Chinese headers and labels), as CSV that Excel
 * opens correctly: UTF-8 with a BOM, CRLF line ends. A cell that a spreadsheet would run as a formula
 * (starting with = + - @) is prefixed with an apostrophe.
 */
public final class HouseholdCsvWriter implements AutoCloseable {
    /** The header row: every column's Chinese header, in the documented order. */
    public static final List<String> HEADERS = java.util.Arrays.stream(Column.values()).map(Column::header).toList();

    private final CSVPrinter printer;
    private long households;
    private long members;

    /** Writes the BOM and the header row; {@link #close()} flushes and closes {@code out}. */
    public HouseholdCsvWriter(OutputStream out) throws IOException {
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16),
                CSVFormat.RFC4180.builder().setHeader(HEADERS.toArray(String[]::new)).get());
    }

    /** Writes a household's rows; its key (户编号) is its registry id, or its position in the file when it has none. */
    public void write(Household h) throws IOException {
        households++;
        members += h.members().size();
        String key = h.id() != null ? h.id() : String.valueOf(households);
        AnnualIncome income = h.incomes().isEmpty() ? null : h.incomes().get(h.incomes().size() - 1);
        boolean first = true;
        for (Member m : h.members()) {
            var row = new ArrayList<String>(Column.values().length);
            for (Column column : Column.values()) {
                row.add(safe(column == Column.KEY ? key
                        : column.householdLevel() && !first ? "" : value(column, h, m, income)));
            }
            printer.printRecord(row);
            first = false;
        }
    }

    private static String value(Column column, Household h, Member m, AnnualIncome income) {
        var housing = h.housing();
        var assured = h.assurances();
        return switch (column) {
            case KEY -> throw new IllegalStateException("the key is written by write()");
            case VILLAGE -> h.villageCode();
            case GROUP -> h.villageGroup();
            case PHONE -> h.phone();
            case BANK -> h.bankName();
            case ACCOUNT -> h.bankAccount();
            case STANDARD -> label(h.identificationStandard());
            case ATTRIBUTE -> label(h.attribute());
            case MAIN_CAUSE -> label(h.mainCause());
            case OTHER_CAUSES -> labels(h.otherCauses());
            case STATUS -> label(h.status());
            case IDENTIFIED_YEAR -> text(h.identifiedYear());
            case AREA -> housing == null ? null : plain(housing.area());
            case STRUCTURE -> housing == null ? null : label(housing.structure());
            case BUILT_YEAR -> housing == null ? null : text(housing.builtYear());
            case DANGER_GRADE -> housing == null ? null : label(housing.dangerGrade());
            case ELECTRICITY -> housing == null ? null : yes(housing.electricity());
            case WATER -> housing == null ? null : label(housing.water());
            case FUELS -> housing == null ? null : labels(housing.fuels());
            case FOOD -> assured == null ? null : yes(assured.food());
            case CLOTHING -> assured == null ? null : yes(assured.clothing());
            case EDUCATION_ASSURED -> assured == null ? null : yes(assured.compulsoryEducation());
            case MEDICAL_ASSURED -> assured == null ? null : yes(assured.basicMedical());
            case HOUSING_ASSURED -> assured == null ? null : yes(assured.safeHousing());
            case WATER_ASSURED -> assured == null ? null : yes(assured.safeWater());
            case INCOME_YEAR -> income == null ? null : String.valueOf(income.year());
            case WAGE -> income == null ? null : plain(income.wage());
            case BUSINESS -> income == null ? null : plain(income.business());
            case TRANSFER -> income == null ? null : plain(income.transfer());
            case PROPERTY -> income == null ? null : plain(income.property());
            case PRODUCTION_COST -> income == null ? null : plain(income.productionCost());
            case NAME -> m.name();
            case SEX -> label(m.sex());
            case ID_NUMBER -> m.idNumber();
            case RELATION -> label(m.relation());
            case ETHNICITY -> m.ethnicity() == null ? null
                    : Ethnicities.label(m.ethnicity()).map(l -> l.zh()).orElse(m.ethnicity());
            case EDUCATION -> label(m.education());
            case SCHOOL_STATUS -> label(m.schoolStatus());
            case SCHOOL_GRADE -> text(m.schoolGrade());
            case HEALTH -> label(m.health());
            case DISABILITY_CERTIFICATE -> m.disabilityCertificate();
            case LABOUR -> label(m.labourAbility());
            case WORK_STATUS -> label(m.workStatus());
            case WORK_MONTHS -> text(m.workMonths());
            case SUBSISTENCE -> yes(m.subsistenceAllowance());
            case MEDICAL_INSURANCE -> yes(m.medicalInsurance());
            case PENSION_INSURANCE -> yes(m.pensionInsurance());
        };
    }

    /** Neutralises spreadsheet formulas (CSV injection). */
    public static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' ? "'" + value : value;
    }

    private static String label(Labelled value) {
        return value == null ? null : value.label().zh();
    }

    private static String labels(List<? extends Labelled> values) {
        return values.stream().map(v -> v.label().zh()).collect(Collectors.joining(";"));
    }

    private static String yes(boolean value) {
        return value ? "是" : "否";
    }

    private static String text(Integer value) {
        return value == null ? null : value.toString();
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }

    public void flush() throws IOException {
        printer.flush();
    }

    public long householdsWritten() {
        return households;
    }

    public long membersWritten() {
        return members;
    }
}
