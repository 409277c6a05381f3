package ${package}.internal;

import java.util.ArrayList;
import java.util.List;

import org.fupin.program.api.ProgramMessages;
import org.fupin.program.api.ProgramPlugin;
import org.fupin.program.api.ProgramRules;
import org.fupin.program.api.Reason;
import org.fupin.program.api.RuleContext;
import org.fupin.program.api.Step;
import org.fupin.registry.model.Member;
import org.osgi.service.component.annotations.Component;

/**
 * The rules of program ${programId} that need code; everything else is declared in PROGRAM-INF/program.json. Here:
 * the applicant's age must be within the parameters minAge and maxAge in force for the household's county.
 */
@ProgramPlugin(ApplicantRules.PROGRAM)
@Component(service = ProgramRules.class, property = ProgramRules.PROGRAM + "=" + ApplicantRules.PROGRAM)
public final class ApplicantRules implements ProgramRules {
    static final String PROGRAM = "${programId}";
    static final String AGE = PROGRAM + ".age";

    private final ProgramMessages messages = ProgramMessages.load(ApplicantRules.class, ProgramMessages.DECLARED);

    @Override
    public List<Reason> check(Step step, RuleContext context) {
        List<Reason> reasons = new ArrayList<>();
        if (step.isFiling() && step.data().get("applicant") instanceof String applicantId) {
            context.household().members().stream().filter(m -> m.id().equals(applicantId)).findFirst()
                    .ifPresent(applicant -> age(applicant, context, reasons));
        }
        return reasons;
    }

    private void age(Member applicant, RuleContext context, List<Reason> reasons) {
        int minAge = context.parameters().integer("minAge");
        int maxAge = context.parameters().integer("maxAge");
        if (applicant.age() == null) {
            reasons.add(Reason.onField(AGE, "applicant", messages.text("rule.age.unknown", applicant.name())));
        } else if (applicant.age() < minAge || applicant.age() > maxAge) {
            reasons.add(Reason.onField(AGE, "applicant",
                    messages.text("rule.age", applicant.name(), applicant.age(), minAge, maxAge)));
        }
    }
}
