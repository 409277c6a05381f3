package org.fupin.yulu.internal;

import java.util.List;

import org.fupin.program.api.BenefitGrant;
import org.fupin.program.api.Program;
import org.fupin.program.api.ProgramDefinition;
import org.fupin.program.api.ProgramMessages;
import org.fupin.program.api.ProgramPlugin;
import org.fupin.program.api.Reason;
import org.fupin.program.api.RuleContext;
import org.fupin.program.api.Step;
import org.fupin.program.api.Verdict;
import org.osgi.service.component.annotations.Component;

/**
 * 雨露计划 (Rain and Dew Plan): 1,500 yuan per term (3,000 a year) for a child of a registered or monitored
 * household in full-time secondary or higher vocational education. The definition is built once; the rules keep no
 * state between calls.
 */
@ProgramPlugin(YuluDefinition.ID)
@Component(service = Program.class)
public final class YuluProgram implements Program {
    static final String MESSAGES = "org.fupin.yulu.internal.messages";

    private final ProgramDefinition definition;
    private final YuluRules rules;

    public YuluProgram() {
        ProgramMessages messages = ProgramMessages.load(YuluProgram.class, MESSAGES);
        this.definition = YuluDefinition.build(messages);
        this.rules = new YuluRules(messages);
    }

    @Override
    public ProgramDefinition definition() {
        return definition;
    }

    @Override
    public Verdict eligibility(RuleContext context) {
        return rules.eligibility(context);
    }

    @Override
    public List<Reason> check(Step step, RuleContext context) {
        return rules.check(step, context);
    }

    @Override
    public List<BenefitGrant> benefits(Step step, RuleContext context) {
        return rules.benefits(step, context);
    }
}
