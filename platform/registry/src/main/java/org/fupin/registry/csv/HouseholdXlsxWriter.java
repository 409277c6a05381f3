package org.fupin.registry.csv;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;

import org.fupin.registry.api.ExtensionField;
import org.fupin.registry.model.Household;

/**
 * Writes households in the import format as an XLSX workbook (see {@link XlsxTableWriter}): the CSV's rows and
 * Chinese headers, ID numbers, bank accounts and codes as text cells, amounts, areas, years and counts as numbers.
 */
public final class HouseholdXlsxWriter implements HouseholdTableWriter {
    static final String SHEET = "建档立卡户";
    private static final List<XlsxTableWriter.Heading> HEADINGS = Arrays.stream(Column.values())
            .map(c -> new XlsxTableWriter.Heading(c.header(), c.numeric())).toList();

    private final XlsxTableWriter table;
    private final HouseholdRows rows;

    /** Starts the workbook with the header row; {@link #close()} finishes it and leaves {@code out} open. */
    public HouseholdXlsxWriter(OutputStream out) {
        this(out, List.of());
    }

    /** As {@link #HouseholdXlsxWriter(OutputStream)}, with a column for each of the programs' household fields. */
    public HouseholdXlsxWriter(OutputStream out, List<ExtensionField> extensions) {
        rows = new HouseholdRows(extensions);
        var headings = new java.util.ArrayList<>(HEADINGS);
        extensions.forEach(field -> headings.add(new XlsxTableWriter.Heading(ExtensionColumns.header(field),
                ExtensionColumns.numeric(field))));
        table = new XlsxTableWriter(out, SHEET, headings);
    }

    /** Writes a household's rows; its key (户编号) is its registry id, or its position in the file when it has none. */
    @Override
    public void write(Household household) throws IOException {
        for (List<Object> row : rows.of(household)) {
            table.row(row);
        }
    }

    @Override
    public void close() throws IOException {
        table.close();
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
