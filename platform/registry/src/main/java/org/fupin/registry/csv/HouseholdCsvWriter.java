package org.fupin.registry.csv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.fupin.registry.api.ExtensionField;
import org.fupin.registry.model.Household;

/**
 * Writes households in the import format (one row per member, Chinese headers and labels), as CSV that Excel
 * opens correctly: UTF-8 with a BOM, CRLF line ends. A cell that a spreadsheet would run as a formula
 * (starting with = + - @) is prefixed with an apostrophe.
 */
public final class HouseholdCsvWriter implements HouseholdTableWriter {
    /** The header row: every column's Chinese header, in the documented order. */
    public static final List<String> HEADERS = java.util.Arrays.stream(Column.values()).map(Column::header).toList();

    private final CSVPrinter printer;
    private final HouseholdRows rows;

    /** Writes the BOM and the header row; {@link #close()} flushes and closes {@code out}. */
    public HouseholdCsvWriter(OutputStream out) throws IOException {
        this(out, List.of());
    }

    /** As {@link #HouseholdCsvWriter(OutputStream)}, with a column for each of the programs' household fields. */
    public HouseholdCsvWriter(OutputStream out, List<ExtensionField> extensions) throws IOException {
        rows = new HouseholdRows(extensions);
        var headers = new ArrayList<>(HEADERS);
        extensions.forEach(field -> headers.add(ExtensionColumns.header(field)));
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16),
                CSVFormat.RFC4180.builder().setHeader(headers.toArray(String[]::new)).get());
    }

    /** Writes a household's rows; its key (户编号) is its registry id, or its position in the file when it has none. */
    @Override
    public void write(Household h) throws IOException {
        for (List<Object> values : rows.of(h)) {
            var row = new ArrayList<String>(values.size());
            for (Object value : values) {
                row.add(safe(text(value)));
            }
            printer.printRecord(row);
        }
    }

    /** Neutralises spreadsheet formulas (CSV injection). */
    public static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' ? "'" + value : value;
    }

    private static String text(Object value) {
        return value instanceof BigDecimal d ? d.toPlainString() : value == null ? null : value.toString();
    }

    /** Flushes and closes the output. */
    @Override
    public void close() throws IOException {
        printer.close(true);
    }

    public void flush() throws IOException {
        printer.flush();
    }

    @Override
    public long householdsWritten() {
        return rows.households();
    }

    @Override
    public long membersWritten() {
        return rows.members();
    }
}
