package org.fupin.program.declaration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;

import org.fupin.program.api.Field;
import org.fupin.program.api.FieldType;
import org.fupin.program.api.Form;
import org.fupin.program.api.ParameterDefinition;
import org.fupin.program.api.ProgramDefinition;
import org.fupin.program.api.ProgramDescriptor;
import org.fupin.program.api.State;
import org.fupin.program.api.Workflow;
import org.fupin.registry.model.LocalizedText;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParameterValuesTest {
    static final LocalizedText L = new LocalizedText("标签", "label");
    static final ProgramDefinition DEFINITION = new ProgramDefinition(
            new ProgramDescriptor("test", L, "office", L, L),
            List.of(new Form("application", L, List.of(Field.of("x", FieldType.TEXT, L, false)))),
            new Workflow("NEW", List.of(State.of("NEW", L)), List.of()), List.of(),
            List.of(new ParameterDefinition("termAmount", ParameterDefinition.Type.MONEY, L, new BigDecimal("1500"),
                    BigDecimal.ZERO, new BigDecimal("10000"), L)), List.of());
    static final List<ParameterValues.RegionValue> OVERRIDES = List.of(
            new ParameterValues.RegionValue("62", 2024, "termAmount", new BigDecimal("1550")),
            new ParameterValues.RegionValue("62", 2026, "termAmount", new BigDecimal("1580")),
            new ParameterValues.RegionValue("620502", 2025, "termAmount", new BigDecimal("1600")),
            new ParameterValues.RegionValue("620503", 2020, "termAmount", new BigDecimal("1700")));

    @ParameterizedTest(name = "{0} in {1} -> {2} ({3})")
    @CsvSource(delimiter = '|', textBlock = """
            620502001003 | 2023 | 1500 | default
            620502001003 | 2024 | 1550 | province
            620502001003 | 2025 | 1600 | county
            620502001003 | 2027 | 1600 | county
            620521100200 | 2025 | 1550 | province
            620521100200 | 2026 | 1580 | province
            620503       | 2021 | 1700 | county
            63           | 2026 | 1500 | default
            ''           | 2026 | 1500 | default
            """)
    void countyOverridesProvinceOverridesDefaultFromTheirYearOn(String region, int year, String value,
            String source) {
        var values = new ParameterValues(DEFINITION, OVERRIDES, region, year);

        assertEquals(new BigDecimal(value), values.value("termAmount"));
        assertEquals(source, values.all().get(0).source());
    }
}
