package org.fupin.programs.internal;

import java.util.ArrayList;
import java.util.List;

import org.fupin.program.api.Form;
import org.fupin.program.api.ProgramDefinition;
import org.fupin.program.api.ReportDefinition.Dimension;
import org.fupin.program.api.State;
import org.fupin.program.api.Step;
import org.fupin.program.api.Transition;

/** What the platform needs of a definition before it offers the program: every name it uses is declared. */
final class DefinitionCheck {
    private DefinitionCheck() {
    }

    static List<String> problems(ProgramDefinition definition) {
        List<String> problems = new ArrayList<>();
        var application = definition.form(Form.APPLICATION);
        if (application.isEmpty()) {
            problems.add("no form '" + Form.APPLICATION + "'");
        }
        for (Transition t : definition.workflow().transitions()) {
            if (t.form() != null && definition.form(t.form()).isEmpty()) {
                problems.add("action " + t.action() + " names the undeclared form " + t.form());
            }
            if (Step.FILE.equals(t.action())) {
                problems.add("action id '" + Step.FILE + "' is reserved for filing");
            }
        }
        for (State s : definition.workflow().states()) {
            if (s.noticeParameter() != null && definition.parameter(s.noticeParameter()).isEmpty()) {
                problems.add("state " + s.id() + " names the undeclared parameter " + s.noticeParameter());
            }
        }
        definition.reports().forEach(report -> report.dimensions().stream()
                .filter(d -> d.kind() == Dimension.Kind.FIELD)
                .filter(d -> application.flatMap(f -> f.field(d.field())).isEmpty())
                .forEach(d -> problems.add("report " + report.id() + " groups by the undeclared field " + d.field())));
        return problems;
    }
}
