package org.fupin.programs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fupin.program.api.Field;
import org.fupin.program.api.FieldType;
import org.fupin.program.api.Form;
import org.fupin.program.api.ParameterDefinition;
import org.fupin.program.api.ProgramDefinition;
import org.fupin.program.api.ProgramDescriptor;
import org.fupin.program.api.ReportDefinition;
import org.fupin.program.api.State;
import org.fupin.program.api.Workflow;
import org.fupin.program.declaration.ParameterValues;
import org.fupin.registry.model.LocalizedText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Who falls short of a minimum, as of a day: a resident team is in its village at least 220 days a year and each
 * member at least 90 (汉中 [004]); prorated, the minimum is what the year so far asks, rounded down.
 */
class ReportMinimumTest {
    static final LocalizedText L = new LocalizedText("标签", "label");
    static final ProgramDefinition PROGRAM = new ProgramDefinition(new ProgramDescriptor("pairing", L, "office", L, L),
            List.of(new Form(Form.APPLICATION, L, List.of(Field.of("x", FieldType.TEXT, L, false)))),
            new Workflow("A", List.of(State.of("A", L)), List.of()), List.of(),
            List.of(parameter("teamMinDays", 220), parameter("memberMinDays", 90)), List.of());

    static ParameterDefinition parameter(String name, int value) {
        return new ParameterDefinition(name, ParameterDefinition.Type.INTEGER, L, BigDecimal.valueOf(value), null,
                null, L);
    }

    static ReportDefinition presence(String parameter, boolean prorated) {
        return new ReportDefinition("presence", L, ReportDefinition.Source.ENTRIES, List.of(), List.of(
                new ReportDefinition.Measure(ReportDefinition.Measure.Kind.DAYS, L)), null, "team", "attendance",
                List.of(), new ReportDefinition.Minimum("days", parameter, prorated), false);
    }

    static ReportEngine.Row row(long days) {
        Map<String, Number> values = new LinkedHashMap<>();
        values.put("days", days);
        return new ReportEngine.Row(Map.of(), Map.of(), values);
    }

    @ParameterizedTest(name = "{0} as of {1} (prorated {2}), {3} days: minimum {4}, short {5}")
    @CsvSource({
            "teamMinDays,   2026-12-31, true,  220, 220, 0",
            "teamMinDays,   2026-12-31, true,  219, 220, 1",
            "teamMinDays,   2026-07-01, true,  109, 109, 0",
            "teamMinDays,   2026-07-01, true,  100, 109, 9",
            "teamMinDays,   2026-07-01, false, 109, 220, 111",
            "teamMinDays,   2024-12-31, true,  220, 220, 0",
            "teamMinDays,   2026-01-01, true,    0,   0, 0",
            "memberMinDays, 2026-03-31, true,   22,  22, 0",
            "memberMinDays, 2026-03-31, true,   21,  22, 1",
            "memberMinDays, 2026-12-31, true,   90,  90, 0",
            "memberMinDays, 2026-12-31, true,   89,  90, 1",
    })
    void aRowIsShortOfTheMinimumTheYearAsksUpToTheDay(String parameter, LocalDate asOf, boolean prorated,
            long days, int minimum, int shortOf) {
        var rows = ReportEngine.minimum(presence(parameter, prorated), new ArrayList<>(List.of(row(days))),
                new ParameterValues(PROGRAM, List.of(), "620502", asOf.getYear()),
                new ReportEngine.Window(asOf.getYear(), asOf, false, asOf));

        // whole days as whole numbers (220, not 220.0 or 2.2E+2)
        assertEquals((long) minimum, rows.get(0).values().get("minimum"));
        assertEquals((long) shortOf, rows.get(0).values().get("short"));
    }

    @Test
    void aMinimumWithDecimalsKeepsThem() {
        var program = new ProgramDefinition(PROGRAM.descriptor(), PROGRAM.forms(), PROGRAM.workflow(), List.of(),
                List.of(new ParameterDefinition("teamMinDays", ParameterDefinition.Type.DECIMAL, L,
                        new BigDecimal("2.5"), null, null, L)), List.of());
        var asOf = LocalDate.of(2026, 12, 31);
        var rows = ReportEngine.minimum(presence("teamMinDays", false), new ArrayList<>(List.of(row(1))),
                new ParameterValues(program, List.of(), "620502", 2026), new ReportEngine.Window(2026, asOf, false, asOf));

        assertEquals(new BigDecimal("2.5"), rows.get(0).values().get("minimum"));
        assertEquals(new BigDecimal("1.5"), rows.get(0).values().get("short"));
    }

    @Test
    void onlyTheRowsShortOfItWhenAskedWithTheProvincesOwnMinimum() {
        var gansu = List.of(new ParameterValues.RegionValue("62", 2025, "teamMinDays", BigDecimal.valueOf(200)));
        var asOf = LocalDate.of(2025, 12, 31);
        var rows = ReportEngine.minimum(presence("teamMinDays", true), new ArrayList<>(List.of(row(230), row(199),
                row(200), row(12))), new ParameterValues(PROGRAM, gansu, "620502", 2025),
                new ReportEngine.Window(2025, asOf, true, LocalDate.of(2026, 12, 6)));

        assertEquals(List.of(199L, 12L), rows.stream().map(r -> r.values().get("days")).toList());
        assertEquals(List.of(1L, 188L), rows.stream().map(r -> r.values().get("short")).toList());
    }

    @ParameterizedTest(name = "year {0}, as of {1}, today 2026-12-06: counted for {2} up to {3}")
    @CsvSource({
            ",     ,           2026, 2026-12-06",
            "2025, ,           2025, 2025-12-31",
            ",     2026-06-30, 2026, 2026-06-30",
            "2026, 2026-03-01, 2026, 2026-03-01",
    })
    void aReportWithAMinimumIsCountedForOneYearUpToADay(Integer year, LocalDate asOf, int countedYear,
            LocalDate upTo) {
        var window = new ReportEngine.Window(year, asOf, false, LocalDate.of(2026, 12, 6))
                .settled(presence("teamMinDays", true));

        assertEquals(countedYear, window.year());
        assertEquals(upTo, window.asOf());
    }
}
