package org.fupin.plugin.testkit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.fupin.program.api.Application;
import org.fupin.program.api.Benefit;
import org.fupin.program.api.Form;
import org.fupin.program.api.ProgramDefinition;
import org.fupin.program.api.ProgramRules;
import org.fupin.program.api.Step;
import org.fupin.program.declaration.Declaration;
import org.fupin.program.declaration.DeclaredProgram;
import org.fupin.program.declaration.ProgramDeclarations;
import org.fupin.program.declaration.Resources;
import org.fupin.registry.model.Household;
import org.fupin.registry.model.LocalizedText;

/**
 * A plugin's program in its own tests, exactly as the platform runs it: the declaration read from
 * {@code PROGRAM-INF/} on the test class path by the platform's reader and checker, the declared rules (household
 * statuses, grants) first, then the plugin's {@link ProgramRules}.
 *
 * <pre>{@code
 * static final ProgramUnderTest PROGRAM = ProgramUnderTest.of(new HealthRules()).assertValid();
 * ...
 * var household = Households.household(HouseholdStatus.POOR, head, patient);
 * var context = PROGRAM.context(household, LocalDate.of(2026, 10, 15));
 * assertEquals(List.of(), PROGRAM.program().check(PROGRAM.filing(household, data), context));
 * }</pre>
 */
public final class ProgramUnderTest {
    private final Declaration declaration;
    private final ProgramRules rules;

    private ProgramUnderTest(Declaration declaration, ProgramRules rules) {
        this.declaration = declaration;
        this.rules = rules;
    }

    /** The program declared on the class path of {@code rules}, with those rules. */
    public static ProgramUnderTest of(ProgramRules rules) {
        return new ProgramUnderTest(ProgramDeclarations.read(Resources.of(rules.getClass().getClassLoader())), rules);
    }

    /** A program declared without Java, on the class path of {@code anchor} (any class of the plugin's tests). */
    public static ProgramUnderTest declaredOnly(Class<?> anchor) {
        return new ProgramUnderTest(ProgramDeclarations.read(Resources.of(anchor.getClassLoader())),
                DeclaredProgram.NO_RULES);
    }

    /**
     * Fails with every problem the platform would refuse the declaration for (the same checker runs at upload);
     * returns this program.
     */
    public ProgramUnderTest assertValid() {
        var problems = declaration.problems();
        if (!problems.isEmpty()) {
            throw new AssertionError("the platform would refuse this program's declaration:\n" + IntStream
                    .range(0, problems.size()).mapToObj(i -> (i + 1) + ". " + problems.get(i))
                    .collect(Collectors.joining("\n")));
        }
        return this;
    }

    /** The program as the platform runs it; fails when the declaration has problems. */
    public DeclaredProgram program() {
        assertValid();
        return new DeclaredProgram(declaration, rules);
    }

    public ProgramDefinition definition() {
        assertValid();
        return declaration.definition();
    }

    public Declaration declaration() {
        return declaration;
    }

    /**
     * The step of filing {@code data} for {@code household}, as the platform asks the rules about it: the draft
     * application in the initial state, its member taken from the form's MEMBER field.
     */
    public Step filing(Household household, Map<String, Object> data) {
        return new Step(Step.FILE, application(null, household, definition().workflow().initialState(), data), data,
                null);
    }

    /**
     * An application of this program for {@code household}, as stored: its member taken from the application
     * form's MEMBER field, filed on 20 September 2025.
     */
    public Application application(String id, Household household, String state, Map<String, Object> data,
            Benefit... benefits) {
        String member = definition().form(Form.APPLICATION).flatMap(Form::memberField)
                .map(field -> (String) data.get(field.name())).orElse(null);
        return new Application(id, definition().descriptor().id(), household.id(), member, household.villageCode(),
                state, data, 3, null, List.of(), List.of(benefits), Instant.parse("2025-09-20T02:00:00Z"),
                Instant.parse("2025-10-20T02:00:00Z"));
    }

    /** A workflow action on {@code application} with its form's {@code data}. */
    public static Step step(String action, Application application, Map<String, Object> data) {
        return new Step(action, application, data, null);
    }

    /** A benefit this program granted to {@code application}'s member, as stored. */
    public Benefit benefit(Application application, String period, int year, String amount, LocalDate grantedOn) {
        return new Benefit(definition().descriptor().id(), application.id(), application.householdId(),
                application.memberId(), period, year, new LocalizedText(period, period), new BigDecimal(amount),
                grantedOn);
    }

    /** What the rules see of a region's record in {@code region} on {@code today} ({@code ProgramRules.checkRecord}). */
    public TestRuleContext regionContext(String region, LocalDate today) {
        return TestRuleContext.ofRegion(definition(), region, today);
    }

    /** What the rules see of {@code household} on {@code today}, with the declared parameter defaults. */
    public TestRuleContext context(Household household, LocalDate today) {
        return TestRuleContext.of(definition(), household, today);
    }
}
