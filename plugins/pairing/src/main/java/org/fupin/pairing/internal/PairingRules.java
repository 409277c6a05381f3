package org.fupin.pairing.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.fupin.program.api.ProgramMessages;
import org.fupin.program.api.ProgramPlugin;
import org.fupin.program.api.ProgramRecord;
import org.fupin.program.api.ProgramRules;
import org.fupin.program.api.Reason;
import org.fupin.program.api.RecordWrite;
import org.fupin.program.api.RuleContext;
import org.fupin.program.api.Step;
import org.fupin.registry.model.IdNumber;
import org.fupin.registry.model.Region;
import org.fupin.registry.model.RegionLevel;
import org.osgi.service.component.annotations.Component;

/**
 * 结对帮扶 · 驻村帮扶 (DOMAIN.md §10): what the declaration cannot say. A responsible cadre's ID number is a real one
 * (GB 11643); what has happened is not dated after the day it is written, and a term ends after it starts; attendance
 * is recorded for a member of the village's team serving that day; nothing is entered for a pairing, a contact point
 * or a team before it started; village records belong to villages, units and assessments to the county, contact
 * points to townships or villages; links, projects, plans and assessments name a unit registered with the county; a
 * plan spans the years its kind says. A household's plan (一户一策) names as its main measure one of the measures it
 * ticks. Quotas, one cadre per household, one team per village and one open plan per household are declared limits,
 * enforced by the platform where the records are written.
 */
@ProgramPlugin(PairingRules.ID)
@Component(service = ProgramRules.class, property = ProgramRules.PROGRAM + "=" + PairingRules.ID)
public final class PairingRules implements ProgramRules {
    static final String ID = "pairing";
    static final String UNIT = "unit";
    static final String VILLAGE_LINK = "village-link";
    static final String PROJECT = "project";
    static final String CONTACT_POINT = "contact-point";
    static final String PAIRING = "pairing";
    static final String TEAM = "team";
    static final String TEAM_MEMBER = "team-member";
    static final String VILLAGE_PLAN = "village-plan";
    static final String MEASURE = "measure";
    static final String ASSESSMENT = "assessment";
    static final String CADRE_ASSESSMENT = "cadre-assessment";
    static final String ACTIVE = "ACTIVE";
    static final String SERVING = "SERVING";
    static final String LEFT = "LEFT";

    /** Dates of a record's values that say what has happened (a term's end, {@code until}, may lie ahead). */
    static final List<String> HAPPENED = List.of("since", "formedOn", "from", "startedOn", "finishedOn", "signedOn",
            "doneOn");
    /** Pairs of a record's dates, the first never after the second. */
    static final List<List<String>> ORDER = List.of(List.of("since", "until"), List.of("from", "until"),
            List.of("startedOn", "finishedOn"));
    /** The date no entry of a record type may precede: a pairing's visits, a contact point's, a team's attendance. */
    static final Map<String, String> START = Map.of(PAIRING, "since", CONTACT_POINT, "since", TEAM, "formedOn");
    /** Record types whose {@code unit} names a unit registered with the county. */
    static final Set<String> NAMING_A_UNIT = Set.of(VILLAGE_LINK, PROJECT, VILLAGE_PLAN, ASSESSMENT);

    private final ProgramMessages messages = ProgramMessages.load(PairingRules.class, ProgramMessages.DECLARED);

    // ---- the household's plan (the application) ----

    @Override
    public List<Reason> check(Step step, RuleContext context) {
        List<Reason> reasons = new ArrayList<>();
        Map<String, Object> data = step.data();
        if (step.isFiling()) {
            Measure.of(data.get("mainMeasure"))
                    .filter(main -> !Boolean.TRUE.equals(data.get(main.field())))
                    .ifPresent(main -> reasons.add(Reason.onField(ID + ".main-measure", "mainMeasure",
                            messages.text("rule.main-measure", messages.text("option.mainMeasure." + main.name()),
                                    messages.text("field." + main.field())))));
            if (data.get("targetYear") instanceof Number year && year.intValue() < context.today().getYear()) {
                reasons.add(Reason.onField(ID + ".target-year", "targetYear", messages.text("rule.target-year",
                        year, context.today().getYear())));
            }
        }
        for (String field : List.of("signedOn", "doneOn")) {
            future(field, data.get(field), context.today()).ifPresent(reasons::add);
        }
        return reasons;
    }

    // ---- the program's records ----

    @Override
    public List<Reason> checkRecord(RecordWrite write, RuleContext context) {
        ProgramRecord record = write.record();
        LocalDate today = context.today();
        List<Reason> reasons = new ArrayList<>();
        switch (write.kind()) {
            case CREATE, EDIT -> {
                Map<String, Object> data = write.data();
                if (write.kind() == RecordWrite.Kind.CREATE) {
                    regionLevel(record).ifPresent(reasons::add);
                }
                for (String field : HAPPENED) {
                    future(field, data.get(field), today).ifPresent(reasons::add);
                }
                order(data, Set.copyOf(data.keySet())).forEach(reasons::add);
                if (PAIRING.equals(record.type()) || CADRE_ASSESSMENT.equals(record.type())) {
                    idNumber(data.get("cadreId"), today).ifPresent(reasons::add);
                }
                if (NAMING_A_UNIT.contains(record.type()) && (write.kind() == RecordWrite.Kind.CREATE
                        || !Objects.equals(record.data().get(UNIT), data.get(UNIT)))) {
                    unregistered(data.get(UNIT), context).ifPresent(reasons::add);
                }
                if (VILLAGE_PLAN.equals(record.type())) {
                    planYears(data).ifPresent(reasons::add);
                }
                if ((ASSESSMENT.equals(record.type()) || CADRE_ASSESSMENT.equals(record.type()))
                        && data.get("year") instanceof Number year
                        && year.intValue() > today.getYear()) {
                    reasons.add(Reason.onField(ID + ".assessment-year", "year", messages.text("rule.assessment-year",
                            year, today.getYear())));
                }
            }
            case ACTION -> {
                // an action's dates (a member's leaving day, a project's start or completion) have happened
                write.data().forEach((field, value) -> future(field, value, today).ifPresent(reasons::add));
                Map<String, Object> after = new LinkedHashMap<>(record.data());
                after.putAll(write.data());
                order(after, write.data().keySet()).forEach(reasons::add);
            }
            case ENTRY -> {
                beforeStart(record, write).ifPresent(reasons::add);
                if (TEAM.equals(record.type())) {
                    attendance(record, write, context).ifPresent(reasons::add);
                }
            }
        }
        return reasons;
    }

    /** A cadre's ID number: valid by GB 11643, written as the registry writes it (18 characters, upper-case X). */
    private Optional<Reason> idNumber(Object value, LocalDate today) {
        if (value == null) {
            return Optional.empty();
        }
        IdNumber.Check check = IdNumber.check(value.toString(), today);
        if (!check.valid()) {
            return Optional.of(Reason.onField(ID + ".id-number", "cadreId", messages.text("rule.id-number",
                    check.problem())));
        }
        return check.number().value().equals(value) ? Optional.empty() : Optional.of(Reason.onField(ID + ".id-number",
                "cadreId", messages.text("rule.id-number.written", check.number().value())));
    }

    /** A date of something that has happened, after the day it is written. */
    private Optional<Reason> future(String field, Object value, LocalDate today) {
        return value instanceof LocalDate date && date.isAfter(today)
                ? Optional.of(Reason.onField(ID + ".future-date", field, messages.text("rule.future-date",
                        messages.text("field." + field), date, today)))
                : Optional.empty();
    }

    /** A later date before an earlier one, for the pairs of which {@code changed} holds one. */
    private List<Reason> order(Map<String, Object> values, Set<String> changed) {
        List<Reason> reasons = new ArrayList<>();
        for (List<String> pair : ORDER) {
            if ((changed.contains(pair.get(0)) || changed.contains(pair.get(1)))
                    && values.get(pair.get(0)) instanceof LocalDate first
                    && values.get(pair.get(1)) instanceof LocalDate second && second.isBefore(first)) {
                reasons.add(Reason.onField(ID + ".date-order", pair.get(1), messages.text("rule.date-order",
                        messages.text("field." + pair.get(1)), second, messages.text("field." + pair.get(0)), first)));
            }
        }
        return reasons;
    }

    /** A village's records on villages, the county's on the county, contact points on a township or a village. */
    private Optional<Reason> regionLevel(ProgramRecord record) {
        Set<RegionLevel> levels;
        String key;
        switch (record.type()) {
            case UNIT, ASSESSMENT, CADRE_ASSESSMENT -> {
                levels = Set.of(RegionLevel.COUNTY);
                key = "levels.county";
            }
            case CONTACT_POINT -> {
                levels = Set.of(RegionLevel.TOWNSHIP, RegionLevel.VILLAGE);
                key = "levels.township-or-village";
            }
            case VILLAGE_LINK, PROJECT, TEAM, TEAM_MEMBER, VILLAGE_PLAN -> {
                levels = Set.of(RegionLevel.VILLAGE);
                key = "levels.village";
            }
            default -> {
                return Optional.empty();
            }
        }
        Optional<RegionLevel> level = Region.levelOf(record.region());
        return level.isPresent() && levels.contains(level.get()) ? Optional.empty()
                : Optional.of(Reason.of(ID + ".region-level", messages.text("rule.region-level",
                        messages.text("record." + record.type()), messages.text(key), record.region())));
    }

    /** A unit the county has registered and that has not withdrawn. */
    private Optional<Reason> unregistered(Object unit, RuleContext context) {
        if (unit == null) {
            return Optional.empty();
        }
        boolean registered = context.records(UNIT).stream()
                .anyMatch(u -> ACTIVE.equals(u.state()) && unit.equals(u.data().get("unitName")));
        return registered ? Optional.empty() : Optional.of(Reason.onField(ID + ".unit-unknown", UNIT,
                messages.text("rule.unit-unknown", unit)));
    }

    /** A three-year plan spans three years (2024–2026), a yearly one a single year. */
    private Optional<Reason> planYears(Map<String, Object> data) {
        if (!(data.get("fromYear") instanceof Number from) || !(data.get("toYear") instanceof Number to)
                || data.get("planKind") == null) {
            return Optional.empty();
        }
        int years = "THREE_YEAR".equals(data.get("planKind")) ? 3 : 1;
        int spanned = to.intValue() - from.intValue() + 1;
        return spanned == years ? Optional.empty() : Optional.of(Reason.onField(ID + ".plan-years", "toYear",
                messages.text("rule.plan-years", messages.text("option.planKind." + data.get("planKind")), years,
                        from, to, spanned)));
    }

    /** An entry before its record started: a visit before the pairing, attendance before the team was formed. */
    private Optional<Reason> beforeStart(ProgramRecord record, RecordWrite write) {
        String field = START.get(record.type());
        LocalDate date = write.date();
        return field != null && date != null && record.data().get(field) instanceof LocalDate start
                && date.isBefore(start)
                ? Optional.of(Reason.of(ID + ".before-start", messages.text("rule.before-start",
                        messages.text("entry." + write.name()), date, messages.text("field." + field), start)))
                : Optional.empty();
    }

    /**
     * Attendance names a member of the village's team serving on the day: from their first day, and to their last
     * if they have one (a member who left did so on {@code until}, so their earlier days may still be entered).
     */
    private Optional<Reason> attendance(ProgramRecord team, RecordWrite write, RuleContext context) {
        Object name = write.data().get("member");
        LocalDate on = write.date();
        if (name == null || on == null) {
            return Optional.empty();
        }
        boolean serving = context.records(TEAM_MEMBER).stream()
                .filter(m -> team.region().equals(m.region()) && name.equals(m.data().get("memberName")))
                .anyMatch(m -> servingOn(m, on));
        return serving ? Optional.empty() : Optional.of(Reason.onField(ID + ".attendance-member", "member",
                messages.text("rule.attendance-member", name, on)));
    }

    static boolean servingOn(ProgramRecord member, LocalDate on) {
        boolean state = SERVING.equals(member.state()) || LEFT.equals(member.state());
        return state && member.data().get("from") instanceof LocalDate from && !on.isBefore(from)
                && !(member.data().get("until") instanceof LocalDate until && on.isAfter(until));
    }
}
