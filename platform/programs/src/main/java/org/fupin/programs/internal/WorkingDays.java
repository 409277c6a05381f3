package org.fupin.programs.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * China's working days (工作日): Monday to Friday, less the public holidays, plus the weekend days worked in their
 * place (调休), as the State Council announces them each year. The defaults are the announced arrangements for 2025 and
 * 2026; an operator adds the next year's in {@code conf/org.fupin.calendar.cfg} once it is announced. A year not
 * configured counts weekdays only (logged once).
 */
@Component(service = WorkingDays.class, configurationPid = WorkingDays.PID)
@Designate(ocd = WorkingDays.Config.class)
public class WorkingDays {
    static final String PID = "org.fupin.calendar";
    private static final Logger LOG = LoggerFactory.getLogger(WorkingDays.class);

    @ObjectClassDefinition(name = "Fupin working-day calendar",
            description = "Public holidays and the weekend days worked in their place, as the State Council announces")
    public @interface Config {
        @AttributeDefinition(name = "Public holidays (yyyy-MM-dd)")
        String[] holidays() default {
            // 2025 (国办发明电〔2024〕12号)
            "2025-01-01", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-01", "2025-02-02",
            "2025-02-03", "2025-02-04", "2025-04-04", "2025-04-05", "2025-04-06", "2025-05-01", "2025-05-02",
            "2025-05-03", "2025-05-04", "2025-05-05", "2025-05-31", "2025-06-01", "2025-06-02", "2025-10-01",
            "2025-10-02", "2025-10-03", "2025-10-04", "2025-10-05", "2025-10-06", "2025-10-07", "2025-10-08",
            // 2026
            "2026-01-01", "2026-01-02", "2026-01-03", "2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18",
            "2026-02-19", "2026-02-20", "2026-02-21", "2026-02-22", "2026-02-23", "2026-04-04", "2026-04-05",
            "2026-04-06", "2026-05-01", "2026-05-02", "2026-05-03", "2026-05-04", "2026-05-05", "2026-06-19",
            "2026-06-20", "2026-06-21", "2026-09-25", "2026-09-26", "2026-09-27", "2026-10-01", "2026-10-02",
            "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07" };

        @AttributeDefinition(name = "Weekend days worked (调休, yyyy-MM-dd)")
        String[] workdays() default {
            "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
            "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10" };

        @AttributeDefinition(name = "More public holidays",
                description = "Added to the built-in ones: a later year's, comma-separated (yyyy-MM-dd)", required = false)
        String[] extraHolidays() default {};

        @AttributeDefinition(name = "More weekend days worked",
                description = "Added to the built-in ones, comma-separated (yyyy-MM-dd)", required = false)
        String[] extraWorkdays() default {};
    }

    private volatile Calendar calendar;
    private final Set<Integer> warned = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** The configured days, and the years they cover. */
    private record Calendar(Set<LocalDate> holidays, Set<LocalDate> workdays, Set<Integer> years) {
    }

    @Activate
    public WorkingDays(Config config) {
        modified(config);
    }

    WorkingDays(String[] holidays, String[] workdays) {
        calendar = calendar(holidays, workdays);
    }

    @Modified
    void modified(Config config) {
        calendar = calendar(join(config.holidays(), config.extraHolidays()),
                join(config.workdays(), config.extraWorkdays()));
        LOG.info("Working-day calendar for {}", calendar.years());
    }

    public boolean isWorkingDay(LocalDate day) {
        Calendar c = calendar;
        if (c.workdays().contains(day)) {
            return true;
        }
        return !c.holidays().contains(day) && day.getDayOfWeek() != DayOfWeek.SATURDAY
                && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The {@code days}-th working day after {@code from} (自…之日起 N 个工作日: {@code from} itself does not count). */
    public LocalDate plus(LocalDate from, int days) {
        LocalDate day = from;
        for (int counted = 0; counted < days;) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        if (!calendar.years().contains(day.getYear()) && warned.add(day.getYear())) {
            LOG.warn("The working-day calendar has no holidays for {}: counting weekdays only (add them in {})",
                    day.getYear(), PID);
        }
        return day;
    }

    /** The years the configured holidays cover. */
    public Set<Integer> years() {
        return calendar.years();
    }

    private static Calendar calendar(String[] holidays, String[] workdays) {
        Set<LocalDate> off = dates(holidays);
        Set<LocalDate> on = dates(workdays);
        Set<Integer> years = off.stream().map(LocalDate::getYear).collect(Collectors.toCollection(TreeSet::new));
        return new Calendar(Set.copyOf(off), Set.copyOf(on), Set.copyOf(years));
    }

    private static String[] join(String[] builtIn, String[] extra) {
        var all = new java.util.ArrayList<>(Arrays.asList(builtIn == null ? new String[0] : builtIn));
        all.addAll(Arrays.asList(extra == null ? new String[0] : extra));
        return all.toArray(String[]::new);
    }

    /** Dates, each value one date or several separated by commas or spaces (as a {@code .cfg} line gives them). */
    private static Set<LocalDate> dates(String[] values) {
        Set<LocalDate> dates = new TreeSet<>();
        for (String value : values == null ? new String[0] : values) {
            for (String date : value.strip().split("[,\\s]+")) {
                if (date.isEmpty()) {
                    continue;
                }
                try {
                    dates.add(LocalDate.parse(date));
                } catch (DateTimeParseException e) {
                    LOG.error("Working-day calendar: {} is not a date (yyyy-MM-dd); ignored", date);
                }
            }
        }
        return dates;
    }

    @Override
    public String toString() {
        return "WorkingDays" + Arrays.toString(calendar.years().toArray());
    }
}
