package org.fupin.program.declaration;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.fupin.program.api.Conflict;
import org.fupin.program.api.Field;
import org.fupin.program.api.FieldType;
import org.fupin.program.api.Form;
import org.fupin.program.api.HouseholdField;
import org.fupin.program.api.Limit;
import org.fupin.program.api.ParameterDefinition;
import org.fupin.program.api.ProgramDefinition;
import org.fupin.program.api.RecordLimit;
import org.fupin.program.api.RecordType;
import org.fupin.program.api.ReportDefinition;
import org.fupin.program.api.ReportDefinition.Dimension;
import org.fupin.program.api.State;
import org.fupin.program.api.Step;
import org.fupin.program.api.Transition;
import org.fupin.registry.model.RegionLevel;
import org.fupin.registry.model.Role;

/**
 * What the platform needs of a definition before it offers the program: every name it uses is declared once and
 * makes sense. The platform runs it on every definition it is offered; a plugin's tests run the same in its author's
 * build.
 */
public final class DeclarationCheck {
    private DeclarationCheck() {
    }

    /**
     * A record type: its forms declared, a member named where it belongs to one and none where it has no household,
     * editors, states that its initial state and its actions name, actions people take (no notice, no schedule), and
     * entries whose amounts are required MONEY fields of their forms.
     */
    static List<String> recordProblems(ProgramDefinition definition, RecordType record) {
        List<String> problems = new ArrayList<>();
        String at = "record " + record.id();
        var form = definition.form(record.form());
        if (form.isEmpty()) {
            problems.add(at + " names the undeclared form " + record.form());
        } else if (record.attachedTo() == RecordType.Attachment.MEMBER && form.get().memberField().isEmpty()) {
            problems.add(at + " belongs to a MEMBER but its form " + record.form() + " has no MEMBER field");
        } else if (record.attachedTo() == RecordType.Attachment.REGION && form.get().memberField().isPresent()) {
            problems.add(at + " belongs to a REGION, which has no members, but its form has a MEMBER field");
        }
        if (record.attachedTo() == RecordType.Attachment.REGION) {
            // a region's record has no household whose applications it could name
            List<String> forms = new ArrayList<>(List.of(record.form()));
            record.entries().forEach(e -> forms.add(e.form()));
            record.actions().stream().filter(t -> t.form() != null).forEach(t -> forms.add(t.form()));
            forms.stream().distinct().map(definition::form).flatMap(Optional::stream).forEach(f -> f.fields().stream()
                    .filter(field -> field.type() == FieldType.APPLICATION)
                    .forEach(field -> problems.add(at + " belongs to a REGION, which has no household, but its form "
                            + f.id() + " names an application (" + field.name() + ")")));
        }
        if (record.editors().isEmpty()) {
            problems.add(at + " names no editors: nobody could create one");
        }
        if (record.editors().contains(Role.AUDITOR)) {
            problems.add(at + " names AUDITOR, a read-only role, as an editor");
        }
        if (record.state(record.initial()).isEmpty()) {
            problems.add(at + " starts in the undeclared state " + record.initial());
        }
        for (State state : record.states()) {
            if (state.noticeParameter() != null) {
                problems.add(at + " state " + state.id() + " has a notice: only applications go on notice");
            }
            if (state.deadlineParameter() != null) {
                problems.add(at + " state " + state.id() + " has a deadline: only applications have deadlines");
            }
        }
        for (Transition t : record.actions()) {
            String action = at + " action " + t.action();
            t.from().stream().filter(from -> record.state(from).isEmpty())
                    .forEach(from -> problems.add(action + " names the undeclared state " + from));
            if (record.state(t.to()).isEmpty()) {
                problems.add(action + " names the undeclared state " + t.to());
            }
            t.from().stream().filter(from -> record.state(from).map(State::terminal).orElse(false))
                    .forEach(from -> problems.add(action + " leaves the terminal state " + from));
            if (t.roles().isEmpty() && t.schedule() == null) {
                problems.add(action + " names no role: nobody could take it");
            }
            if (t.afterNotice() || t.duringNotice()) {
                problems.add(action + " waits for a notice: only applications go on notice");
            }
            if (t.form() != null) {
                var recordForm = definition.form(record.form());
                definition.form(t.form()).ifPresent(actionForm -> actionForm.fields().forEach(field ->
                        recordForm.flatMap(f -> f.field(field.name()))
                                .filter(own -> own.type() != field.type())
                                .ifPresent(own -> problems.add(action + " form " + t.form() + " field " + field.name()
                                        + " is a " + field.type() + " but the record's " + field.name() + " is a "
                                        + own.type() + ": an action's value replaces the record's"))));
            }
            if (!t.assures().isEmpty()) {
                problems.add(action + " assures " + t.assures().stream().map(Enum::name).sorted().toList()
                        + ": only an application's step establishes what a household is assured of");
            }
            problems.addAll(scheduleProblems(definition, t, record.form(), action + " schedule"));
            if (t.form() != null && definition.form(t.form()).isEmpty()) {
                problems.add(action + " names the undeclared form " + t.form());
            }
        }
        for (RecordType.EntryType entry : record.entries()) {
            var entryForm = definition.form(entry.form());
            if (entryForm.isEmpty()) {
                problems.add(at + " entry " + entry.id() + " names the undeclared form " + entry.form());
            } else if (entry.amountField() != null && entryForm.get().field(entry.amountField())
                    .filter(f -> f.type() == FieldType.MONEY && f.required()).isEmpty()) {
                problems.add(at + " entry " + entry.id() + " sums " + entry.amountField()
                        + ", which is not a required MONEY field of its form");
            }
        }
        for (RecordLimit limit : record.limits()) {
            problems.addAll(recordLimitProblems(definition, record, limit, at + " limit " + limit.rule()));
        }
        if (record.householdPairing() != null) {
            problems.addAll(householdPairingProblems(definition, record, at + " householdPairing"));
        }
        duplicates(at + " state", record.states().stream().map(State::id).toList(), problems);
        duplicates(at + " action", record.actions().stream().map(Transition::action).toList(), problems);
        duplicates(at + " entry", record.entries().stream().map(RecordType.EntryType::id).toList(), problems);
        return problems;
    }

    /**
     * A record limit sums a number field of the record's form (or counts), over declared states, up to a declared
     * parameter or the balance of a region's record type between two of its amount-summing entry types.
     */
    private static List<String> recordLimitProblems(ProgramDefinition definition, RecordType record, RecordLimit limit,
            String at) {
        List<String> problems = new ArrayList<>();
        if (limit.field() != null && definition.form(record.form()).flatMap(f -> f.field(limit.field()))
                .filter(f -> f.type() == FieldType.INTEGER || f.type() == FieldType.DECIMAL
                        || f.type() == FieldType.MONEY).isEmpty()) {
            problems.add(at + " sums " + limit.field() + ", which is not a number field of the form " + record.form());
        }
        if (limit.states().isEmpty()) {
            problems.add(at + " counts no state");
        }
        limit.states().stream().filter(s -> record.state(s).isEmpty())
                .forEach(s -> problems.add(at + " counts the undeclared state " + s));
        if (limit.maxParameter() != null && definition.parameter(limit.maxParameter()).isEmpty()) {
            problems.add(at + " names the undeclared parameter " + limit.maxParameter());
        }
        var form = definition.form(record.form());
        if (limit.perField() != null && form.flatMap(f -> f.field(limit.perField()))
                .filter(f -> f.type() == FieldType.TEXT || f.type() == FieldType.CODE).isEmpty()) {
            problems.add(at + " counts per " + limit.perField() + ", which is no TEXT or CODE field of the form "
                    + record.form());
        }
        if (limit.where() != null) {
            var field = form.flatMap(f -> f.field(limit.where().field()));
            if (field.filter(f -> f.type() == FieldType.TEXT || f.type() == FieldType.CODE).isEmpty()) {
                problems.add(at + " counts only records by " + limit.where().field() + ", which is no TEXT or CODE "
                        + "field of the form " + record.form());
            } else if (field.get().type() == FieldType.CODE) {
                limit.where().in().stream().filter(code -> field.get().option(code).isEmpty())
                        .forEach(code -> problems.add(at + " counts only records with " + limit.where().field()
                                + " " + code + ", which is no option of it"));
            }
            if (limit.where().in().isEmpty()) {
                problems.add(at + " counts only records with a value of " + limit.where().field() + " in none");
            }
        }
        var byField = limit.maxByField();
        if (byField != null) {
            var field = form.flatMap(f -> f.field(byField.field())).filter(f -> f.type() == FieldType.CODE);
            if (field.isEmpty()) {
                problems.add(at + " takes its maximum by " + byField.field() + ", which is no CODE field of the form "
                        + record.form());
            } else {
                if (!field.get().required()) {
                    problems.add(at + " takes its maximum by " + byField.field() + ", which is not required");
                }
                field.get().options().stream().filter(o -> !byField.parameters().containsKey(o.code()))
                        .forEach(o -> problems.add(at + " names no parameter for " + byField.field() + " " + o.code()));
                byField.parameters().keySet().stream().filter(code -> field.get().option(code).isEmpty())
                        .sorted().forEach(code -> problems.add(at + " maps " + code + ", which is no option of "
                                + byField.field()));
            }
            byField.parameters().values().stream().filter(p -> definition.parameter(p).isEmpty()).distinct()
                    .sorted().forEach(p -> problems.add(at + " names the undeclared parameter " + p));
        }
        var balance = limit.maxBalance();
        if (balance != null) {
            var source = definition.record(balance.record());
            if (source.isEmpty() || source.get().attachedTo() != RecordType.Attachment.REGION) {
                problems.add(at + " takes the balance of " + balance.record() + ", which is no region's record type");
            } else {
                for (String entry : java.util.Arrays.asList(balance.plus(), balance.minus())) {
                    if (entry != null && source.get().entry(entry).filter(e -> e.amountField() != null).isEmpty()) {
                        problems.add(at + " names " + entry + ", which is no entry of " + balance.record()
                                + " that sums an amount");
                    }
                }
                if (balance.plus() == null) {
                    problems.add(at + " takes a balance without the entries that add to it (plus)");
                }
            }
            if (balance.timesParameter() != null && definition.parameter(balance.timesParameter()).isEmpty()) {
                problems.add(at + " names the undeclared parameter " + balance.timesParameter());
            }
        }
        return problems;
    }

    /**
     * A household's pairing comes from a household's record: the cadre's name from a required TEXT field, the start
     * from a required DATE field, the unit, post and phone from TEXT fields, the unit's level from a CODE field whose
     * options are the registry's levels.
     */
    private static List<String> householdPairingProblems(ProgramDefinition definition, RecordType record, String at) {
        List<String> problems = new ArrayList<>();
        var pairing = record.householdPairing();
        if (record.attachedTo() != RecordType.Attachment.HOUSEHOLD) {
            problems.add(at + ": only a HOUSEHOLD record names a household's 帮扶责任人");
        }
        var form = definition.form(record.form());
        java.util.function.BiConsumer<String, FieldType> requireField = (name, type) -> {
            if (name != null && form.flatMap(f -> f.field(name)).filter(f -> f.type() == type).isEmpty()) {
                problems.add(at + " takes " + name + ", which is no " + type + " field of the form " + record.form());
            }
        };
        for (String required : new String[] {pairing.cadreName(), pairing.startDate()}) {
            if (required == null) {
                problems.add(at + " needs cadreName and startDate");
            } else if (form.flatMap(f -> f.field(required)).filter(Field::required).isEmpty()) {
                problems.add(at + " takes " + required + ", which is not a required field of the form "
                        + record.form());
            }
        }
        requireField.accept(pairing.cadreName(), FieldType.TEXT);
        requireField.accept(pairing.startDate(), FieldType.DATE);
        requireField.accept(pairing.cadreUnit(), FieldType.TEXT);
        requireField.accept(pairing.cadrePost(), FieldType.TEXT);
        requireField.accept(pairing.cadrePhone(), FieldType.TEXT);
        requireField.accept(pairing.unitLevel(), FieldType.CODE);
        if (pairing.unitLevel() != null) {
            form.flatMap(f -> f.field(pairing.unitLevel())).ifPresent(level -> level.options().stream()
                    .map(o -> o.code()).filter(code -> java.util.Arrays.stream(
                            org.fupin.registry.model.CadreUnitLevel.values()).noneMatch(l -> l.name().equals(code)))
                    .forEach(code -> problems.add(at + " takes " + pairing.unitLevel() + ", whose option " + code
                            + " is no unit level of the registry (" + java.util.Arrays.toString(
                                    org.fupin.registry.model.CadreUnitLevel.values()) + ")")));
        }
        return problems;
    }

    /** Household fields: each name once, a type a household can hold, and somebody who may set it. */
    static List<String> householdFieldProblems(List<HouseholdField> fields) {
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (HouseholdField household : fields) {
            String at = "household field " + household.field().name();
            if (!names.add(household.field().name())) {
                problems.add(at + " is declared twice");
            }
            if (household.field().type() == FieldType.MEMBER || household.field().type() == FieldType.APPLICATION) {
                problems.add(at + " is a " + household.field().type() + ": a household field cannot name a member"
                        + " or an application");
            }
            if (household.editors().isEmpty()) {
                problems.add(at + " names no editors: nobody could set it");
            }
            if (household.editors().contains(Role.AUDITOR)) {
                problems.add(at + " names AUDITOR, a read-only role, as an editor");
            }
        }
        return problems;
    }

    public static List<String> problems(ProgramDefinition definition) {
        List<String> problems = new ArrayList<>();
        var application = definition.form(Form.APPLICATION);
        if (application.isEmpty()) {
            problems.add("no form '" + Form.APPLICATION + "'");
        }
        for (Form form : definition.forms()) {
            for (Field field : form.fields()) {
                problems.addAll(requiredWhenProblems(form, field));
            }
        }
        for (Transition t : definition.workflow().transitions()) {
            if (t.form() != null && definition.form(t.form()).isEmpty()) {
                problems.add("action " + t.action() + " names the undeclared form " + t.form());
            }
            if (Step.FILE.equals(t.action())) {
                problems.add("action id '" + Step.FILE + "' is reserved for filing");
            }
        }
        if (definition.workflow().filers().contains(Role.AUDITOR)) {
            problems.add("workflow.filers names AUDITOR, a read-only role");
        }
        for (State s : definition.workflow().states()) {
            var notice = s.noticeParameter() == null ? null : definition.parameter(s.noticeParameter());
            if (notice != null && notice.isEmpty()) {
                problems.add("state " + s.id() + " names the undeclared parameter " + s.noticeParameter());
            } else if (notice != null && notice.get().type() != ParameterDefinition.Type.INTEGER) {
                problems.add("notice parameter " + s.noticeParameter() + " of state " + s.id() + " is not an INTEGER");
            }
            if (s.deadlineParameter() != null) {
                var deadline = definition.parameter(s.deadlineParameter());
                if (deadline.isEmpty() || deadline.get().type() != ParameterDefinition.Type.INTEGER) {
                    problems.add("deadline " + s.deadlineParameter() + " of state " + s.id()
                            + " is not a declared INTEGER parameter");
                }
                if (s.terminal()) {
                    problems.add("state " + s.id() + " is terminal: nothing is overdue there");
                }
            }
            if (s.noticeParameter() == null && (s.noticeLevel() != null || s.announcement())) {
                problems.add("state " + s.id() + " has a notice level or is an announcement but has no notice");
            }
            if (s.noticeLevel() != null && s.noticeLevel().compareTo(RegionLevel.COUNTY) < 0) {
                problems.add("state " + s.id() + " posts its notice at " + s.noticeLevel()
                        + ": notices are posted in the village, the township or the county");
            }
        }
        for (Transition t : definition.workflow().transitions()) {
            t.from().stream().filter(from -> definition.workflow().state(from).map(State::terminal).orElse(false))
                    .forEach(from -> problems.add("action " + t.action() + " leaves the terminal state " + from));
            if (t.roles().isEmpty() && t.schedule() == null) {
                problems.add("action " + t.action() + " names no role: nobody could take it");
            }
            problems.addAll(scheduleProblems(definition, t, Form.APPLICATION, "action " + t.action() + " schedule"));
            if (t.duringNotice() && t.afterNotice()) {
                problems.add("action " + t.action() + " is both duringNotice and afterNotice: never possible");
            }
            if (t.duringNotice() && t.from().stream().allMatch(from -> definition.workflow().state(from)
                    .map(s -> s.noticeParameter() == null).orElse(true))) {
                problems.add("action " + t.action() + " is duringNotice but none of its from states has a notice");
            }
        }
        problems.addAll(householdFieldProblems(definition.householdFields()));
        definition.records().forEach(record -> problems.addAll(recordProblems(definition, record)));
        duplicates("record", definition.records().stream().map(RecordType::id).toList(), problems);
        for (Conflict conflict : definition.conflicts()) {
            String at = "conflict " + conflict.rule();
            boolean own = conflict.program().equals(definition.descriptor().id());
            if (own && conflict.record() == null) {
                problems.add(at + " names this program itself: use a limit");
            }
            if (own && conflict.record() != null && definition.record(conflict.record()).isEmpty()) {
                problems.add(at + " names the undeclared record type " + conflict.record());
            }
            if (conflict.states().isEmpty()) {
                problems.add(at + " names no state of " + conflict.program());
            }
            for (String action : conflict.actions()) {
                if (!Step.FILE.equals(action) && definition.workflow().transition(action).isEmpty()) {
                    problems.add(at + " names the undeclared action " + action);
                }
            }
        }
        for (Limit limit : definition.limits()) {
            if (limit.maxParameter() != null) {
                var parameter = definition.parameter(limit.maxParameter());
                boolean money = limit.measure() == Limit.Measure.AMOUNT;
                if (parameter.isEmpty()) {
                    problems.add("limit " + limit.rule() + " names the undeclared parameter " + limit.maxParameter());
                } else if (money != (parameter.get().type() == ParameterDefinition.Type.MONEY)
                        || (!money && parameter.get().type() != ParameterDefinition.Type.INTEGER)) {
                    problems.add("limit " + limit.rule() + " needs " + (money ? "a MONEY" : "an INTEGER")
                            + " parameter, not " + limit.maxParameter() + " (" + parameter.get().type() + ")");
                }
            }
            if (limit.field() != null && definition.forms().stream().allMatch(f -> f.field(limit.field()).isEmpty())) {
                problems.add("limit " + limit.rule() + " reports against the undeclared field " + limit.field());
            }
        }
        duplicates("limit", definition.limits().stream().map(Limit::rule).toList(), problems);
        duplicates("form", definition.forms().stream().map(Form::id).toList(), problems);
        definition.forms().forEach(f -> duplicates("field of form " + f.id(),
                f.fields().stream().map(org.fupin.program.api.Field::name).toList(), problems));
        duplicates("state", definition.workflow().states().stream().map(State::id).toList(), problems);
        duplicates("action", definition.workflow().transitions().stream().map(Transition::action).toList(), problems);
        duplicates("report", definition.reports().stream().map(r -> r.id()).toList(), problems);
        for (ReportDefinition report : definition.reports()) {
            problems.addAll(measureProblems(definition, report));
        }
        duplicates("parameter", definition.parameters().stream().map(ParameterDefinition::name).toList(), problems);
        definition.reports().forEach(report -> report.dimensions().stream()
                .filter(d -> d.kind() == Dimension.Kind.FIELD)
                .filter(d -> countedForm(definition, report).flatMap(f -> f.field(d.field())).isEmpty())
                .forEach(d -> problems.add("report " + report.id() + " groups by the undeclared field " + d.field())));
        return problems;
    }

    private static void duplicates(String what, List<String> ids, List<String> problems) {
        Set<String> seen = new HashSet<>();
        ids.stream().filter(id -> !seen.add(id)).distinct()
                .forEach(id -> problems.add(what + " " + id + " is declared twice"));
    }

    private static List<String> requiredWhenProblems(Form form, Field field) {
        var when = field.requiredWhen();
        if (when == null) {
            return List.of();
        }
        String at = "form " + form.id() + " field " + field.name() + " requiredWhen";
        var other = form.field(when.field());
        if (when.field().equals(field.name()) || other.isEmpty()) {
            return List.of(at + " names " + when.field() + ", not another field of the form");
        }
        if (field.required()) {
            return List.of(at + ": the field is required anyway");
        }
        var unknown = when.values().stream().filter(v -> other.get().type() == FieldType.CODE
                && other.get().option(v).isEmpty()).toList();
        return unknown.isEmpty() ? List.of() : List.of(at + " names codes " + unknown + " that " + when.field()
                + " does not offer");
    }

    /** @param dated the form whose DATE field a schedule may name: the application's, or a record's */
    private static List<String> scheduleProblems(ProgramDefinition definition, Transition t, String dated,
            String at) {
        var schedule = t.schedule();
        if (schedule == null) {
            return List.of();
        }
        if ((schedule.afterDays() == null) == (schedule.dateField() == null)) {
            return List.of(at + " needs afterDays or dateField, one of them");
        }
        if (schedule.afterDays() != null && schedule.afterDays() < 0) {
            return List.of(at + " afterDays is negative");
        }
        if (t.form() != null) {
            return List.of(at + ": the platform takes it without data, so it has no form");
        }
        if (t.duringNotice()) {
            return List.of(at + ": a scheduled action cannot wait for a notice to run, only to end");
        }
        if (schedule.dateField() != null && definition.form(dated).flatMap(f -> f.field(schedule.dateField()))
                .map(f -> f.type() != FieldType.DATE).orElse(true)) {
            return List.of(at + " dateField " + schedule.dateField() + " is not a DATE field of the form " + dated);
        }
        return List.of();
    }

    /**
     * The form whose fields a report groups by and measures: the application form (also for benefits, grouped by
     * their application's values), a RECORDS report's record form, an ENTRIES report's entry form; none for entries
     * of every type.
     */
    public static Optional<Form> countedForm(ProgramDefinition definition, ReportDefinition report) {
        var record = report.record() == null ? Optional.<RecordType>empty() : definition.record(report.record());
        return switch (report.source()) {
            case APPLICATIONS, BENEFITS -> definition.form(Form.APPLICATION);
            case RECORDS -> record.flatMap(r -> definition.form(r.form()));
            case ENTRIES -> report.entry() == null ? Optional.empty()
                    : record.flatMap(r -> r.entry(report.entry())).flatMap(e -> definition.form(e.form()));
        };
    }

    private static List<String> measureProblems(ProgramDefinition definition, ReportDefinition report) {
        var problems = new ArrayList<String>();
        boolean ofRecords = report.source() == ReportDefinition.Source.RECORDS
                || report.source() == ReportDefinition.Source.ENTRIES;
        if (ofRecords && (report.record() == null || definition.record(report.record()).isEmpty())) {
            problems.add("report " + report.id() + " counts " + report.source() + " but names no declared record type");
        } else if (!ofRecords && (report.record() != null || report.entry() != null)) {
            problems.add("report " + report.id() + " counts " + report.source() + ": record and entry are for "
                    + "RECORDS and ENTRIES reports");
        } else if (report.entry() != null && (report.source() != ReportDefinition.Source.ENTRIES
                || definition.record(report.record()).flatMap(r -> r.entry(report.entry())).isEmpty())) {
            problems.add("report " + report.id() + " names the entry type " + report.entry() + ", which is no entry "
                    + "of record " + report.record() + " counted by an ENTRIES report");
        }
        for (String state : report.states()) {
            boolean declared = ofRecords
                    ? definition.record(report.record()).flatMap(r -> r.state(state)).isPresent()
                    : definition.workflow().states().stream().anyMatch(s -> s.id().equals(state));
            if (!declared) {
                problems.add("report " + report.id() + " counts the undeclared state " + state);
            }
        }
        var counted = countedForm(definition, report);
        for (ReportDefinition.Measure m : report.measures()) {
            if (m.kind().overField() != (m.field() != null)) {
                problems.add("report " + report.id() + " measure " + m.key() + (m.field() == null
                        ? " needs a field" : " takes no field"));
                continue;
            }
            problems.addAll(derivedMeasureProblems(definition, report, m, ofRecords));
            if (m.field() == null) {
                continue;
            }
            if (report.source() == ReportDefinition.Source.BENEFITS) {
                problems.add("report " + report.id() + " measures the field " + m.field() + " but counts benefits: "
                        + "field measures are over applications, records or entries");
                continue;
            }
            if (counted.isEmpty()) {
                problems.add("report " + report.id() + " measures the field " + m.field() + " but counts "
                        + "ENTRIES of every type: name the entry type");
                continue;
            }
            var type = counted.flatMap(f -> f.field(m.field())).map(Field::type).orElse(null);
            if (type != FieldType.INTEGER && type != FieldType.DECIMAL && type != FieldType.MONEY) {
                problems.add("report " + report.id() + " measures " + m.field()
                        + ", not a number field of the form " + counted.get().id());
            }
        }
        if (report.chart() != null && (report.dimensions().isEmpty() || report.measures().isEmpty())) {
            problems.add("report " + report.id() + " has a chart but no dimension or no measure to draw");
        }
        for (Dimension d : report.dimensions()) {
            if (d.kind() == Dimension.Kind.STATE && d.field() != null && counted.flatMap(f -> f.field(d.field()))
                    .filter(f -> f.type() == FieldType.APPLICATION).isEmpty()) {
                problems.add("report " + report.id() + " groups by the state of " + d.field() + ", which is no "
                        + "APPLICATION field of the form counted");
            }
            if (d.kind() != Dimension.Kind.RECORD) {
                continue;
            }
            if (!ofRecords) {
                problems.add("report " + report.id() + " groups by RECORD but counts " + report.source());
            } else if (d.field() != null && definition.record(report.record()).flatMap(r -> definition.form(r.form()))
                    .flatMap(f -> f.field(d.field())).isEmpty()) {
                problems.add("report " + report.id() + " labels its records by " + d.field() + ", which is no field "
                        + "of record " + report.record());
            }
        }
        var minimum = report.minimum();
        if (minimum != null) {
            if (report.measures().stream().noneMatch(m -> m.key().equals(minimum.measure()))) {
                problems.add("report " + report.id() + " has a minimum of " + minimum.measure() + ", which is none of "
                        + "its measures " + report.measures().stream().map(ReportDefinition.Measure::key).toList());
            }
            if (definition.parameter(minimum.parameter()).isEmpty()) {
                problems.add("report " + report.id() + " has a minimum of the undeclared parameter "
                        + minimum.parameter());
            }
        }
        if (report.rank() && report.measures().isEmpty()) {
            problems.add("report " + report.id() + " ranks its rows but has no measure to rank them by");
        }
        return problems;
    }

    /**
     * DAYS counts an ENTRIES report's dates, or a RECORDS report's records' dates of one of their entry types; REGIONS
     * counts records' regions; WEIGHTED weighs number fields of a RECORDS report's record form by declared parameters.
     */
    private static List<String> sinceTwoFiveProblems(ProgramDefinition definition, ReportDefinition report,
            ReportDefinition.Measure m, boolean ofRecords, String at) {
        List<String> problems = new ArrayList<>();
        var source = report.source();
        switch (m.kind()) {
            case DAYS -> {
                if (source == ReportDefinition.Source.ENTRIES && m.entry() != null) {
                    problems.add(at + " counts the entries' own dates: it takes no entry on an ENTRIES report");
                } else if (source == ReportDefinition.Source.RECORDS) {
                    if (m.entry() == null || definition.record(report.record()).flatMap(r -> r.entry(m.entry()))
                            .isEmpty()) {
                        problems.add(at + " needs an entry type of record " + report.record() + " whose dates it counts");
                    }
                } else if (source != ReportDefinition.Source.ENTRIES) {
                    problems.add(at + " counts dates of entries: only on ENTRIES or RECORDS reports");
                }
            }
            case REGIONS -> {
                if (!ofRecords) {
                    problems.add(at + " counts the regions of records: only on RECORDS or ENTRIES reports");
                }
            }
            case WEIGHTED -> {
                if (source != ReportDefinition.Source.RECORDS) {
                    problems.add(at + " weighs a record's fields: only on RECORDS reports");
                }
                if (m.weights().isEmpty()) {
                    problems.add(at + " weighs no field");
                }
                var form = definition.record(report.record()).flatMap(r -> definition.form(r.form()));
                m.weights().forEach((field, parameter) -> {
                    var type = form.flatMap(f -> f.field(field)).map(Field::type).orElse(null);
                    if (type != FieldType.INTEGER && type != FieldType.DECIMAL && type != FieldType.MONEY) {
                        problems.add(at + " weighs " + field + ", which is no number field of record "
                                + report.record());
                    }
                    if (definition.parameter(parameter).isEmpty()) {
                        problems.add(at + " names the undeclared parameter " + parameter);
                    }
                });
            }
            default -> {
                if (!m.weights().isEmpty()) {
                    problems.add(at + " takes no weights");
                }
            }
        }
        return problems;
    }

    /**
     * BALANCE takes a RECORDS report's entry type that sums an amount; SHARE declared states; COVERAGE a REGION
     * dimension; the others neither an entry nor states.
     */
    private static List<String> derivedMeasureProblems(ProgramDefinition definition, ReportDefinition report,
            ReportDefinition.Measure m, boolean ofRecords) {
        List<String> problems = new ArrayList<>();
        String at = "report " + report.id() + " measure " + m.key();
        boolean balance = m.kind() == ReportDefinition.Measure.Kind.BALANCE;
        boolean share = m.kind() == ReportDefinition.Measure.Kind.SHARE;
        problems.addAll(sinceTwoFiveProblems(definition, report, m, ofRecords, at));
        if (m.kind() == ReportDefinition.Measure.Kind.DAYS) {
            // DAYS takes an entry type exactly on RECORDS; checked above
        } else if (balance != (m.entry() != null)) {
            problems.add(at + (balance ? " needs the entry type it subtracts" : " takes no entry"));
        } else if (balance && (report.source() != ReportDefinition.Source.RECORDS
                || definition.record(report.record()).flatMap(r -> r.entry(m.entry()))
                        .filter(e -> e.amountField() != null).isEmpty())) {
            problems.add(at + " subtracts " + m.entry() + ", which is no entry type of the records counted that sums "
                    + "an amount");
        }
        if (share == m.states().isEmpty()) {
            problems.add(at + (share ? " needs the states whose share it gives" : " takes no states"));
        }
        for (String state : m.states()) {
            boolean declared = ofRecords
                    ? definition.record(report.record()).flatMap(r -> r.state(state)).isPresent()
                    : definition.workflow().states().stream().anyMatch(s -> s.id().equals(state));
            if (!declared) {
                problems.add(at + " names the undeclared state " + state);
            }
        }
        if (m.kind() == ReportDefinition.Measure.Kind.COVERAGE
                && report.dimensions().stream().noneMatch(d -> d.kind() == ReportDefinition.Dimension.Kind.REGION)) {
            problems.add(at + " needs a REGION dimension: it compares each region's households with those served");
        }
        return problems;
    }
}
