package org.fupin.plugin.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.fupin.registry.model.HouseholdStatus;
import org.fupin.registry.model.Relation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The kit on a program declared without Java (test resources: 健康扶贫 inpatient assistance). */
class TestRuleContextTest {
    static final ProgramUnderTest HEALTH = ProgramUnderTest.declaredOnly(TestRuleContextTest.class).assertValid();
    static final org.fupin.registry.model.Member HEAD = Households.member("m-1", "王大山", 45).relation(Relation.HEAD).build();

    @ParameterizedTest(name = "{0}: yearCap {1}")
    @CsvSource({ "2023, 10000", "2024, 12000", "2025, 12000", "2026, 15000", "2027, 15000" })
    void parametersResolveAsOnThePlatform(int year, BigDecimal cap) {
        var context = HEALTH.context(Households.household(HouseholdStatus.POOR, HEAD), LocalDate.of(2026, 5, 1))
                .withProvinceValue("yearCap", 2024, "12000")
                .withCountyValue("yearCap", 2026, "15000");

        assertEquals(0, cap.compareTo(context.parameters(year).value("yearCap")));
        assertEquals(Set.of("yearCap"), context.parametersRead());
    }

    @Test
    void anUndeclaredParameterIsAMistakeInTheTest() {
        var context = HEALTH.context(Households.household(HouseholdStatus.POOR, HEAD), LocalDate.of(2026, 5, 1));

        assertThrows(IllegalArgumentException.class, () -> context.withCountyValue("cap", 2026, "1"));
        assertThrows(IllegalArgumentException.class, () -> context.parameters().value("cap"));
    }

    @Test
    void theDeclaredProgramRunsItsGrantsAndHouseholdStatuses() {
        var household = Households.household(HouseholdStatus.POOR, HEAD);
        var application = HEALTH.application("a-1", household, "FILED", Map.of("patient", "m-1", "hospital", "市医院"));
        var context = HEALTH.context(household, LocalDate.of(2026, 5, 1));

        var grants = HEALTH.program().benefits(ProgramUnderTest.step("pay", application,
                Map.of("amount", new BigDecimal("800"))), context);
        var refused = HEALTH.program().check(HEALTH.filing(household, Map.of("patient", "m-1")),
                context.withHousehold(Households.household(HouseholdStatus.EXITED, HEAD)));

        assertEquals("m-1", application.memberId());
        assertEquals(0, new BigDecimal("800").compareTo(grants.get(0).amount()));
        assertEquals("health.household-status", refused.get(0).rule());
    }
}
