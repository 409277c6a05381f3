package org.fupin.program.declaration;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import org.fupin.program.api.Conflict;
import org.fupin.program.api.Field;
import org.fupin.program.api.FieldType;
import org.fupin.program.api.Form;
import org.fupin.program.api.HouseholdField;
import org.fupin.program.api.Limit;
import org.fupin.program.api.Option;
import org.fupin.program.api.ParameterDefinition;
import org.fupin.program.api.ProgramDefinition;
import org.fupin.program.api.ProgramDescriptor;
import org.fupin.program.api.ProgramMessages;
import org.fupin.program.api.RecordLimit;
import org.fupin.program.api.RecordType;
import org.fupin.program.api.ReportDefinition.Dimension;
import org.fupin.program.api.ReportDefinition.Measure;
import org.fupin.program.api.ReportDefinition;
import org.fupin.program.api.State;
import org.fupin.program.api.Transition;
import org.fupin.program.api.Workflow;
import org.fupin.program.declaration.internal.ProgramJson;
import org.fupin.registry.model.LocalizedText;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads a program declaration: {@value #DECLARATION} (ids, types, numbers; see {@code program.schema.json}) and its
 * texts in {@code PROGRAM-INF/messages_zh.properties} and {@code PROGRAM-INF/messages.properties}, found by key:
 * <ul>
 * <li>{@code program.name}, {@code program.agency}, {@code program.description};</li>
 * <li>{@code form.<form>}, {@code field.<field>} (and, if present, {@code field.<field>.help}),
 * {@code option.<field>.<code>};</li>
 * <li>{@code state.<state>}, {@code action.<action>};</li>
 * <li>{@code parameter.<name>} and, if it has a unit, {@code parameter.<name>.unit};</li>
 * <li>{@code report.<report>}, {@code dimension.region}, {@code dimension.period}, {@code dimension.state} (a
 * field dimension is labelled {@code field.<field>}), {@code measure.households}, {@code measure.people},
 * {@code measure.records}, {@code measure.amount};</li>
 * <li>optionally {@code rule.household-status}, the refusal of a household whose status the program does not
 * support, with {@code {0}} the status.</li>
 * </ul>
 * Every problem is reported, with where it is: a declaration is offered only when there is none.
 */
public final class ProgramDeclarations {
    public static final String DECLARATION = "PROGRAM-INF/program.json";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ProgramDeclarations() {
    }

    /** Reads the declaration in {@code resources}; never throws for a bad declaration, it reports it. */
    public static Declaration read(Resources resources) {
        ProgramJson json;
        try (InputStream in = resources.open(DECLARATION)) {
            if (in == null) {
                return Declaration.refused(List.of("no " + DECLARATION));
            }
            json = JSON.readValue(in, ProgramJson.class);
        } catch (JsonMappingException e) {
            return Declaration.refused(List.of(DECLARATION + ": " + where(e) + firstLine(e.getOriginalMessage())));
        } catch (JsonProcessingException e) {
            return Declaration.refused(List.of(DECLARATION + ": not JSON: " + firstLine(e.getOriginalMessage())));
        } catch (IOException e) {
            return Declaration.refused(List.of("cannot read " + DECLARATION + ": " + e.getMessage()));
        }
        ProgramMessages messages;
        try {
            messages = ProgramMessages.of(ProgramMessages.DECLARED,
                    properties(resources, ProgramMessages.DECLARED + "_zh.properties"),
                    properties(resources, ProgramMessages.DECLARED + ".properties"));
        } catch (IOException e) {
            return Declaration.refused(List.of(e.getMessage()));
        }
        return new Reader(json, messages).declaration();
    }

    private static Properties properties(Resources resources, String path) throws IOException {
        try (InputStream in = resources.open(path)) {
            if (in == null) {
                throw new IOException("no " + path + " (the program's texts)");
            }
            return ProgramMessages.read(in);
        }
    }

    private static String where(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining());
        return path.isEmpty() ? "" : path.substring(path.startsWith(".") ? 1 : 0) + ": ";
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").strip();
    }

    /** One reading: collects every problem and every message key it needs. */
    private static final class Reader {
        private final ProgramJson json;
        private final ProgramMessages messages;
        private final List<String> problems = new ArrayList<>();
        private final Set<String> keys = new LinkedHashSet<>();

        Reader(ProgramJson json, ProgramMessages messages) {
            this.json = json;
            this.messages = messages;
        }

        Declaration declaration() {
            require(json.id(), "id");
            require(json.agency(), "agency");
            require(json.forms(), "forms");
            require(json.workflow(), "workflow");
            if (!problems.isEmpty()) {
                return Declaration.refused(problems);
            }
            ProgramDefinition definition;
            try {
                definition = new ProgramDefinition(
                        new ProgramDescriptor(json.id(), text("program.name"), json.agency(), text("program.agency"),
                                text("program.description")),
                        forms(), workflow(), reports(), parameters(), limits(), conflicts(), householdFields(),
                        records());
            } catch (IllegalArgumentException | NullPointerException e) {
                problems.add(e.getMessage() == null ? e.toString() : e.getMessage());
                return Declaration.refused(problems);
            }
            problems.addAll(messages.missing(keys));
            problems.addAll(messages.inconsistencies());
            problems.addAll(DeclarationCheck.problems(definition));
            Map<String, Declaration.Grant> grants = grants(definition);
            return new Declaration(definition, messages, json.rules(), json.householdStatuses(), grants, problems);
        }

        private List<Form> forms() {
            List<Form> forms = new ArrayList<>();
            for (int i = 0; i < json.forms().size(); i++) {
                var form = json.forms().get(i);
                String at = "forms[" + i + "]";
                if (require(form.id(), at + ".id") && require(form.fields(), at + ".fields")) {
                    forms.add(new Form(form.id(), text("form." + form.id()), fields(form, at)));
                }
            }
            return forms;
        }

        private List<Field> fields(ProgramJson.FormJson form, String at) {
            List<Field> fields = new ArrayList<>();
            for (int i = 0; i < form.fields().size(); i++) {
                var field = form.fields().get(i);
                String where = at + ".fields[" + i + "]";
                if (!require(field.name(), where + ".name") || !require(field.type(), where + ".type")) {
                    continue;
                }
                List<Option> options = field.options() == null ? List.of() : field.options().stream()
                        .map(code -> new Option(code, text("option." + field.name() + "." + code))).toList();
                if (field.type() == FieldType.CODE && options.isEmpty()) {
                    problems.add(where + ": a CODE field needs options");
                    continue;
                }
                if (field.type() != FieldType.CODE && !options.isEmpty()) {
                    problems.add(where + ": only a CODE field has options");
                }
                String help = "field." + field.name() + ".help";
                var when = field.requiredWhen();
                if (when != null && !require(when.field(), where + ".requiredWhen.field")) {
                    when = null;
                }
                if (field.program() != null && field.type() != FieldType.APPLICATION) {
                    problems.add(where + ": only an APPLICATION field names a program");
                }
                fields.add(new Field(field.name(), field.type(), text("field." + field.name()), field.required(),
                        field.min(), field.max(), field.pattern(), options,
                        messages.has(help) ? messages.text(help) : null,
                        when == null ? null : new Field.RequiredWhen(when.field(), when.in()), field.program()));
            }
            return fields;
        }

        /** Labelled {@code household.<name>}, codes {@code household.<name>.<code>}. */
        private List<HouseholdField> householdFields() {
            List<HouseholdField> fields = new ArrayList<>();
            var declared = nonNull(json.householdFields());
            for (int i = 0; i < declared.size(); i++) {
                var field = declared.get(i);
                String where = "householdFields[" + i + "]";
                if (!require(field.name(), where + ".name") || !require(field.type(), where + ".type")) {
                    continue;
                }
                List<Option> options = nonNull(field.options()).stream()
                        .map(code -> new Option(code, text("household." + field.name() + "." + code))).toList();
                if (field.type() == FieldType.CODE && options.isEmpty()) {
                    problems.add(where + ": a CODE field needs options");
                    continue;
                }
                if (field.type() != FieldType.CODE && !options.isEmpty()) {
                    problems.add(where + ": only a CODE field has options");
                }
                fields.add(new HouseholdField(new Field(field.name(), field.type(), text("household." + field.name()),
                        false, field.min(), field.max(), null, options, null), field.editors()));
            }
            return fields;
        }

        private Workflow workflow() {
            var workflow = json.workflow();
            require(workflow.initial(), "workflow.initial");
            return new Workflow(workflow.initial(), workflow.filers(), states(workflow.states(), "workflow.states"),
                    transitions(workflow.transitions(), "workflow.transitions"));
        }

        /** Labelled {@code record.<id>}, entries {@code entry.<id>}, their states and actions as the workflow's. */
        private List<RecordType> records() {
            List<RecordType> records = new ArrayList<>();
            var declared = nonNull(json.records());
            for (int i = 0; i < declared.size(); i++) {
                var record = declared.get(i);
                String at = "records[" + i + "]";
                if (!(require(record.id(), at + ".id") & require(record.attachedTo(), at + ".attachedTo")
                        & require(record.form(), at + ".form") & require(record.editors(), at + ".editors")
                        & require(record.initial(), at + ".initial") & require(record.states(), at + ".states"))) {
                    continue;
                }
                List<RecordType.EntryType> entries = new ArrayList<>();
                for (int e = 0; e < nonNull(record.entries()).size(); e++) {
                    var entry = record.entries().get(e);
                    String where = at + ".entries[" + e + "]";
                    if (require(entry.id(), where + ".id") & require(entry.form(), where + ".form")) {
                        entries.add(new RecordType.EntryType(entry.id(), text("entry." + entry.id()), entry.form(),
                                entry.amountField()));
                    }
                }
                List<RecordLimit> limits = new ArrayList<>();
                for (int l = 0; l < nonNull(record.limits()).size(); l++) {
                    var limit = record.limits().get(l);
                    String where = at + ".limits[" + l + "]";
                    if (require(limit.rule(), where + ".rule") & require(limit.per(), where + ".per")
                            & require(limit.states(), where + ".states")) {
                        var balance = limit.maxBalance() == null ? null : new RecordLimit.Balance(
                                limit.maxBalance().record(), limit.maxBalance().plus(), limit.maxBalance().minus(),
                                limit.maxBalance().timesParameter());
                        var byField = limit.maxByField() == null ? null : new RecordLimit.ByField(
                                limit.maxByField().field(), limit.maxByField().parameters() == null ? java.util.Map.of()
                                        : limit.maxByField().parameters());
                        int sources = (limit.max() == null ? 0 : 1) + (limit.maxParameter() == null ? 0 : 1)
                                + (balance == null ? 0 : 1) + (byField == null ? 0 : 1);
                        if (sources != 1) {
                            problems.add(where + ": give exactly one of max, maxParameter, maxBalance and maxByField");
                            continue;
                        }
                        if ((limit.per() == RecordLimit.Per.FIELD) != (limit.perField() != null)) {
                            problems.add(where + ": perField goes with per FIELD, and per FIELD needs it");
                            continue;
                        }
                        var only = limit.where() == null ? null
                                : new RecordLimit.Where(limit.where().field(), nonNull(limit.where().in()));
                        limits.add(new RecordLimit(limit.rule(), limit.field(), limit.per(), limit.states(),
                                limit.max(), limit.maxParameter(), balance, limit.perField(), only, byField));
                    }
                }
                records.add(new RecordType(record.id(), text("record." + record.id()), record.attachedTo(),
                        record.form(), record.editors(), record.initial(), states(record.states(), at + ".states"),
                        transitions(record.actions(), at + ".actions"), entries, limits,
                        record.householdPairing() == null ? null : new RecordType.HouseholdPairing(
                                record.householdPairing().cadreName(), record.householdPairing().startDate(),
                                record.householdPairing().cadreUnit(), record.householdPairing().cadrePost(),
                                record.householdPairing().cadrePhone(), record.householdPairing().unitLevel())));
            }
            return records;
        }

        private List<State> states(List<ProgramJson.StateJson> declared, String at) {
            List<State> states = new ArrayList<>();
            for (int i = 0; i < nonNull(declared).size(); i++) {
                var state = declared.get(i);
                if (require(state.id(), at + "[" + i + "].id")) {
                    states.add(new State(state.id(), text("state." + state.id()), state.notice(), state.terminal(),
                            state.noticeLevel(), state.announcement(), state.deadline()));
                }
            }
            return states;
        }

        private List<Transition> transitions(List<ProgramJson.TransitionJson> declared, String where) {
            List<Transition> transitions = new ArrayList<>();
            for (int i = 0; i < nonNull(declared).size(); i++) {
                var t = declared.get(i);
                String at = where + "[" + i + "]";
                // a scheduled action may name no role: then only the platform takes it
                if (require(t.action(), at + ".action") & require(t.from(), at + ".from") & require(t.to(), at + ".to")
                        & (t.schedule() != null || require(t.roles(), at + ".roles")) & require(t.level(), at + ".level")) {
                    var schedule = t.schedule() == null ? null
                            : new Transition.Schedule(t.schedule().afterDays(), t.schedule().dateField());
                    transitions.add(new Transition(t.action(), text("action." + t.action()), t.from(), t.to(),
                            t.roles() == null ? java.util.Set.of() : t.roles(), t.level(), t.form(), t.reasonRequired(),
                            t.afterNotice(), t.duringNotice(), schedule, t.assures()));
                }
            }
            return transitions;
        }

        private List<Conflict> conflicts() {
            List<Conflict> conflicts = new ArrayList<>();
            var declared = nonNull(json.conflicts());
            for (int i = 0; i < declared.size(); i++) {
                var conflict = declared.get(i);
                String at = "conflicts[" + i + "]";
                if (require(conflict.rule(), at + ".rule") & require(conflict.program(), at + ".program")
                        & require(conflict.states(), at + ".states")) {
                    conflicts.add(new Conflict(conflict.rule(), conflict.program(), conflict.states(),
                            conflict.actions(), conflict.record()));
                }
            }
            return conflicts;
        }

        private List<Limit> limits() {
            List<Limit> limits = new ArrayList<>();
            for (var limit : nonNull(json.limits())) {
                limits.add(new Limit(limit.rule(), limit.measure(), limit.per(), limit.within(), limit.max(),
                        limit.maxParameter(), limit.field()));
            }
            return limits;
        }

        private List<ReportDefinition> reports() {
            List<ReportDefinition> reports = new ArrayList<>();
            for (int i = 0; i < nonNull(json.reports()).size(); i++) {
                var report = json.reports().get(i);
                String at = "reports[" + i + "]";
                if (!require(report.id(), at + ".id") || !require(report.source(), at + ".source")) {
                    continue;
                }
                List<Dimension> dimensions = new ArrayList<>();
                for (var d : nonNull(report.dimensions())) {
                    if (!require(d.kind(), at + ".dimensions[].kind")) {
                        continue;
                    }
                    dimensions.add(new Dimension(d.kind(), d.field(), switch (d.kind()) {
                        case REGION -> text("dimension.region");
                        case PERIOD -> text("dimension.period");
                        case STATE -> d.field() == null ? text("dimension.state") : text("field." + d.field());
                        case FIELD -> require(d.field(), at + ".dimensions[].field") ? text("field." + d.field())
                                : null;
                        case YEAR -> text("dimension.year");
                        case RECORD -> text("dimension.record");
                    }));
                }
                List<Measure> measures = new ArrayList<>(nonNull(report.measures()).stream().filter(Objects::nonNull)
                        .map(kind -> new Measure(kind, text("measure." + kind.name().toLowerCase(java.util.Locale.ROOT))))
                        .toList());
                for (var m : nonNull(report.fieldMeasures())) {
                    if (require(m.kind(), at + ".fieldMeasures[].kind")
                            && (!m.kind().overField() || require(m.field(), at + ".fieldMeasures[].field"))) {
                        var measure = new Measure(m.kind(), m.field(), null, m.entry(), null);
                        measures.add(new Measure(m.kind(), m.field(), text("measure." + measure.key()), m.entry(),
                                nonNull(m.states()), m.weights()));
                    }
                }
                reports.add(new ReportDefinition(report.id(), text("report." + report.id()), report.source(),
                        dimensions, measures, report.chart(), report.record(), report.entry(),
                        nonNull(report.states()), report.minimum() == null ? null : new ReportDefinition.Minimum(
                                report.minimum().measure(), report.minimum().parameter(), report.minimum().prorated()),
                        report.rank()));
            }
            return reports;
        }

        private List<ParameterDefinition> parameters() {
            List<ParameterDefinition> parameters = new ArrayList<>();
            for (int i = 0; i < nonNull(json.parameters()).size(); i++) {
                var p = json.parameters().get(i);
                String at = "parameters[" + i + "]";
                if (require(p.name(), at + ".name") & require(p.type(), at + ".type")
                        & require(p.defaultValue(), at + ".default")) {
                    try {
                        String unit = "parameter." + p.name() + ".unit";
                        parameters.add(new ParameterDefinition(p.name(), p.type(), text("parameter." + p.name()),
                                p.defaultValue(), p.min(), p.max(), messages.has(unit) ? messages.text(unit) : null));
                    } catch (IllegalArgumentException e) {
                        problems.add(at + ": " + e.getMessage());
                    }
                }
            }
            return parameters;
        }

        private Map<String, Declaration.Grant> grants(ProgramDefinition definition) {
            Map<String, Declaration.Grant> grants = new LinkedHashMap<>();
            for (var t : nonNull(json.workflow().transitions())) {
                var grant = t.grant();
                if (grant == null || t.action() == null) {
                    continue;
                }
                String at = "action " + t.action() + " grants ";
                if ((grant.amountParameter() == null) == (grant.amountField() == null)) {
                    problems.add(at + "either amountParameter or amountField, not both or neither");
                } else if (grant.amountParameter() != null) {
                    var parameter = definition.parameter(grant.amountParameter());
                    if (parameter.isEmpty() || parameter.get().type() != ParameterDefinition.Type.MONEY) {
                        problems.add(at + "the amount of " + grant.amountParameter()
                                + ", which is not a declared MONEY parameter");
                    }
                } else {
                    var field = t.form() == null ? null : definition.form(t.form())
                            .flatMap(f -> f.field(grant.amountField())).orElse(null);
                    if (field == null || field.type() != FieldType.MONEY || !field.required()) {
                        problems.add(at + "the amount in " + grant.amountField()
                                + ", which is not a required MONEY field of the action's form");
                    }
                }
                grants.put(t.action(), new Declaration.Grant(grant.amountParameter(), grant.amountField()));
            }
            return grants;
        }

        private LocalizedText text(String key) {
            keys.add(key);
            return messages.has(key) ? messages.text(key) : new LocalizedText(key, key);
        }

        private boolean require(Object value, String where) {
            if (value == null) {
                problems.add(where + ": required");
                return false;
            }
            return true;
        }

        private static <T> List<T> nonNull(List<T> list) {
            return list == null ? List.of() : list;
        }
    }
}
