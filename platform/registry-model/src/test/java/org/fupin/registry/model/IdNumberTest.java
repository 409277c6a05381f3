package org.fupin.registry.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GB 11643-1999, with the published test numbers and every way a number can be wrong. */
class IdNumberTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @ParameterizedTest(name = "{0} is valid: {1}, born {2}")
    @CsvSource(delimiter = '|', textBlock = """
            11010519491231002X | 11010519491231002X | 1949-12-31 | FEMALE
            440524188001010014 | 440524188001010014 | 1880-01-01 | MALE
            11010519491231002x | 11010519491231002X | 1949-12-31 | FEMALE
            ' 440524188001010014 ' | 440524188001010014 | 1880-01-01 | MALE
            110105491231002     | 11010519491231002X | 1949-12-31 | FEMALE
            """)
    void acceptsValidNumbersAndNormalisesThem(String raw, String stored, LocalDate born, Sex sex) {
        var check = IdNumber.check(raw, TODAY);

        assertTrue(check.valid(), () -> check.problem().en());
        assertEquals(stored, check.number().value());
        assertEquals(born, check.number().birthDate());
        assertEquals(sex, check.number().sex());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                  | ID number is required
            11010519491231002   | ID number must have 18 characters (or 15 for old numbers), got 17
            1101051949123100211 | ID number must have 18 characters (or 15 for old numbers), got 19
            11010519491231002Y  | the 18th character must be a digit or X
            1101051949123A002X  | the first 17 characters of an ID number are digits
            110105194902300021  | birth date 19490230 in the ID number is not a real date
            110105202701010011  | birth date 2027-01-01 is in the future
            110105187901010012  | birth year 1879 is implausible
            110105194912310021  | the check character is wrong (expected X)
            11010549123100A     | a 15-digit ID number has digits only
            """)
    void rejectsWithTheReason(String raw, String reason) {
        var check = IdNumber.check(raw, TODAY);

        assertFalse(check.valid());
        assertNull(check.number());
        assertEquals(reason, check.problem().en());
        assertFalse(check.problem().zh().isBlank());
    }

    @Test
    void leapDaysAreRealDatesOnlyInLeapYears() {
        String leap = "11010520000229001";
        String notLeap = "11010519000229001";

        assertTrue(IdNumber.check(leap + IdNumber.checkCharacter(leap), TODAY).valid());
        assertFalse(IdNumber.check(notLeap + IdNumber.checkCharacter(notLeap), TODAY).valid());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            1970-03-01 | 2026-02-28 | 55
            1970-03-01 | 2026-03-01 | 56
            2026-05-01 | 2026-11-22 | 0
            """)
    void ageCountsWholeYears(LocalDate born, LocalDate on, int age) {
        String body = "620502" + born.toString().replace("-", "") + "001";

        assertEquals(age, new IdNumber(body + IdNumber.checkCharacter(body)).ageOn(on));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            620502197003010011 | 620502********0011
            11010519491231002X | 110105********002X
            12345              | 12345
            """)
    void masksTheMiddle(String number, String masked) {
        assertEquals(masked, IdNumber.mask(number));
    }
}
