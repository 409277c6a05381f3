package org.fupin.pairing.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * Working days for the demo's attendance: Monday to Friday, less China's public holidays of 2025 and 2026 (the days
 * off the State Council announced; the weekend days worked in exchange are left out). The platform's own calendar is
 * not part of the plugin API.
 */
final class WorkingDays {
    private static final List<LocalDate[]> HOLIDAYS = List.of(
            days("2025-01-01", "2025-01-01"), days("2025-01-28", "2025-02-04"), days("2025-04-04", "2025-04-06"),
            days("2025-05-01", "2025-05-05"), days("2025-05-31", "2025-06-02"), days("2025-10-01", "2025-10-08"),
            days("2026-01-01", "2026-01-03"), days("2026-02-15", "2026-02-23"), days("2026-04-04", "2026-04-06"),
            days("2026-05-01", "2026-05-05"), days("2026-06-19", "2026-06-21"), days("2026-09-25", "2026-09-27"),
            days("2026-10-01", "2026-10-07"));

    private WorkingDays() {
    }

    static boolean working(LocalDate day) {
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return false;
        }
        return HOLIDAYS.stream().noneMatch(h -> !day.isBefore(h[0]) && !day.isAfter(h[1]));
    }

    private static LocalDate[] days(String from, String to) {
        return new LocalDate[] {LocalDate.parse(from), LocalDate.parse(to)};
    }
}
