package org.fupin.registry.internal.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** The records of an RFC 4180 CSV; surrounding spaces and empty lines are ignored. */
public final class CsvRows implements ImportRows {
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;

    public CsvRows(Reader reader) throws IOException {
        parser = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get()
                .parse(reader);
        records = parser.iterator();
    }

    @Override
    public Row next() {
        return records.hasNext() ? new Record(records.next()) : null;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private record Record(CSVRecord record) implements Row {
        @Override
        public long line() {
            // a record spanning several lines (a quoted line break) counts once
            return record.getRecordNumber();
        }

        @Override
        public int size() {
            return record.size();
        }

        @Override
        public String cell(int index) {
            return index < record.size() ? record.get(index).strip() : "";
        }

        @Override
        public List<HouseholdReader.Problem> unreadable() {
            return List.of();
        }
    }
}
