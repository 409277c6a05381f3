package org.fupin.programs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;

import org.fupin.program.api.Transition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScheduledTransitionsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            the 89th day after the last step is early      | 90 | -       | 2026-09-01T10:00:00Z | -          | 2026-11-29 | false
            the 90th day is due                            | 90 | -       | 2026-09-01T10:00:00Z | -          | 2026-11-30 | true
            a step late in the evening counts in Beijing   | 1  | -       | 2026-09-01T17:00:00Z | -          | 2026-09-03 | true
            not yet: the same Beijing day plus one         | 1  | -       | 2026-09-01T17:00:00Z | -          | 2026-09-02 | false
            the due date itself is not yet past            | -  | dueDate | 2026-09-01T10:00:00Z | 2026-12-06 | 2026-12-06 | false
            the day after the due date                     | -  | dueDate | 2026-09-01T10:00:00Z | 2026-12-06 | 2026-12-07 | true
            no due date given                              | -  | dueDate | 2026-09-01T10:00:00Z | -          | 2027-01-01 | false
            """)
    void dueOnThePlatformsDayInBeijing(String what, Integer afterDays, String dateField, String lastStep,
            String dueDate, String today, boolean due) {
        String data = dueDate == null ? "{}" : "{\"dueDate\":\"" + dueDate + "\"}";

        assertEquals(due, ScheduledTransitions.due(new Transition.Schedule(afterDays, dateField),
                Instant.parse(lastStep), data, LocalDate.parse(today)));
    }
}
