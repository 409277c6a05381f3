package org.fupin.registry.internal.csv;

import java.io.IOException;
import java.util.List;

/** The rows of an import file, CSV or XLSX, the header row first. */
public interface ImportRows extends AutoCloseable {
    /** A row: where it is in the file and its cells as text. */
    interface Row {
        /** The CSV's record number or the worksheet's row number (the header is 1). */
        long line();

        int size();

        /** The cell's text, stripped; empty when the row has no such cell. */
        String cell(int index);

        /** Cells whose text cannot be trusted: numbers whose last digits Excel has already lost. */
        List<HouseholdReader.Problem> unreadable();
    }

    /**
     * The next row, or {@code null} after the last.
     *
     * @throws java.io.UncheckedIOException where the file breaks
     */
    Row next();

    @Override
    void close() throws IOException;
}
