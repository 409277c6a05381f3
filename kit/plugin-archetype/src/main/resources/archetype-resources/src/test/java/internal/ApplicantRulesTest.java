package ${package}.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.fupin.plugin.testkit.Households;
import org.fupin.plugin.testkit.ProgramUnderTest;
import org.fupin.program.api.Reason;
import org.fupin.registry.model.HouseholdStatus;
import org.fupin.registry.model.Relation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApplicantRulesTest {
    /** The program exactly as the platform runs it; fails here with every problem the platform would refuse. */
    static final ProgramUnderTest PROGRAM = ProgramUnderTest.of(new ApplicantRules()).assertValid();

    @ParameterizedTest(name = "age {0}, minAge {1}, maxAge {2}: refused {3}")
    @CsvSource({
            "15,   ,   , true",
            "16,   ,   , false",
            "60,   ,   , false",
            "61,   ,   , true",
            "17, 18,   , true",
            "18, 18,   , false",
            "66,   , 65, true",
    })
    void theApplicantsAgeIsWithinTheParameters(int age, String minAge, String maxAge, boolean refused) {
        var head = Households.member("m-1", "王大山", 45).relation(Relation.HEAD).build();
        var applicant = Households.member("m-2", "王小明", age).build();
        var household = Households.household(HouseholdStatus.POOR, head, applicant);
        var context = PROGRAM.context(household, LocalDate.of(2026, 10, 15))
                .withCountyValues("minAge", minAge, "maxAge", maxAge);

        List<Reason> reasons = PROGRAM.program().check(PROGRAM.filing(household,
                Map.of("applicant", "m-2", "purpose", "养殖")), context);

        assertEquals(refused ? List.of(ApplicantRules.AGE) : List.of(), reasons.stream().map(Reason::rule).toList());
    }

    @Test
    void anExitedHouseholdCannotApply() {
        var applicant = Households.member("m-1", "王大山", 45).relation(Relation.HEAD).build();
        var household = Households.household(HouseholdStatus.EXITED, applicant);

        var verdict = PROGRAM.program().eligibility(PROGRAM.context(household, LocalDate.of(2026, 10, 15)));

        assertEquals(false, verdict.eligible());
    }

    @Test
    void aPaymentGrantsTheYearlyAmount() {
        var applicant = Households.member("m-1", "王大山", 45).relation(Relation.HEAD).build();
        var household = Households.household(HouseholdStatus.POOR, applicant);
        var approved = PROGRAM.application("a-1", household, "APPROVED", Map.of("applicant", "m-1", "purpose", "养殖"));

        var grants = PROGRAM.program().benefits(ProgramUnderTest.step("pay", approved, Map.of("voucher", "PZ-001")),
                PROGRAM.context(household, LocalDate.of(2026, 10, 15)).withCountyValue("grantAmount", 2026, "1200"));

        assertEquals(1, grants.size());
        assertEquals(0, new java.math.BigDecimal("1200").compareTo(grants.get(0).amount()));
        assertEquals(2026, grants.get(0).year());
    }
}
