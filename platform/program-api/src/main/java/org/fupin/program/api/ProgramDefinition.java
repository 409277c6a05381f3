package org.fupin.program.api;

import java.util.List;

/**
 * Everything declarative about a program. The form with id {@link Form#APPLICATION} is the application form;
 * other forms belong to workflow actions ({@link Transition#form()}).
 *
 * @param limits    what must hold across the program's applications, enforced by the platform where it writes
 * @param conflicts what other programs' applications for the same household refuse filing or an action
 * @param householdFields the fields the program adds to every household's record
 * @param records   the kinds of records the program keeps beside its applications
 */
public record ProgramDefinition(ProgramDescriptor descriptor, List<Form> forms, Workflow workflow,
        List<ReportDefinition> reports, List<ParameterDefinition> parameters, List<Limit> limits,
        List<Conflict> conflicts, List<HouseholdField> householdFields, List<RecordType> records) {
    public ProgramDefinition(ProgramDescriptor descriptor, List<Form> forms, Workflow workflow,
            List<ReportDefinition> reports, List<ParameterDefinition> parameters, List<Limit> limits,
            List<Conflict> conflicts, List<HouseholdField> householdFields) {
        this(descriptor, forms, workflow, reports, parameters, limits, conflicts, householdFields, List.of());
    }

    public ProgramDefinition(ProgramDescriptor descriptor, List<Form> forms, Workflow workflow,
            List<ReportDefinition> reports, List<ParameterDefinition> parameters, List<Limit> limits,
            List<Conflict> conflicts) {
        this(descriptor, forms, workflow, reports, parameters, limits, conflicts, List.of());
    }

    public ProgramDefinition(ProgramDescriptor descriptor, List<Form> forms, Workflow workflow,
            List<ReportDefinition> reports, List<ParameterDefinition> parameters, List<Limit> limits) {
        this(descriptor, forms, workflow, reports, parameters, limits, List.of());
    }

    public ProgramDefinition {
        conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
        householdFields = householdFields == null ? List.of() : List.copyOf(householdFields);
        records = records == null ? List.of() : List.copyOf(records);
        forms = List.copyOf(forms);
        reports = List.copyOf(reports);
        parameters = List.copyOf(parameters);
        limits = List.copyOf(limits);
    }

    public java.util.Optional<Form> form(String id) {
        return forms.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    public java.util.Optional<ReportDefinition> report(String id) {
        return reports.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public java.util.Optional<RecordType> record(String id) {
        return records.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public java.util.Optional<ParameterDefinition> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
