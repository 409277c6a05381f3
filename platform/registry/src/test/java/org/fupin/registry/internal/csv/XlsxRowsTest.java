package org.fupin.registry.internal.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.fupin.registry.csv.Column;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a number that Excel stored reads in each kind of column. */
class XlsxRowsTest {
    @ParameterizedTest(name = "{0} in {1} reads {2}")
    @CsvSource({
            // a code typed into a General cell: exact while it has at most 15 digits
            "620502900101123,      ID_NUMBER,       620502900101123",
            "620502101202,         VILLAGE,         620502101202",
            "6.20502101202E+11,    VILLAGE,         620502101202",
            "13912345678,          PHONE,           13912345678",
            "1.0,                  KEY,             1",
            "3,                    GROUP,           3",
            "1.5,                  GROUP,           1.5",
            // quantities, as Excel shows them
            "8000,                 WAGE,            8000",
            "8000.50,              WAGE,            8000.5",
            "0.30000000000000004,  TRANSFER,        0.3",
            "1E+3,                 AREA,            1000",
            "2014,                 IDENTIFIED_YEAR, 2014",
            "12,                   WORK_MONTHS,     12",
    })
    void readsNumbersAsTheirDigits(String stored, Column column, String read) throws CellParser.BadCell {
        assertEquals(read, XlsxRows.number(new BigDecimal(stored), column));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({
            // Excel kept 15 significant digits of an 18-digit ID number and wrote the double back
            "6.20502199001011E+17, ID_NUMBER,              620502199001011000",
            "620502199001011000,   ID_NUMBER,              620502199001011000",
            "6228480012345678901,  ACCOUNT,                6228480012345678901",
            "6.2050219900101101E+19, DISABILITY_CERTIFICATE, 62050219900101101000",
    })
    void refusesNumbersThatLostDigits(String stored, Column column, String shown) {
        var bad = assertThrows(CellParser.BadCell.class, () -> XlsxRows.number(new BigDecimal(stored), column));

        assertEquals(column, bad.column);
        assertTrue(bad.zh.startsWith(column.header() + "“" + shown + "”"), bad.zh);
        assertTrue(bad.en.contains("format the column as Text"), bad.en);
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource({"6.20502E+17, ID_NUMBER", "6.20502E+11, VILLAGE", "6.22848E+18, ACCOUNT", "1.39123E+10, PHONE"})
    void refusesWhatExcelShowsOfARoundedNumber(String cell, Column column) {
        var bad = assertThrows(CellParser.BadCell.class, () -> CellParser.digits(column, cell));

        assertTrue(bad.zh.contains("Excel"), bad.zh);
    }

    @ParameterizedTest
    @CsvSource({"62050219900101123X", "620502199001011234", "+86 13912345678", "''"})
    void takesCodesThatKeptTheirDigits(String cell) throws CellParser.BadCell {
        assertEquals(cell, CellParser.digits(Column.ID_NUMBER, cell));
    }
}
