package org.fupin.registry.csv;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.io.input.BOMInputStream;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A table as an XLSX download for Excel: one sheet, a bold header row that stays in view, column widths taken from
 * the header and the first rows, and each column either text or numbers. Text cells, and the text columns as a
 * whole, carry the text format ({@code @}): ID numbers, bank accounts and codes keep every digit, also when someone
 * edits or adds them in Excel. Number cells (amounts, counts, years) add up. Streams: rows leave in blocks of
 * {@value #BLOCK}, so memory stays flat however long the table, and strings are written inline, never collected
 * into a shared table.
 */
public final class XlsxTableWriter implements AutoCloseable {
    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** The data rows a sheet holds: Excel's 1,048,576 rows, the header taken. */
    public static final int MAX_ROWS = 1_048_575;
    static final int BLOCK = 1000;
    private static final String TEXT = "@";
    private static final double MIN_WIDTH = 8;
    private static final double MAX_WIDTH = 50;

    /** A column: its header and whether it holds numbers (else text: codes, names, ID numbers). */
    public record Heading(String text, boolean numeric) {
    }

    private final OutputStream out;
    private final Workbook workbook;
    private final Worksheet sheet;
    private final List<Heading> headings;
    private final double[] widths;
    /** The next row to write; row 0 is the header. */
    private int next = 1;
    /** The first row not yet written out. */
    private int pending = 1;
    private boolean widthsSet;

    /** Starts the workbook and writes the header row; {@link #close()} finishes it (and leaves {@code out} open). */
    public XlsxTableWriter(OutputStream out, String sheetName, List<Heading> headings) {
        this.out = out;
        this.headings = List.copyOf(headings);
        widths = new double[headings.size()];
        workbook = new Workbook(out, "Fupin", null);
        sheet = workbook.newWorksheet(sheetName);
        for (int c = 0; c < headings.size(); c++) {
            sheet.inlineString(0, c, headings.get(c).text());
            widths[c] = displayWidth(headings.get(c).text());
            if (!headings.get(c).numeric()) {
                // cells added below the data are text too
                sheet.style(c).format(TEXT).set();
            }
        }
        sheet.range(0, 0, 0, headings.size() - 1).style().bold().set();
        sheet.freezePane(0, 1);
    }

    /**
     * Writes one row, a value per heading: in a number column a {@code Number} is a number cell; anything else is
     * text; {@code null} and the empty text leave the cell empty.
     */
    public void row(List<?> values) throws IOException {
        if (next > MAX_ROWS) {
            throw new IOException("an XLSX sheet holds at most " + MAX_ROWS + " rows");
        }
        for (int c = 0; c < headings.size(); c++) {
            Object value = values.get(c);
            if (value == null || "".equals(value)) {
                continue;
            }
            if (headings.get(c).numeric() && value instanceof Number number) {
                sheet.value(next, c, number);
            } else {
                sheet.inlineString(next, c, value.toString());
            }
            if (!widthsSet) {
                widths[c] = Math.max(widths[c], displayWidth(value.toString()));
            }
        }
        next++;
        if (next - pending == BLOCK) {
            writeOut();
        }
    }

    /** Data rows written so far. */
    public long rows() {
        return next - 1L;
    }

    /** Finishes the workbook and flushes it to the output, which stays open. */
    /**
     * Writes a CSV file that has a header row (UTF-8, with or without the byte order mark Excel wants) as a workbook
     * of the given headings: a file a job wrote for Excel users, offered as XLSX too. Cells of numeric headings
     * become numbers.
     */
    public static void fromCsv(Path csv, OutputStream out, String sheetName, List<Heading> headings)
            throws IOException {
        try (var in = BOMInputStream.builder().setPath(csv).get();
                var rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(new InputStreamReader(in, StandardCharsets.UTF_8));
                var sheet = new XlsxTableWriter(out, sheetName, headings)) {
            for (var row : rows) {
                var values = new ArrayList<Object>(headings.size());
                for (int i = 0; i < headings.size(); i++) {
                    String value = i < row.size() ? row.get(i) : null;
                    values.add(headings.get(i).numeric() && value != null && !value.isEmpty()
                            ? new BigDecimal(value) : value);
                }
                sheet.row(values);
            }
        }
    }

    @Override
    public void close() throws IOException {
        writeOut();
        workbook.finish();
        out.flush();
    }

    private void writeOut() throws IOException {
        for (int c = 0; c < headings.size(); c++) {
            if (!headings.get(c).numeric()) {
                formatAsText(c);
            }
        }
        if (!widthsSet) {
            for (int c = 0; c < widths.length; c++) {
                sheet.width(c, Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widths[c] + 2)));
            }
            widthsSet = true;
        }
        sheet.flush();
        pending = next;
    }

    /** Gives the column's cells written since the last block the text format, a run of filled cells at a time. */
    private void formatAsText(int column) {
        int start = -1;
        for (int r = pending; r <= next; r++) {
            boolean filled = r < next && sheet.value(r, column) != null;
            if (filled && start < 0) {
                start = r;
            } else if (!filled && start >= 0) {
                sheet.range(start, column, r - 1, column).style().format(TEXT).set();
                start = -1;
            }
        }
    }

    /** Characters of the default font the text takes: Chinese characters and full-width forms take two. */
    static int displayWidth(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); i++) {
            width += text.charAt(i) >= '\u2E80' ? 2 : 1;
        }
        return width;
    }
}
