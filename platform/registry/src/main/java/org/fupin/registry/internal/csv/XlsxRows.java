package org.fupin.registry.internal.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.fupin.registry.csv.Column;
import org.fupin.registry.model.LocalizedText;

/**
 * The rows of an XLSX workbook's first worksheet, every cell as the text the import reads; rows without any
 * value are skipped. Excel keeps 15 significant digits of a number, so a number cell reads as Excel shows it in
 * a numeric column, and in a text column (an ID number typed into a General cell) as its exact digits when it has
 * at most 15; a longer one has already lost its last digits and is reported unreadable, never taken as it is.
 */
public final class XlsxRows implements ImportRows {
    /** Digits a spreadsheet number holds exactly, as Excel counts them. */
    static final int EXACT_DIGITS = 15;

    private final ReadableWorkbook workbook;
    private final Stream<org.dhatim.fastexcel.reader.Row> stream;
    private final Iterator<org.dhatim.fastexcel.reader.Row> rows;
    /** Each index's column, from the header row; {@code null} for a header that is none of the format's. */
    private Column[] columns;

    private XlsxRows(ReadableWorkbook workbook) throws IOException {
        this.workbook = workbook;
        stream = workbook.getFirstSheet().openStream();
        rows = stream.iterator();
    }

    /** Opens the workbook; an {@code IOException} when the file is not one. */
    public static XlsxRows open(Path file) throws IOException {
        ReadableWorkbook workbook = null;
        try {
            // a cell whose value does not parse reads as its raw text, rejected by the column it is in
            workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(false, true));
            return new XlsxRows(workbook);
        } catch (ExcelReaderException | IndexOutOfBoundsException e) {
            close(workbook);
            throw new IOException("not an XLSX workbook: " + e.getMessage(), e);
        } catch (IOException e) {
            close(workbook);
            // the message would name the temporary file
            throw new IOException("not an XLSX workbook (not a zip archive)", e);
        }
    }

    @Override
    public Row next() {
        while (true) {
            org.dhatim.fastexcel.reader.Row row;
            try {
                if (!rows.hasNext()) {
                    return null;
                }
                row = rows.next();
            } catch (RuntimeException e) {
                // the parser fails with assorted unchecked exceptions on a damaged worksheet
                throw new UncheckedIOException(new IOException("the worksheet cannot be read: " + e.getMessage(), e));
            }
            Row read = read(row);
            if (read != null) {
                return read;
            }
        }
    }

    private Row read(org.dhatim.fastexcel.reader.Row row) {
        String[] cells = new String[row.getCellCount()];
        var unreadable = new ArrayList<HouseholdReader.Problem>(0);
        boolean blank = true;
        for (int i = 0; i < cells.length; i++) {
            Column column = columns == null || i >= columns.length ? null : columns[i];
            try {
                cells[i] = text(row.getCell(i), column);
            } catch (CellParser.BadCell bad) {
                cells[i] = "";
                unreadable.add(new HouseholdReader.Problem(row.getRowNum(), bad.column.header(),
                        new LocalizedText(bad.zh, bad.en)));
            }
            blank &= cells[i].isEmpty();
        }
        if (blank && unreadable.isEmpty()) {
            return null;
        }
        if (columns == null) {
            columns = new Column[cells.length];
            for (int i = 0; i < cells.length; i++) {
                columns[i] = Column.byHeader(cells[i]).orElse(null);
            }
        }
        return new SheetRow(row.getRowNum(), cells, List.copyOf(unreadable));
    }

    private static String text(Cell cell, Column column) throws CellParser.BadCell {
        Object value = cell == null ? null : cell.getValue();
        if (value instanceof BigDecimal number) {
            return number(number, column);
        }
        return value == null ? "" : value.toString().strip();
    }

    /**
     * A number cell as the import reads it: in a text column its exact digits, refused when it has more than
     * Excel keeps; in any other column as Excel shows it, to 15 significant digits (so 0.30000000000000004 is 0.3).
     */
    static String number(BigDecimal number, Column column) throws CellParser.BadCell {
        if (column != null && !column.numeric()) {
            BigDecimal whole = number.stripTrailingZeros();
            if (whole.scale() <= 0) {
                String digits = whole.toPlainString();
                if (digits.replace("-", "").length() > EXACT_DIGITS) {
                    throw CellParser.roundedByExcel(column, digits);
                }
                return digits;
            }
        }
        return number.round(new MathContext(EXACT_DIGITS)).stripTrailingZeros().toPlainString();
    }

    @Override
    public void close() throws IOException {
        stream.close();
        workbook.close();
    }

    private static void close(ReadableWorkbook workbook) throws IOException {
        if (workbook != null) {
            workbook.close();
        }
    }

    private record SheetRow(long line, String[] cells, List<HouseholdReader.Problem> unreadable) implements Row {
        @Override
        public int size() {
            return cells.length;
        }

        @Override
        public String cell(int index) {
            return index < cells.length ? cells[index] : "";
        }
    }
}
