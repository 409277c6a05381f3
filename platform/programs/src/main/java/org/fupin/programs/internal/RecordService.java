package org.fupin.programs.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.fupin.database.api.AuditLog;
import org.fupin.database.api.Database;
import org.fupin.program.api.Form;
import org.fupin.program.api.ProgramDefinition;
import org.fupin.program.api.ProgramRecord;
import org.fupin.program.api.RecordType;
import org.fupin.program.api.RecordWrite;
import org.fupin.program.api.State;
import org.fupin.program.api.Transition;
import org.fupin.program.declaration.ParameterValues;
import org.fupin.registry.api.AccessDeniedException;
import org.fupin.registry.api.Actor;
import org.fupin.registry.api.ConflictException;
import org.fupin.registry.api.HouseholdRegistry;
import org.fupin.registry.api.NotFoundException;
import org.fupin.registry.api.PlatformClock;
import org.fupin.registry.api.RegionDirectory;
import org.fupin.registry.api.ValidationException;
import org.fupin.registry.api.Violation;
import org.fupin.registry.model.Household;
import org.fupin.registry.model.LocalizedText;
import org.fupin.registry.model.Region;
import org.fupin.registry.model.RegionLevel;
import org.fupin.registry.model.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Records a program keeps beside its applications ({@link RecordType}): created by the type's editors against a
 * household, a member, an application or a region of a county that runs the program; their values checked by their
 * form; moved by their actions (roles, level, reason) and gathering dated entries, each write one transaction with its
 * audit record and guarded by the record's version. Scope as for applications: a record outside the actor's region,
 * or of another agency's program, does not exist for them.
 */
@Component(service = RecordService.class)
public class RecordService {
    /** A record as clients see it: its values by its form, its events, and per entry type that sums, the total. */
    record RecordView(String id, String program, String type, String householdId, String memberId,
            String applicationId, String region, String state, LocalizedText stateLabel, Map<String, Object> data,
            long version, Map<String, BigDecimal> totals, List<EventView> events, String createdBy,
            Instant createdAt, Instant updatedAt, Map<String, Linked> applications) {
    }

    /**
     * An application a record's APPLICATION field names, as it is now: its program, state and whether it has ended —
     * what a household's plan reads its measures' progress from, never typed again. Shown to whoever may read the
     * record, whichever agency runs that program.
     */
    record Linked(String program, LocalizedText programName, String state, LocalizedText stateLabel,
            boolean terminal) {
    }

    /** One event of a record: its creation, a change of its values, an action or a dated entry. */
    record EventView(int seq, String kind, String name, LocalDate date, String fromState, String toState,
            BigDecimal amount, Map<String, Object> data, String note, String actor, Instant at) {
    }

    /** A page of records; {@code programInstalled} is false while the program's plugin is removed. */
    record RecordPage(List<RecordView> items, long total, int page, int size, boolean programInstalled) {
    }

    /** Where a new record belongs: one of these, as its type's {@link RecordType.Attachment} asks. */
    record Owner(String householdId, String applicationId, String region) {
    }

    private final ProgramService programs;
    private final ProgramStore applications;
    private final RegionDirectory regions;
    private final PlatformClock clock;
    private final RecordStore store;
    private final HouseholdPairings pairings;

    @Activate
    public RecordService(@Reference ProgramService programs, @Reference ProgramStore applications,
            @Reference RegionDirectory regions, @Reference PlatformClock clock, @Reference Database database,
            @Reference AuditLog audit, @Reference HouseholdRegistry registry) {
        this.programs = programs;
        this.applications = applications;
        this.regions = regions;
        this.clock = clock;
        this.store = new RecordStore(database, audit);
        this.pairings = new HouseholdPairings(registry);
    }

    RecordView create(String programId, String typeId, Owner owner, JsonNode data, Actor actor) {
        return create(programId, typeId, owner, data, actor, clock.now());
    }

    /** Creates as of {@code at}, as the platform's demo activity dates its records; requests create now. */
    RecordView create(String programId, String typeId, Owner owner, JsonNode data, Actor actor, Instant at) {
        InstalledProgram program = programs.workedProgram(programId, actor);
        RecordType type = type(program.definition(), typeId);
        requireEditor(type, actor);
        String householdId = null;
        String applicationId = null;
        String region;
        FormValues.Household members = FormValues.Household.NONE;
        switch (type.attachedTo()) {
            case HOUSEHOLD, MEMBER -> {
                householdId = required(owner.householdId(), "householdId");
                Household household = programs.household(householdId, actor);
                region = household.villageCode();
                members = programs.formHousehold(household);
            }
            case APPLICATION -> {
                applicationId = required(owner.applicationId(), "applicationId");
                String asked = applicationId;
                var application = applications.find(asked)
                        .filter(a -> a.program().equals(programId) && actor.covers(a.village()))
                        .orElseThrow(() -> new NotFoundException(Texts.text("application.unknown", asked, programId)));
                householdId = application.householdId();
                region = application.village();
                members = programs.formHousehold(programs.household(householdId, actor));
            }
            default -> region = ownRegion(required(owner.region(), "region"), actor);
        }
        requireEnabled(program, region);
        Form form = program.definition().form(type.form()).orElseThrow();
        var checked = FormValues.check(form, data, members, "data");
        if (!checked.violations().isEmpty()) {
            throw new ValidationException(checked.violations());
        }
        Map<String, Object> values = checked.values();
        String memberId = type.attachedTo() == RecordType.Attachment.MEMBER
                ? form.memberField().map(f -> (String) values.get(f.name())).orElse(null) : null;
        var draft = new ProgramRecord(null, typeId, type.initial(), householdId, memberId, applicationId, region, values,
                Map.of(), at);
        Runnable paired = pairings.created(type, householdId, values, actor);
        // the program's rules, then the household's pairing if the type keeps it: both in the record's transaction
        Runnable rules = () -> {
            programs.checkRecord(program, new RecordWrite(RecordWrite.Kind.CREATE, null, draft, values, null, null),
                    LocalDate.ofInstant(at, PlatformClock.CHINA));
            paired.run();
        };
        Instant now = at;
        String dataJson = FormValues.toJson(values).toString();
        var row = new RecordStore.Row(UUID.randomUUID().toString(), programId, typeId, householdId, memberId,
                applicationId, region, type.initial(), dataJson, 1, actor.username(), now, now, List.of());
        store.insert(row, new RecordStore.Event(1, "CREATE", null, null, null, type.initial(), null, dataJson, null,
                actor.username(), now), Json.write(Map.of("type", typeId, "state", type.initial(), "data", values)),
                rules, limits(program, type, region, at));
        return find(programId, typeId, row.id(), actor);
    }

    RecordView find(String programId, String typeId, String recordId, Actor actor) {
        ProgramDefinition definition = programs.readableProgram(programId, actor).orElse(null);
        return view(definition, store.find(recordId).filter(r -> visibleTo(r, programId, typeId, actor))
                .orElseThrow(() -> unknown(programId, typeId, recordId)));
    }

    RecordPage search(String programId, String typeId, String region, String householdId, String state, int page,
            int size, Actor actor) {
        ProgramDefinition definition = programs.readableProgram(programId, actor).orElse(null);
        if (definition != null) {
            type(definition, typeId);
        }
        String prefix = region.startsWith(actor.scope()) ? region
                : actor.scope().startsWith(region) ? actor.scope() : null;
        if (prefix == null) {
            return new RecordPage(List.of(), 0, page, size, definition != null);
        }
        var found = store.search(programId, typeId, prefix, householdId, state, page, size);
        return new RecordPage(found.rows().stream().map(row -> view(definition, row)).toList(), found.total(), page,
                size, definition != null);
    }

    /** Replaces the record's values (its editors), while it is not in a terminal state. */
    RecordView edit(String programId, String typeId, String recordId, JsonNode data, Long expectedVersion,
            Actor actor) {
        InstalledProgram program = programs.workedProgram(programId, actor);
        RecordType type = type(program.definition(), typeId);
        requireEditor(type, actor);
        RecordStore.Row row = open(type, visible(programId, typeId, recordId, actor), "edit");
        Form form = program.definition().form(type.form()).orElseThrow();
        var checked = FormValues.check(form, data, members(row, actor), "data");
        if (!checked.violations().isEmpty()) {
            throw new ValidationException(checked.violations());
        }
        var kept = HouseholdPairings.unchangeable(type, FormValues.fromJson(form, Json.read(row.dataJson())),
                checked.values());
        if (!kept.isEmpty()) {
            throw new ValidationException(kept);
        }
        Instant now = clock.now();
        Runnable rules = rulesOn(program, type, row, RecordWrite.Kind.EDIT, null, checked.values(), null, null,
                LocalDate.ofInstant(now, PlatformClock.CHINA));
        String dataJson = FormValues.toJson(checked.values()).toString();
        store.advance(row, expectedVersion, row.state(), dataJson, new RecordStore.Event(0, "EDIT",
                null, null, null, null, null, dataJson, null, actor.username(), now), "edit",
                Json.write(Map.of("version", row.version(), "data", Json.read(row.dataJson()))),
                Json.write(Map.of("version", row.version() + 1, "data", checked.values())), rules,
                limits(program, type, row.region(), now));
        return find(programId, typeId, recordId, actor);
    }

    /** Adds a dated entry (its editors), while the record is not in a terminal state. */
    RecordView addEntry(String programId, String typeId, String recordId, String entryId, LocalDate date,
            JsonNode data, String note, Long expectedVersion, Actor actor) {
        return addEntry(programId, typeId, recordId, entryId, date, data, note, expectedVersion, null, actor).record();
    }

    /** An entry added, or found added before by a request with the same idempotency key ({@code replayed}). */
    record Added(RecordView record, boolean replayed) {
    }

    /**
     * Adds an entry once per the user's {@code idempotencyKey} ({@code null}: every time): a request sent again with
     * a key already stored (a visit typed offline, sent twice on a weak line) stores nothing and answers the record
     * as it is, {@code replayed}.
     */
    Added addEntry(String programId, String typeId, String recordId, String entryId, LocalDate date,
            JsonNode data, String note, Long expectedVersion, String idempotencyKey, Actor actor) {
        if (idempotencyKey != null && store.requested(actor.username(), idempotencyKey)) {
            return new Added(find(programId, typeId, recordId, actor), true);
        }
        boolean written = add(programId, typeId, recordId, entryId, date, data, note, expectedVersion, actor,
                clock.now(), idempotencyKey);
        return new Added(find(programId, typeId, recordId, actor), !written);
    }

    /**
     * Adds an entry as of {@code at} (the demo activity's, which adds many: the record is not read back); nothing may
     * be dated after that day.
     */
    void addEntryAt(String programId, String typeId, String recordId, String entryId, LocalDate date,
            JsonNode data, String note, Long expectedVersion, Actor actor, Instant at) {
        add(programId, typeId, recordId, entryId, date, data, note, expectedVersion, actor, at, null);
    }

    private boolean add(String programId, String typeId, String recordId, String entryId, LocalDate date,
            JsonNode data, String note, Long expectedVersion, Actor actor, Instant at, String idempotencyKey) {
        InstalledProgram program = programs.workedProgram(programId, actor);
        RecordType type = type(program.definition(), typeId);
        requireEditor(type, actor);
        RecordType.EntryType entry = type.entry(entryId == null ? "" : entryId).orElseThrow(() ->
                new ValidationException(List.of(new Violation("type", Texts.text("entry.unknown", entryId,
                        type.entries().stream().map(RecordType.EntryType::id).collect(Collectors.joining(", ")))))));
        RecordStore.Row row = open(type, visible(programId, typeId, recordId, actor), entryId);
        LocalDate today = LocalDate.ofInstant(at, PlatformClock.CHINA);
        if (date == null) {
            throw new ValidationException(List.of(new Violation("date", Texts.text("entry.date"))));
        }
        if (date.isAfter(today)) {
            throw new ValidationException(List.of(new Violation("date", Texts.text("entry.future", date))));
        }
        Form form = program.definition().form(entry.form()).orElseThrow();
        var checked = FormValues.check(form, data, members(row, actor), "data");
        if (!checked.violations().isEmpty()) {
            throw new ValidationException(checked.violations());
        }
        Runnable rules = rulesOn(program, type, row, RecordWrite.Kind.ENTRY, entryId, checked.values(), date, note,
                today);
        BigDecimal amount = entry.amountField() == null ? null : (BigDecimal) checked.values().get(entry.amountField());
        String dataJson = FormValues.toJson(checked.values()).toString();
        Instant now = at;
        return store.advance(row, expectedVersion, row.state(), row.dataJson(), new RecordStore.Event(0,
                "ENTRY", entryId, date, null, null, amount, dataJson, note, actor.username(), now), entryId,
                Json.write(Map.of("version", row.version())), Json.write(Map.of("version", row.version() + 1,
                        "entry", entryId, "date", date.toString(), "data", checked.values())), rules, null,
                idempotencyKey);
    }

    /** Takes one of the type's actions: from a state it names, by one of its roles at its level or above. */
    RecordView act(String programId, String typeId, String recordId, String action, String note, JsonNode data,
            Long expectedVersion, Actor actor) {
        return act(programId, typeId, recordId, action, note, data, expectedVersion, actor, clock.now());
    }

    /** Takes an action as of {@code at} (the demo activity's). */
    RecordView act(String programId, String typeId, String recordId, String action, String note, JsonNode data,
            Long expectedVersion, Actor actor, Instant at) {
        InstalledProgram program = programs.workedProgram(programId, actor);
        RecordType type = type(program.definition(), typeId);
        RecordStore.Row row = visible(programId, typeId, recordId, actor);
        Transition transition = ActionChecks.allowed(type.actions(), action, row.state(), note, actor);
        Map<String, Object> values = Map.of();
        if (transition.form() != null) {
            Form form = program.definition().form(transition.form()).orElseThrow();
            var checked = FormValues.check(form, data, members(row, actor), "data");
            if (!checked.violations().isEmpty()) {
                throw new ValidationException(checked.violations());
            }
            values = checked.values();
        } else if (data != null && !data.isNull() && !(data.isObject() && data.isEmpty())) {
            throw new ValidationException(List.of(new Violation("data", Texts.text("field.unknown"))));
        }
        LocalDate on = LocalDate.ofInstant(at, PlatformClock.CHINA);
        Runnable checked = rulesOn(program, type, row, RecordWrite.Kind.ACTION, action, values, null, note, on);
        Runnable unpaired = type.state(transition.to()).map(State::terminal).orElse(false)
                ? pairings.ended(type, row.householdId(), FormValues.fromJson(program.definition().form(type.form())
                        .orElseThrow(), Json.read(row.dataJson())), on, actor)
                : () -> { };
        Runnable rules = () -> {
            checked.run();
            unpaired.run();
        };
        String dataJson = values.isEmpty() ? null : FormValues.toJson(values).toString();
        Instant now = at;
        store.advance(row, expectedVersion, transition.to(), valuesAfter(program, type, row, values),
                new RecordStore.Event(0,
                "ACTION", action, null, row.state(), transition.to(), null, dataJson, note, actor.username(), now),
                action, Json.write(Map.of("state", row.state(), "version", row.version())),
                Json.write(Map.of("state", transition.to(), "version", row.version() + 1, "action", action,
                        "data", values)), rules, limits(program, type, row.region(), at));
        return find(programId, typeId, recordId, actor);
    }

    // ---- scheduled actions ----

    /** A page of a type's records in one state, oldest view of the store (for the scheduled actions job). */
    RecordStore.Found inState(String programId, String typeId, String state, int page, int size) {
        return store.search(programId, typeId, "", null, state, page, size);
    }

    /**
     * Takes a scheduled action for one record as the platform (user {@value ProgramService#SYSTEM_USER}) as of
     * {@code at}; false when it does not apply any more (the record has moved on). The program's rules judge it as
     * any other action: a refusal throws, and the job counts it refused.
     */
    boolean takeScheduled(InstalledProgram program, RecordType type, String recordId, Transition transition,
            Instant at) {
        var row = store.find(recordId).orElse(null);
        if (row == null || !transition.from().contains(row.state())) {
            return false;
        }
        Runnable rules = rulesOn(program, type, row, RecordWrite.Kind.ACTION, transition.action(), Map.of(), null,
                SCHEDULED_NOTE, LocalDate.ofInstant(at, PlatformClock.CHINA));
        store.advance(row, null, transition.to(), row.dataJson(), new RecordStore.Event(0, "ACTION",
                transition.action(), null, row.state(), transition.to(), null, null, SCHEDULED_NOTE,
                ProgramService.SYSTEM_USER, at), transition.action(),
                Json.write(Map.of("state", row.state(), "version", row.version())),
                Json.write(Map.of("state", transition.to(), "version", row.version() + 1, "action",
                        transition.action())), rules, null);
        return true;
    }

    private static final String SCHEDULED_NOTE = "按规定期限自动执行 / taken on schedule";

    // ---- shared pieces ----

    private static RecordType type(ProgramDefinition definition, String typeId) {
        return definition.record(typeId == null ? "" : typeId).orElseThrow(() -> new NotFoundException(Texts.text(
                "record-type.unknown", typeId, definition.descriptor().id(),
                definition.records().stream().map(RecordType::id).collect(Collectors.joining(", ")))));
    }

    /**
     * The record, without its history (what a write needs), when it is of this program and type and in the actor's
     * region; else "not found".
     */
    private RecordStore.Row visible(String programId, String typeId, String recordId, Actor actor) {
        return store.findRow(recordId).filter(r -> visibleTo(r, programId, typeId, actor))
                .orElseThrow(() -> unknown(programId, typeId, recordId));
    }

    private static boolean visibleTo(RecordStore.Row row, String programId, String typeId, Actor actor) {
        return row.program().equals(programId) && row.type().equals(typeId) && actor.covers(row.region());
    }

    private static NotFoundException unknown(String programId, String typeId, String recordId) {
        return new NotFoundException(Texts.text("record.unknown", recordId, programId, typeId));
    }

    private static void requireEditor(RecordType type, Actor actor) {
        if (!actor.hasAny(type.editors().toArray(Role[]::new))) {
            throw new AccessDeniedException(Texts.text("record.editors", type.label(),
                    type.editors().stream().map(Enum::name).sorted().collect(Collectors.joining(", "))));
        }
    }

    /** The row, unless the record rests in a terminal state, where nothing more is written to it. */
    private static RecordStore.Row open(RecordType type, RecordStore.Row row, String what) {
        if (type.state(row.state()).map(State::terminal).orElse(false)) {
            throw new ConflictException("record_closed", Texts.text("record.closed", row.state(), what));
        }
        return row;
    }

    /** A REGION record's own region: a county, township or village in the actor's region. */
    private String ownRegion(String code, Actor actor) {
        var level = Region.levelOf(code);
        if (level.isEmpty() || level.get().compareTo(RegionLevel.COUNTY) < 0) {
            throw new ValidationException(List.of(new Violation("region", Texts.text("record.region", code))));
        }
        if (regions.find(code).isEmpty() || !actor.covers(code)) {
            throw new NotFoundException(Texts.text("region.unknown", code));
        }
        return code;
    }

    private void requireEnabled(InstalledProgram program, String region) {
        String county = region.substring(0, 6);
        if (!applications.enabled(county, program.id())) {
            String countyName = regions.find(county).map(Region::name).orElse(county);
            throw new ConflictException("program_not_enabled", Texts.text("program.not-enabled",
                    program.definition().descriptor().name(), countyName, county));
        }
    }

    /** What the record's forms may name: its household's members and applications (a region's record: nothing). */
    private FormValues.Household members(RecordStore.Row row, Actor actor) {
        return row.householdId() == null ? FormValues.Household.NONE
                : programs.formHousehold(programs.household(row.householdId(), actor));
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(List.of(new Violation(field, Texts.text("field.required"))));
        }
        return value.strip();
    }

    /**
     * The record's values after an action: the action's values for fields the record's form has too replace them
     * (a loan's extension brings its new {@code dueDate}); the others are the action's own.
     */
    private static String valuesAfter(InstalledProgram program, RecordType type, RecordStore.Row row,
            Map<String, Object> actionValues) {
        Form form = program.definition().form(type.form()).orElseThrow();
        Map<String, Object> values = new LinkedHashMap<>(FormValues.fromJson(form, Json.read(row.dataJson())));
        boolean changed = false;
        for (var value : actionValues.entrySet()) {
            if (form.field(value.getKey()).isPresent()) {
                values.put(value.getKey(), value.getValue());
                changed = true;
            }
        }
        return changed ? FormValues.toJson(values).toString() : row.dataJson();
    }

    /** The type's limits with the parameters in force for the record's county in the year of {@code at}. */
    private RecordLimitCheck limits(InstalledProgram program, RecordType type, String region, Instant at) {
        return new RecordLimitCheck(program.id(), type, new ParameterValues(program.definition(),
                applications.overrides(program.id()), region, LocalDate.ofInstant(at, PlatformClock.CHINA).getYear()),
                program.definition().form(type.form()));
    }

    /**
     * The program's rules on a write to an existing record, for the store to run inside the write transaction: they
     * judge the record as it is then (its totals with every entry committed before), so writes arriving together are
     * judged one after the other — eight repayments at once never repay more than is owed.
     */
    private Runnable rulesOn(InstalledProgram program, RecordType type, RecordStore.Row row, RecordWrite.Kind kind,
            String name, Map<String, Object> values, LocalDate date, String note, LocalDate today) {
        return () -> programs.checkRecord(program, new RecordWrite(kind, name, forRules(program, type,
                store.findRow(row.id()).orElse(row)), values, date, note), today);
    }

    /** The record as its program's rules see it, with its entries' totals so far. */
    private ProgramRecord forRules(InstalledProgram program, RecordType type, RecordStore.Row row) {
        return ProgramService.toRecord(row, program.definition().form(type.form()).orElse(null),
                store.totals(row.id()));
    }

    /** The record as clients see it; a removed program's records show their values as stored. */
    private RecordView view(ProgramDefinition definition, RecordStore.Row row) {
        RecordType type = definition == null ? null : definition.record(row.type()).orElse(null);
        Form form = type == null ? null : definition.form(type.form()).orElse(null);
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        if (type != null) {
            type.entries().stream().filter(e -> e.amountField() != null)
                    .forEach(e -> totals.put(e.id(), BigDecimal.ZERO.setScale(2)));
        }
        List<EventView> events = row.events().stream().map(e -> {
            if ("ENTRY".equals(e.kind()) && e.amount() != null) {
                totals.merge(e.name(), e.amount(), BigDecimal::add);
            }
            Form eventForm = definition == null ? null : eventForm(definition, type, e);
            return new EventView(e.seq(), e.kind(), e.name(), e.date(), e.fromState(), e.toState(), e.amount(),
                    e.dataJson() == null ? Map.of() : FormValues.fromJson(eventForm, Json.read(e.dataJson())),
                    e.note(), e.actor(), e.at());
        }).toList();
        LocalizedText stateLabel = type == null ? null : type.state(row.state()).map(State::label).orElse(null);
        return new RecordView(row.id(), row.program(), row.type(), row.householdId(), row.memberId(),
                row.applicationId(), row.region(), row.state(), stateLabel,
                FormValues.fromJson(form, Json.read(row.dataJson())), row.version(), totals, events, row.createdBy(),
                row.createdAt(), row.updatedAt(), linked(form, Json.read(row.dataJson())));
    }

    /** The applications the record's APPLICATION fields name, by field, as they are now. */
    private Map<String, Linked> linked(Form form, JsonNode data) {
        if (form == null) {
            return Map.of();
        }
        Map<String, Linked> linked = new LinkedHashMap<>();
        form.fields().stream().filter(f -> f.type() == org.fupin.program.api.FieldType.APPLICATION)
                .filter(f -> data.path(f.name()).isTextual())
                .forEach(f -> applications.find(data.path(f.name()).asText()).ifPresent(a -> {
                    var program = programs.installed(a.program());
                    var state = program.flatMap(p -> p.definition().workflow().states().stream()
                            .filter(st -> st.id().equals(a.state())).findFirst());
                    linked.put(f.name(), new Linked(a.program(), program.map(p -> p.definition().descriptor().name())
                            .orElse(new LocalizedText(a.program(), a.program())), a.state(),
                            state.map(State::label).orElse(new LocalizedText(a.state(), a.state())),
                            state.map(State::terminal).orElse(false)));
                }));
        return linked;
    }

    private static Form eventForm(ProgramDefinition definition, RecordType type, RecordStore.Event event) {
        if (type == null) {
            return null;
        }
        String formId = switch (event.kind()) {
            case "ENTRY" -> type.entry(event.name()).map(RecordType.EntryType::form).orElse(null);
            case "ACTION" -> type.action(event.name()).map(Transition::form).orElse(null);
            default -> type.form();
        };
        return formId == null ? null : definition.form(formId).orElse(null);
    }
}
