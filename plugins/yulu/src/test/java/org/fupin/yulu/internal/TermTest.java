package org.fupin.yulu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.fupin.program.api.ProgramMessages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TermTest {
    private static final ProgramMessages MESSAGES = ProgramMessages.load(YuluRules.class, ProgramMessages.DECLARED);

    @ParameterizedTest(name = "{0} {1}: {2}, {3} to {4}")
    @CsvSource({
            "2026, AUTUMN, 2026-09, 2026-09-01, 2027-01-31",
            "2027, SPRING, 2027-02, 2027-02-01, 2027-07-31",
            "2028, SPRING, 2028-02, 2028-02-01, 2028-07-31",
            "2028, AUTUMN, 2028-09, 2028-09-01, 2029-01-31",
    })
    void periodStartAndEnd(int year, Term.Season season, String period, LocalDate start, LocalDate end) {
        Term term = new Term(year, season);

        assertEquals(period, term.period());
        assertEquals(start, term.start());
        assertEquals(end, term.end());
    }

    @ParameterizedTest(name = "enrolled {0} for {1} years: {2} {3} to {4} {5}")
    @CsvSource({
            "2025, 3, 2025, AUTUMN, 2028, SPRING",
            "2024, 1, 2024, AUTUMN, 2025, SPRING",
            "2026, 5, 2026, AUTUMN, 2031, SPRING",
    })
    void firstAndLastTermOfAProgramme(int enrolmentYear, int programmeYears, int firstYear, Term.Season firstSeason,
            int lastYear, Term.Season lastSeason) {
        assertEquals(new Term(firstYear, firstSeason), Term.first(enrolmentYear));
        assertEquals(new Term(lastYear, lastSeason), Term.last(enrolmentYear, programmeYears));
    }

    @Test
    void termsSortInTimeOrder() {
        List<Term> inOrder = List.of(new Term(2025, Term.Season.AUTUMN), new Term(2026, Term.Season.SPRING),
                new Term(2026, Term.Season.AUTUMN), new Term(2027, Term.Season.SPRING));
        List<Term> shuffled = new ArrayList<>(inOrder);
        Collections.reverse(shuffled);
        Collections.sort(shuffled);

        assertEquals(inOrder, shuffled);
        for (int i = 1; i < inOrder.size(); i++) {
            assertEquals(-1, Integer.signum(inOrder.get(i - 1).start().compareTo(inOrder.get(i).start())));
            // reports sort periods by key, so the keys must sort as the terms do
            assertEquals(-1, Integer.signum(inOrder.get(i - 1).period().compareTo(inOrder.get(i).period())));
        }
    }

    @ParameterizedTest(name = "{0} {1}: {2} / {3}")
    @CsvSource({
            "2026, AUTUMN, 2026年秋季学期, autumn term 2026",
            "2027, SPRING, 2027年春季学期, spring term 2027",
    })
    void labels(int year, Term.Season season, String zh, String en) {
        var label = new Term(year, season).label(MESSAGES);

        assertEquals(zh, label.zh());
        assertEquals(en, label.en());
    }
}
