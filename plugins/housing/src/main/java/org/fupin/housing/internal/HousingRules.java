package org.fupin.housing.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fupin.program.api.Application;
import org.fupin.program.api.BenefitGrant;
import org.fupin.program.api.ProgramMessages;
import org.fupin.program.api.ProgramPlugin;
import org.fupin.program.api.ProgramRules;
import org.fupin.program.api.Reason;
import org.fupin.program.api.RuleContext;
import org.fupin.program.api.Step;
import org.fupin.program.api.Verdict;
import org.fupin.registry.model.Household;
import org.fupin.registry.model.LocalizedText;
import org.osgi.service.component.annotations.Component;

/**
 * 农村危房改造 (DOMAIN.md §5): for the four priority groups, a house the housing bureau assessed grade C is repaired,
 * grade D rebuilt within the floor area the household's size allows; the subsidy is paid once, after the joint
 * completion acceptance, at the county's rate for the renovation (plus the deep-poverty bonus where the county is one).
 * The forms, the three notices, the agreement, construction and acceptance steps, one open application and one payment
 * per household are declared in {@code PROGRAM-INF/program.json}; these are the rules that need code.
 */
@ProgramPlugin(HousingRules.ID)
@Component(service = ProgramRules.class, property = ProgramRules.PROGRAM + "=" + HousingRules.ID)
public final class HousingRules implements ProgramRules {
    static final String ID = "housing";
    /** The housing bureau's assessment, a field this program adds to the household (its {@code safetyGrade}). */
    static final String SAFETY_GRADE = ID + ".safetyGrade";

    static final String GROUP = "group";
    static final String GRADE = "grade";
    static final String TYPE = "renovationType";
    static final String PLANNED_AREA = "plannedArea";
    static final String ACTUAL_AREA = "actualArea";
    static final String ACCEPT = "accept";
    static final String PAY = "pay";
    static final String PAID = "PAID";
    static final String REBUILD = "REBUILD";
    static final String REPAIR = "REPAIR";

    static final String REPAIR_SUBSIDY = "repairSubsidy";
    static final String REBUILD_SUBSIDY = "rebuildSubsidy";
    static final String DEEP_POVERTY_BONUS = "deepPovertyBonus";
    static final String DEEP_POVERTY_AREA = "deepPovertyArea";

    private final ProgramMessages messages = ProgramMessages.load(HousingRules.class, ProgramMessages.DECLARED);

    @Override
    public Verdict eligibility(RuleContext context) {
        Household household = context.household();
        List<Reason> refused = new ArrayList<>();
        String grade = assessedGrade(household);
        if (grade == null) {
            refused.add(Reason.of(ID + ".not-assessed", messages.text("rule.not-assessed")));
        } else if (!grade.equals("C") && !grade.equals("D")) {
            refused.add(Reason.of(ID + ".not-dangerous", messages.text("rule.not-dangerous",
                    messages.text("household.safetyGrade." + grade))));
        }
        List<PriorityGroup> groups = PriorityGroup.of(household);
        if (groups.isEmpty()) {
            refused.add(Reason.of(ID + ".not-priority", messages.text("rule.not-priority")));
        }
        renovated(context).ifPresent(refused::add);
        if (!refused.isEmpty()) {
            return Verdict.ineligible(refused);
        }
        return Verdict.eligible(groups.stream().map(g -> Reason.of(ID + ".priority",
                messages.text("rule.priority", label(g)))).toList());
    }

    @Override
    public List<Reason> check(Step step, RuleContext context) {
        if (step.isFiling()) {
            List<Reason> reasons = new ArrayList<>(filing(step.data(), context.household()));
            renovated(context).ifPresent(reasons::add);
            return reasons;
        }
        if (ACCEPT.equals(step.action())) {
            return acceptance(step, context.household());
        }
        return List.of();
    }

    @Override
    public List<BenefitGrant> benefits(Step step, RuleContext context) {
        if (!PAY.equals(step.action())) {
            return List.of();
        }
        var parameters = context.parameters();
        boolean rebuild = REBUILD.equals(step.application().data().get(TYPE));
        BigDecimal amount = parameters.value(rebuild ? REBUILD_SUBSIDY : REPAIR_SUBSIDY);
        if (parameters.integer(DEEP_POVERTY_AREA) == 1) {
            amount = amount.add(parameters.value(DEEP_POVERTY_BONUS));
        }
        int year = context.today().getYear();
        return List.of(new BenefitGrant(String.valueOf(year), year, new LocalizedText(year + "年", String.valueOf(year)),
                amount));
    }

    private List<Reason> filing(Map<String, Object> data, Household household) {
        List<Reason> reasons = new ArrayList<>();
        String grade = (String) data.get(GRADE);
        String assessed = assessedGrade(household);
        if (assessed == null) {
            reasons.add(Reason.onField(ID + ".not-assessed", GRADE, messages.text("rule.not-assessed")));
        } else if (grade != null && !grade.equals(assessed)) {
            reasons.add(Reason.onField(ID + ".grade", GRADE, messages.text("rule.grade-differs", grade, assessed)));
        }
        String type = (String) data.get(TYPE);
        if (grade != null && type != null && !type.equals(grade.equals("D") ? REBUILD : REPAIR)) {
            reasons.add(Reason.onField(ID + ".type", TYPE, messages.text("rule.type-for-grade",
                    messages.text("option.grade." + grade), messages.text("option.renovationType."
                            + (grade.equals("D") ? REBUILD : REPAIR)))));
        }
        String group = (String) data.get(GROUP);
        if (group != null && !PriorityGroup.valueOf(group).includes(household)) {
            reasons.add(Reason.onField(ID + ".group", GROUP, messages.text("rule.group-not-met",
                    label(PriorityGroup.valueOf(group)))));
        }
        BigDecimal area = (BigDecimal) data.get(PLANNED_AREA);
        if (REBUILD.equals(type) && area != null) {
            int persons = household.members().size();
            FloorArea allowed = FloorArea.forHousehold(persons);
            if (!allowed.contains(area)) {
                reasons.add(Reason.onField(ID + ".area", PLANNED_AREA, messages.text("rule.area", persons,
                        allowed.min(), allowed.max(), area.stripTrailingZeros().toPlainString())));
            }
        }
        return reasons;
    }

    private List<Reason> acceptance(Step step, Household household) {
        Application application = step.application();
        if (!REBUILD.equals(application.data().get(TYPE))) {
            return List.of();
        }
        BigDecimal area = (BigDecimal) step.data().get(ACTUAL_AREA);
        if (area == null) {
            return List.of(Reason.onField(ID + ".actual-area", ACTUAL_AREA, messages.text("rule.actual-area-missing")));
        }
        int persons = household.members().size();
        FloorArea allowed = FloorArea.forHousehold(persons);
        return allowed.contains(area) ? List.of() : List.of(Reason.onField(ID + ".actual-area", ACTUAL_AREA,
                messages.text("rule.actual-area", persons, allowed.min(), allowed.max(),
                        area.stripTrailingZeros().toPlainString())));
    }

    /** A household whose renovation was paid is renovated: once a household. */
    private java.util.Optional<Reason> renovated(RuleContext context) {
        return context.applications().stream().filter(a -> PAID.equals(a.state())).findFirst()
                .map(a -> Reason.of(ID + ".renovated", messages.text("rule.renovated", a.id())));
    }

    /** The grade the housing bureau assessed (this program's household field), or {@code null}. */
    static String assessedGrade(Household household) {
        Object grade = household.extensions().get(SAFETY_GRADE);
        return grade == null ? null : grade.toString();
    }

    private LocalizedText label(PriorityGroup group) {
        return messages.text("option.group." + group.name());
    }
}
