package org.fupin.program.api;

import java.util.List;

/**
 * Everything declarative about a program. The form with id {@link Form#APPLICATION} is the application form;
 * other forms belong to workflow actions ({@link Transition#form()}).
 *
 * @param limits what must hold across the program's applications, enforced by the platform where it writes
 */
public record ProgramDefinition(ProgramDescriptor descriptor, List<Form> forms, Workflow workflow,
        List<ReportDefinition> reports, List<ParameterDefinition> parameters, List<Limit> limits) {
    public ProgramDefinition {
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

    public java.util.Optional<ParameterDefinition> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
