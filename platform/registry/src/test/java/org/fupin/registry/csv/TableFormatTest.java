package org.fupin.registry.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which format a download is asked for: the parameter first, then the most wanted accepted type. */
class TableFormatTest {
    static final String XLSX = XlsxTableWriter.MEDIA_TYPE;

    @ParameterizedTest(name = "format={0}, Accept {1}: {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            -     | -                                        | JSON
            xlsx  | -                                        | XLSX
            XLSX  | application/json                         | XLSX
            csv   | application/json                         | CSV
            json  | text/csv                                 | JSON
            ' '   | text/csv                                 | CSV
            -     | application/vnd.openxmlformats-officedocument.spreadsheetml.sheet | XLSX
            -     | application/json text/csv                | JSON
            -     | text/csv application/json                | CSV
            -     | */* text/csv                             | JSON
            -     | text/html application/xhtml+xml */*      | JSON
            -     | text/html text/csv                       | CSV
            xls   | -                                        | -
            """)
    void choosesTheFormat(String parameter, String accepted, TableFormat chosen) {
        List<String> types = accepted == null ? List.of() : Arrays.asList(accepted.split(" "));

        assertEquals(Optional.ofNullable(chosen), TableFormat.of(parameter, types));
    }
}
