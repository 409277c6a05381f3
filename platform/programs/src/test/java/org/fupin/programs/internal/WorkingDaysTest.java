package org.fupin.programs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.annotation.Annotation;
import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Working days by the shipped calendar — the State Council's holidays and 调休 of 2025 and 2026 — and one holiday an
 * operator adds (New Year's Day 2027).
 */
class WorkingDaysTest {
    static final WorkingDays CALENDAR = new WorkingDays(defaults());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a Tuesday to the Wednesday                          | 2026-12-01 | 1 | 2026-12-02
            a Friday to the Monday                              | 2026-12-04 | 1 | 2026-12-07
            five working days over a weekend                    | 2026-12-04 | 5 | 2026-12-11
            the National Day week is off                        | 2025-09-30 | 1 | 2025-10-09
            the Sunday before it is worked (调休)               | 2025-09-26 | 1 | 2025-09-28
            the Saturday after it is worked too                 | 2025-10-09 | 2 | 2025-10-11
            Spring Festival 2026: the Saturday before is worked | 2026-02-13 | 1 | 2026-02-14
            then nine days off                                  | 2026-02-14 | 1 | 2026-02-24
            seven working days across Spring Festival           | 2026-02-12 | 7 | 2026-02-28
            New Year 2026: the Sunday after is worked           | 2025-12-31 | 1 | 2026-01-04
            Labour Day 2026 and its make-up Saturday            | 2026-04-30 | 4 | 2026-05-09
            a year without holidays configured: weekdays only   | 2027-01-04 | 1 | 2027-01-05
            a holiday added by the operator                     | 2026-12-31 | 1 | 2027-01-04
            """)
    void countsTheWorkingDaysAfterADay(String what, LocalDate from, int days, LocalDate expected) {
        assertEquals(expected, CALENDAR.plus(from, days));
    }

    /** The component's configuration with every default, as DS gives it when nothing is configured. */
    static WorkingDays.Config defaults() {
        return new WorkingDays.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return WorkingDays.Config.class;
            }

            @Override
            public String[] holidays() {
                return (String[]) value("holidays");
            }

            @Override
            public String[] workdays() {
                return (String[]) value("workdays");
            }

            @Override
            public String[] extraHolidays() {
                return new String[] {"2027-01-01"};
            }

            @Override
            public String[] extraWorkdays() {
                return new String[0];
            }

            private Object value(String name) {
                try {
                    return WorkingDays.Config.class.getMethod(name).getDefaultValue();
                } catch (NoSuchMethodException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }
}
