package org.fupin.plugin.testkit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.fupin.program.api.Application;
import org.fupin.program.api.Benefit;
import org.fupin.program.api.Parameters;
import org.fupin.program.api.ProgramDefinition;
import org.fupin.program.api.ProgramRecord;
import org.fupin.program.api.RuleContext;
import org.fupin.program.declaration.ParameterValues;
import org.fupin.registry.model.Household;
import org.fupin.registry.model.StatusChange;

/**
 * A rule context for tests, immutable: each {@code with…} returns a new one. Parameters resolve exactly as on the
 * platform ({@link ParameterValues}: county over province over the declared default, each from its year), and every
 * parameter a rule reads is recorded ({@link #parametersRead()}), so a test can show that a rule uses what it should.
 */
public final class TestRuleContext implements RuleContext {
    private final ProgramDefinition definition;
    private final Household household;
    /** The household's village, or the region of a region's record: where the parameters in force are looked up. */
    private final String place;
    private final LocalDate today;
    private final List<Application> applications;
    private final List<Benefit> otherProgramBenefits;
    private final List<StatusChange> statusHistory;
    private final List<ParameterValues.RegionValue> values;
    private final List<ProgramRecord> records;
    private final Set<String> read;

    private TestRuleContext(ProgramDefinition definition, Household household, String place, LocalDate today,
            List<Application> applications, List<Benefit> otherProgramBenefits, List<StatusChange> statusHistory,
            List<ParameterValues.RegionValue> values, List<ProgramRecord> records, Set<String> read) {
        this.definition = definition;
        this.household = household;
        this.place = place;
        this.today = today;
        this.applications = List.copyOf(applications);
        this.otherProgramBenefits = List.copyOf(otherProgramBenefits);
        this.statusHistory = List.copyOf(statusHistory);
        this.values = List.copyOf(values);
        this.records = List.copyOf(records);
        this.read = read;
    }

    public static TestRuleContext of(ProgramDefinition definition, Household household, LocalDate today) {
        return new TestRuleContext(definition, household, household.villageCode(), today,
                List.of(), List.of(), List.of(), List.of(),
                List.of(), ConcurrentHashMap.newKeySet());
    }

    /**
     * The context of a region's record ({@code ProgramRules.checkRecord}): no household, applications or benefits;
     * the parameters in force for {@code region}'s county; the records given with {@link #withRecords}.
     */
    public static TestRuleContext ofRegion(ProgramDefinition definition, String region, LocalDate today) {
        return new TestRuleContext(definition, null, region, today, List.of(), List.of(), List.of(), List.of(),
                List.of(), ConcurrentHashMap.newKeySet());
    }

    public TestRuleContext withHousehold(Household other) {
        return new TestRuleContext(definition, other, other.villageCode(), today,
                applications, otherProgramBenefits, statusHistory,
                values, records, read);
    }

    public TestRuleContext withToday(LocalDate day) {
        return new TestRuleContext(definition, household, place, day, applications, otherProgramBenefits, statusHistory,
                values, records, read);
    }

    /** The program's other applications for the household (the one judged excluded), oldest first. */
    public TestRuleContext withApplications(Application... others) {
        return new TestRuleContext(definition, household, place, today, List.of(others), otherProgramBenefits,
                statusHistory, values, records, read);
    }

    /**
     * The program's records that concern the household (its own, its members' and applications', and its regions'),
     * oldest first; {@link #records(String)} hands out those of the type asked.
     */
    public TestRuleContext withRecords(ProgramRecord... concerning) {
        return new TestRuleContext(definition, household, place, today,
                applications, otherProgramBenefits, statusHistory,
                values, List.of(concerning), read);
    }

    public TestRuleContext withOtherProgramBenefits(Benefit... benefits) {
        return new TestRuleContext(definition, household, place, today, applications, List.of(benefits), statusHistory,
                values, records, read);
    }

    public TestRuleContext withStatusHistory(StatusChange... changes) {
        return new TestRuleContext(definition, household, place, today, applications, otherProgramBenefits,
                List.of(changes), values, records, read);
    }

    /**
     * {@code parameter} set to {@code value} by the household's county from {@code fromYear} on, as a county
     * administrator sets it ({@code PUT /regions/{county}/programs/{id}/parameters}).
     */
    public TestRuleContext withCountyValue(String parameter, int fromYear, String value) {
        return withValue(place.substring(0, 6), parameter, fromYear, value);
    }

    /** {@code parameter} set by the household's province from {@code fromYear} on. */
    public TestRuleContext withProvinceValue(String parameter, int fromYear, String value) {
        return withValue(place.substring(0, 2), parameter, fromYear, value);
    }

    /**
     * Parameters set by the county for every year, from name-value pairs as a test table writes them: a
     * {@code null} or blank value keeps the declared default.
     */
    public TestRuleContext withCountyValues(String... nameValuePairs) {
        TestRuleContext result = this;
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            String value = nameValuePairs[i + 1];
            if (value != null && !value.isBlank()) {
                result = result.withCountyValue(nameValuePairs[i], 1900, value);
            }
        }
        return result;
    }

    private TestRuleContext withValue(String region, String parameter, int fromYear, String value) {
        if (definition.parameter(parameter).isEmpty()) {
            throw new IllegalArgumentException("the program declares no parameter " + parameter);
        }
        List<ParameterValues.RegionValue> more = new ArrayList<>(values);
        more.add(new ParameterValues.RegionValue(region, fromYear, parameter, new BigDecimal(value)));
        return new TestRuleContext(definition, household, place, today,
                applications, otherProgramBenefits, statusHistory,
                more, records, read);
    }

    /** The names of the parameters rules read through this context (and the contexts made from it), any year. */
    public Set<String> parametersRead() {
        return Set.copyOf(read);
    }

    @Override
    public Household household() {
        return household;
    }

    @Override
    public List<StatusChange> statusHistory() {
        return statusHistory;
    }

    @Override
    public List<Application> applications() {
        return applications;
    }

    /** The records given of this type; a type the program does not declare fails, as on the platform. */
    @Override
    public List<ProgramRecord> records(String type) {
        if (definition.record(type).isEmpty()) {
            throw new IllegalArgumentException("program " + definition.descriptor().id() + " declares no record type "
                    + type);
        }
        return records.stream().filter(r -> r.type().equals(type)).toList();
    }

    @Override
    public List<Benefit> otherProgramBenefits() {
        return otherProgramBenefits;
    }

    @Override
    public Parameters parameters() {
        return parameters(today.getYear());
    }

    @Override
    public Parameters parameters(int year) {
        ParameterValues inForce = new ParameterValues(definition, values, place, year);
        return name -> {
            read.add(name);
            return inForce.value(name);
        };
    }

    @Override
    public LocalDate today() {
        return today;
    }
}
