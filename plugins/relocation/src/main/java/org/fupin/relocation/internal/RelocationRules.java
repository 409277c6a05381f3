package org.fupin.relocation.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fupin.program.api.ProgramMessages;
import org.fupin.program.api.ProgramPlugin;
import org.fupin.program.api.ProgramRecord;
import org.fupin.program.api.ProgramRules;
import org.fupin.program.api.Reason;
import org.fupin.program.api.RuleContext;
import org.fupin.program.api.Step;
import org.fupin.program.api.Verdict;
import org.fupin.registry.model.Household;
import org.osgi.service.component.annotations.Component;

/**
 * 易地扶贫搬迁 (DOMAIN.md §4): a registered household of a relocation area the county designated (its village, or its
 * village group) moves to a settlement site of the county or settles on its own, in new housing of at most 25 m² a
 * person, paying at most 10,000 yuan itself; its agreement includes the demolition of the old house. The notices, the
 * agreement, the milestones, one open application a household and the conflict with a renovation are declared in
 * {@code PROGRAM-INF/program.json}; the areas and sites are the program's records, which these rules read.
 */
@ProgramPlugin(RelocationRules.ID)
@Component(service = ProgramRules.class, property = ProgramRules.PROGRAM + "=" + RelocationRules.ID)
public final class RelocationRules implements ProgramRules {
    static final String ID = "relocation";

    static final String AREA = "area";
    static final String SITE = "site";
    static final String DESIGNATED = "DESIGNATED";

    static final String PERSONS = "persons";
    static final String MODE = "mode";
    static final String CENTRALIZED = "CENTRALIZED";
    static final String SCATTERED = "SCATTERED";
    static final String SETTLEMENT_SITE = "settlementSite";
    static final String SCATTERED_TYPE = "scatteredType";
    static final String PLANNED_AREA = "plannedArea";
    static final String SELF_FUNDING = "selfFunding";
    static final String ACTUAL_AREA = "actualArea";

    static final String MAX_AREA_PER_PERSON = "maxAreaPerPerson";
    static final String MAX_SELF_FUNDING = "maxSelfFunding";

    private final ProgramMessages messages = ProgramMessages.load(RelocationRules.class, ProgramMessages.DECLARED);

    @Override
    public Verdict eligibility(RuleContext context) {
        return designatedArea(context)
                .map(area -> Verdict.eligible(List.of(Reason.of(ID + ".designated", describe(area)))))
                .orElseGet(() -> Verdict.ineligible(List.of(notDesignated())));
    }

    @Override
    public List<Reason> check(Step step, RuleContext context) {
        if (step.isFiling()) {
            return filing(step.data(), context);
        }
        return switch (step.action()) {
            case "sign" -> Boolean.TRUE.equals(step.data().get("demolitionAgreed")) ? List.of()
                    : List.of(Reason.onField(ID + ".demolition-agreement", "demolitionAgreed",
                            messages.text("rule.demolition-agreement")));
            case "build" -> area(ACTUAL_AREA, "rule.actual-area", (BigDecimal) step.data().get(ACTUAL_AREA),
                    persons(step.application().data()), context).stream().toList();
            case "move-in" -> movedIn(step.data());
            default -> List.of();
        };
    }

    private List<Reason> filing(Map<String, Object> data, RuleContext context) {
        List<Reason> reasons = new ArrayList<>();
        if (designatedArea(context).isEmpty()) {
            reasons.add(notDesignated());
        }
        int persons = persons(data);
        int members = context.household().members().size();
        if (persons > members) {
            reasons.add(Reason.onField(ID + ".persons", PERSONS, messages.text("rule.persons", persons, members)));
        }
        area(PLANNED_AREA, "rule.area", (BigDecimal) data.get(PLANNED_AREA), persons, context).ifPresent(reasons::add);
        BigDecimal selfFunding = (BigDecimal) data.get(SELF_FUNDING);
        BigDecimal maxSelfFunding = context.parameters().value(MAX_SELF_FUNDING);
        if (selfFunding != null && selfFunding.compareTo(maxSelfFunding) > 0) {
            reasons.add(Reason.onField(ID + ".self-funding", SELF_FUNDING, messages.text("rule.self-funding",
                    plain(maxSelfFunding), plain(selfFunding))));
        }
        String site = (String) data.get(SETTLEMENT_SITE);
        if (CENTRALIZED.equals(data.get(MODE)) && site != null && context.records(SITE).stream()
                .noneMatch(s -> site.equals(s.data().get("code")))) {
            reasons.add(Reason.onField(ID + ".site", SETTLEMENT_SITE, messages.text("rule.site-unknown", site)));
        }
        if (SCATTERED.equals(data.get(MODE)) && site != null) {
            reasons.add(Reason.onField(ID + ".site", SETTLEMENT_SITE, messages.text("rule.site-for-scattered")));
        }
        return reasons;
    }

    /** The red line: at most {@code maxAreaPerPerson} (25 m²) for each person relocating. */
    private Optional<Reason> area(String field, String message, BigDecimal area, int persons, RuleContext context) {
        if (area == null) {
            return Optional.empty();
        }
        BigDecimal perPerson = context.parameters().value(MAX_AREA_PER_PERSON);
        BigDecimal allowed = perPerson.multiply(BigDecimal.valueOf(persons));
        return area.compareTo(allowed) <= 0 ? Optional.empty() : Optional.of(Reason.onField(ID + ".area", field,
                messages.text(message, persons, plain(allowed), plain(perPerson), plain(area))));
    }

    private List<Reason> movedIn(Map<String, Object> data) {
        LocalDate keys = parse(data.get("keysHandedOn"));
        LocalDate moved = parse(data.get("movedInOn"));
        return keys != null && moved != null && moved.isBefore(keys) ? List.of(Reason.onField(ID + ".moved-in",
                "movedInOn", messages.text("rule.not-moved-in", moved, keys))) : List.of();
    }

    /**
     * The designation that covers the household: of its village or a region above it, still designated, naming no
     * village groups or the household's among them.
     */
    static Optional<ProgramRecord> designatedArea(RuleContext context) {
        Household household = context.household();
        return context.records(AREA).stream()
                .filter(area -> DESIGNATED.equals(area.state()))
                .filter(area -> covers((String) area.data().get("groups"), household.villageGroup()))
                .findFirst();
    }

    /** Groups written as 三组、五组 (or with commas or spaces); none named means the whole region. */
    static boolean covers(String groups, String group) {
        if (groups == null || groups.isBlank()) {
            return true;
        }
        return group != null && Arrays.stream(groups.split("[、,，;；\\s]+")).anyMatch(g -> g.strip().equals(group));
    }

    private Reason notDesignated() {
        return Reason.of(ID + ".not-designated", messages.text("rule.not-designated"));
    }

    private org.fupin.registry.model.LocalizedText describe(ProgramRecord area) {
        var cause = messages.text("option.cause." + area.data().get("cause"));
        Object groups = area.data().get("groups");
        return groups == null ? messages.text("rule.designated", cause)
                : messages.text("rule.designated-groups", cause, groups);
    }

    private static int persons(Map<String, Object> data) {
        Object persons = data.get(PERSONS);
        return persons == null ? 0 : ((Number) persons).intValue();
    }

    private static LocalDate parse(Object date) {
        return date instanceof LocalDate d ? d : date == null ? null : LocalDate.parse(date.toString());
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
