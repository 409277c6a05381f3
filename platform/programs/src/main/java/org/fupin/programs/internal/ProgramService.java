package org.fupin.programs.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.fupin.program.api.Application;
import org.fupin.program.api.Benefit;
import org.fupin.program.api.BenefitGrant;
import org.fupin.program.api.Conflict;
import org.fupin.program.api.Form;
import org.fupin.program.api.ParameterDefinition;
import org.fupin.program.api.ProgramDefinition;
import org.fupin.program.api.ProgramDemo;
import org.fupin.program.api.ProgramRecord;
import org.fupin.program.api.Reason;
import org.fupin.program.api.RecordType;
import org.fupin.program.api.RecordWrite;
import org.fupin.program.api.RuleContext;
import org.fupin.program.api.State;
import org.fupin.program.api.Step;
import org.fupin.program.api.StepRecord;
import org.fupin.program.api.Transition;
import org.fupin.program.api.Verdict;
import org.fupin.program.declaration.ParameterValues;
import org.fupin.programs.internal.ApplicationRow.NewStep;
import org.fupin.registry.api.AccessDeniedException;
import org.fupin.registry.api.Actor;
import org.fupin.registry.api.ConflictException;
import org.fupin.registry.api.HouseholdQuery;
import org.fupin.registry.api.HouseholdRegistry;
import org.fupin.registry.api.NotFoundException;
import org.fupin.registry.api.PlatformClock;
import org.fupin.registry.api.RegionDirectory;
import org.fupin.registry.api.ValidationException;
import org.fupin.registry.api.Violation;
import org.fupin.registry.model.Household;
import org.fupin.registry.model.LocalizedText;
import org.fupin.registry.model.Member;
import org.fupin.registry.model.Region;
import org.fupin.registry.model.RegionLevel;
import org.fupin.registry.model.Role;
import org.fupin.registry.model.StatusChange;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the platform does with programs: county enablement, parameters, filing applications (form checked, rules
 * run, stored against the household with its village), workflow steps (roles, levels, notice periods, benefits),
 * and eligibility. Scope: an actor sees and works only applications under their region; everything else is "not
 * found". Rules are the plugin's; storage, scoping, audit and events are the platform's.
 */
@Component(service = ProgramService.class)
public class ProgramService {
    /** Topic prefix of the events posted when applications change: {@code …/FILED}, {@code …/TRANSITIONED}. */
    public static final String TOPIC = "org/fupin/programs/application/";

    private static final Logger LOG = LoggerFactory.getLogger(ProgramService.class);
    /** Who the platform reads the household as for a program's rules: unrestricted, so nothing is masked. */
    private static final Actor RULES = Actor.unrestricted("program-rules");
    /** Who takes scheduled actions: the platform itself, everywhere. */
    static final String SYSTEM_USER = "system";
    private static final Actor SYSTEM = Actor.unrestricted(SYSTEM_USER);

    /** One program's verdict on a household; {@code failed} when its rules threw (logged, others unaffected). */
    record ProgramVerdict(InstalledProgram program, Verdict verdict, boolean failed) {
    }

    /** The eligibility page of a household. */
    record Eligibility(Household household, Region county, List<ProgramVerdict> programs) {
    }

    private final ProgramCatalog catalog;
    private final ProgramStore store;
    private final HouseholdRegistry registry;
    private final RegionDirectory regions;
    private final PlatformClock clock;
    private final ReportEngine reports;
    private final WorkingDays workingDays;

    // optional and dynamic: events are a courtesy to other bundles, never a reason to refuse work
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventAdmin events;

    @Activate
    public ProgramService(@Reference ProgramCatalog catalog, @Reference ProgramStore store,
            @Reference HouseholdRegistry registry, @Reference RegionDirectory regions,
            @Reference PlatformClock clock, @Reference ReportEngine reports, @Reference WorkingDays workingDays) {
        this.catalog = catalog;
        this.store = store;
        this.registry = registry;
        this.regions = regions;
        this.clock = clock;
        this.reports = reports;
        this.workingDays = workingDays;
    }

    List<InstalledProgram> installed() {
        return catalog.all();
    }

    /** An installed program; a removed one is "not found" too, with a message that says so. */
    InstalledProgram program(String id) {
        return catalog.find(id).orElseThrow(() -> new NotFoundException(catalog.removed(id)
                .map(removed -> Texts.text("program.removed", removed.name(), id))
                .orElseGet(() -> Texts.text("program.unknown", id))));
    }

    /** A program installed now, if it is. */
    java.util.Optional<InstalledProgram> installed(String id) {
        return catalog.find(id);
    }

    /** Programs offered here before whose plugins are removed now: their applications stay readable. */
    List<ProgramStore.KnownProgram> removed() {
        return catalog.removed();
    }

    LocalDate today() {
        return clock.today();
    }

    // ---- enablement ----

    Region county(String code) {
        if (code == null || !code.matches("\\d{6}")) {
            throw new ValidationException(List.of(new Violation("county", Texts.text("region.not-county", code))));
        }
        return regions.find(code).orElseThrow(() -> new NotFoundException(Texts.text("region.unknown", code)));
    }

    List<ProgramStore.Enablement> enablements(String countyCode) {
        return store.enablements(county(countyCode).code());
    }

    boolean enabled(String countyCode, String programId) {
        return store.enabled(countyCode, programId);
    }

    /** Turns a program on or off for a county; only administrators of that county (or above) may. */
    void setEnabled(String countyCode, String programId, boolean enabled, Actor actor) {
        Region county = county(countyCode);
        program(programId);
        if (!actor.covers(county.code()) || !actor.hasAny(Role.PROVINCE_ADMIN, Role.COUNTY_ADMIN)) {
            throw new AccessDeniedException(Texts.text("action.role", "enable",
                    Role.PROVINCE_ADMIN + ", " + Role.COUNTY_ADMIN));
        }
        store.setEnabled(county.code(), programId, enabled, actor.username(), clock.now());
    }

    // ---- parameters ----

    ParameterValues parameters(InstalledProgram program, String region, int year) {
        return new ParameterValues(program.definition(), store.overrides(program.id()), region, year);
    }

    /** Sets overrides for a province (province admins) or a county (its admins), in force from {@code fromYear}. */
    ParameterValues setParameters(String programId, String regionCode, int fromYear, Map<String, JsonNode> values,
            Actor actor) {
        InstalledProgram program = program(programId);
        if (regionCode == null || !(regionCode.matches("\\d{2}") || regionCode.matches("\\d{6}"))) {
            throw new ValidationException(List.of(new Violation("region",
                    Texts.text("region.not-province-or-county", regionCode))));
        }
        Region region = regions.find(regionCode)
                .orElseThrow(() -> new NotFoundException(Texts.text("region.unknown", regionCode)));
        Role[] allowed = region.level() == RegionLevel.PROVINCE ? new Role[] { Role.PROVINCE_ADMIN }
                : new Role[] { Role.PROVINCE_ADMIN, Role.COUNTY_ADMIN };
        if (!actor.covers(region.code()) || !actor.hasAny(allowed)) {
            throw new AccessDeniedException(Texts.text("action.role", "parameters",
                    java.util.Arrays.stream(allowed).map(Enum::name).collect(Collectors.joining(", "))));
        }
        List<Violation> violations = new ArrayList<>();
        if (fromYear < 2000 || fromYear > 2100) {
            violations.add(new Violation("year", Texts.text("parameter.year")));
        }
        Map<String, BigDecimal> checked = new java.util.LinkedHashMap<>();
        values.forEach((name, node) -> {
            var definition = program.definition().parameter(name);
            if (definition.isEmpty()) {
                violations.add(new Violation("values." + name, Texts.text("parameter.unknown")));
                return;
            }
            BigDecimal value = parameterValue(definition.get(), node);
            if (value == null) {
                violations.add(new Violation("values." + name, Texts.text("parameter.value",
                        plain(definition.get().min()), plain(definition.get().max()))));
            } else {
                checked.put(name, value);
            }
        });
        if (!violations.isEmpty() || checked.isEmpty()) {
            if (checked.isEmpty() && violations.isEmpty()) {
                violations.add(new Violation("values", Texts.text("field.required")));
            }
            throw new ValidationException(violations);
        }
        store.setOverrides(programId, region.code(), fromYear, checked, actor.username(), clock.now());
        return parameters(program, region.code(), fromYear);
    }

    private static BigDecimal parameterValue(ParameterDefinition definition, JsonNode node) {
        if (node == null || !node.isNumber()) {
            return null;
        }
        BigDecimal value = node.decimalValue();
        boolean integral = value.stripTrailingZeros().scale() <= 0;
        boolean scaleOk = switch (definition.type()) {
            case INTEGER -> integral;
            case MONEY -> value.stripTrailingZeros().scale() <= 2;
            case DECIMAL -> true;
        };
        boolean inRange = (definition.min() == null || value.compareTo(definition.min()) >= 0)
                && (definition.max() == null || value.compareTo(definition.max()) <= 0);
        return scaleOk && inRange ? new BigDecimal(value.stripTrailingZeros().toPlainString()) : null;
    }

    private static String plain(BigDecimal value) {
        return value == null ? "∞" : value.stripTrailingZeros().toPlainString();
    }

    // ---- applications ----

    Application file(String programId, String householdId, JsonNode data, String note, Actor actor) {
        return file(programId, householdId, data, note, actor, clock.now());
    }

    /**
     * Files as of {@code at}: what "today" is for the rules, the notice and the limits, and when the filing is
     * recorded. The platform's own demo activity dates its cases this way; requests file now.
     */
    Application file(String programId, String householdId, JsonNode data, String note, Actor actor, Instant at) {
        InstalledProgram program = workedProgram(programId, actor);
        Household household = household(householdId, actor);
        var filers = program.definition().workflow().filers();
        if (!actor.hasAny(filers.toArray(Role[]::new))) {
            throw new AccessDeniedException(Texts.text("action.role", Step.FILE,
                    filers.stream().map(Enum::name).sorted().collect(Collectors.joining(", "))));
        }
        String countyCode = household.villageCode().substring(0, 6);
        if (!store.enabled(countyCode, programId)) {
            String countyName = regions.find(countyCode).map(Region::name).orElse(countyCode);
            throw new ConflictException("program_not_enabled", Texts.text("program.not-enabled",
                    program.definition().descriptor().name(), countyName, countyCode));
        }
        Form form = program.definition().form(Form.APPLICATION).orElseThrow();
        var checked = FormValues.check(form, data, formHousehold(household), "data");
        if (!checked.violations().isEmpty()) {
            throw new ValidationException(checked.violations());
        }
        Map<String, Object> values = checked.values();
        String memberId = form.memberField().map(f -> (String) values.get(f.name())).orElse(null);
        LocalDate today = LocalDate.ofInstant(at, PlatformClock.CHINA);
        Instant now = at;
        String initial = program.definition().workflow().initialState();
        LocalDate noticeEnds = noticeEnds(program, initial, household.villageCode(), today, null);
        var draft = new Application(null, programId, householdId, memberId, household.villageCode(), initial, values,
                1, noticeEnds, List.of(), List.of(), now, now);
        var context = context(program, household, null, today);
        var step = new Step(Step.FILE, draft, values, note);
        refuseIfRulesSayNo(program, step, context);
        String id = UUID.randomUUID().toString();
        List<Benefit> benefits = benefits(program, step, context, id, householdId, memberId, today);
        String dataJson = FormValues.toJson(values).toString();
        var row = new ApplicationRow(id, programId, householdId, memberId, household.villageCode(), initial, dataJson,
                1, noticeEnds, deadline(program, initial, household.villageCode(), today), today.getYear(), now, now,
                List.of(), List.of());
        var filing = new NewStep(new StepRecord(Step.FILE, null, initial, actor.username(), now, note, values),
                dataJson);
        store.insert(row, filing, benefits, limits(program, household.villageCode(), today), actor.username(),
                Json.write(Map.of("state", initial, "householdId", householdId, "data", values)));
        post("FILED", row, Step.FILE, null, initial, actor);
        return find(programId, id, actor);
    }

    /** One application; also of a removed program (read-only then, its data as stored). */
    Application find(String programId, String applicationId, Actor actor) {
        ProgramDefinition definition = readableProgram(programId, actor).orElse(null);
        return store.find(applicationId)
                .filter(row -> row.program().equals(programId) && actor.covers(row.village()))
                .map(row -> toApplication(definition, row))
                .orElseThrow(() -> new NotFoundException(Texts.text("application.unknown", applicationId, programId)));
    }

    /**
     * A page of a program's applications inside both the asked region and the actor's scope; {@code installed} is
     * false for a removed program, whose applications are read-only until it is installed again.
     */
    record Page(List<Application> items, long total, int page, int size, boolean installed) {
    }

    Page search(String programId, String region, String state, String householdId, int page, int size, Actor actor) {
        return search(programId, region, state, householdId, false, page, size, actor);
    }

    /** As {@link #search}; {@code overdue}: only the applications past their deadline today. */
    Page search(String programId, String region, String state, String householdId, boolean overdue, int page,
            int size, Actor actor) {
        ProgramDefinition definition = readableProgram(programId, actor).orElse(null);
        String asked = region == null ? "" : region;
        String prefix;
        if (asked.startsWith(actor.scope())) {
            prefix = asked;
        } else if (actor.scope().startsWith(asked)) {
            prefix = actor.scope();
        } else {
            return new Page(List.of(), 0, page, size, definition != null);
        }
        var found = store.search(programId, prefix, state, householdId, overdue ? clock.today() : null, page, size);
        return new Page(found.rows().stream().map(row -> toApplication(definition, row)).toList(), found.total(), page,
                size, definition != null);
    }

    /** Takes a workflow action; {@code expectedVersion} (optional) guards against acting on a stale view. */
    Application transition(String programId, String applicationId, String action, String note, JsonNode data,
            Long expectedVersion, Actor actor) {
        return transition(programId, applicationId, action, note, data, expectedVersion, actor, clock.now());
    }

    /** Takes a workflow action as of {@code at} (see {@link #file(String, String, JsonNode, String, Actor, Instant)}). */
    Application transition(String programId, String applicationId, String action, String note, JsonNode data,
            Long expectedVersion, Actor actor, Instant at) {
        InstalledProgram program = workedProgram(programId, actor);
        ApplicationRow row = store.find(applicationId)
                .filter(r -> r.program().equals(programId) && actor.covers(r.village()))
                .orElseThrow(() -> new NotFoundException(Texts.text("application.unknown", applicationId, programId)));
        Transition transition = ActionChecks.allowed(program.definition().workflow().transitions(), action,
                row.state(), note, actor);
        if (expectedVersion != null && expectedVersion != row.version()) {
            throw new ConflictException("stale_version", Texts.text("version.stale", expectedVersion, row.version()));
        }
        LocalDate today = LocalDate.ofInstant(at, PlatformClock.CHINA);
        if (transition.duringNotice() && (row.noticeEnds() == null || today.isAfter(row.noticeEnds()))) {
            throw new ConflictException("notice_over", row.noticeEnds() == null
                    ? Texts.text("notice.none", action) : Texts.text("notice.over", row.noticeEnds(), action));
        }
        if (transition.afterNotice() && row.noticeEnds() != null && !today.isAfter(row.noticeEnds())) {
            throw new ConflictException("notice_running", Texts.text("notice.running", row.noticeEnds(), action));
        }
        return take(program, row, transition, note, data, actor, at);
    }

    /**
     * Takes a scheduled action for one application as the platform (user {@value #SYSTEM_USER}), as of {@code at};
     * false when it does not apply (any more): another step moved the application, or its notice still runs.
     * Rules and limits judge it as any other step.
     */
    boolean takeScheduled(InstalledProgram program, ApplicationRow row, Transition transition, Instant at) {
        LocalDate today = LocalDate.ofInstant(at, PlatformClock.CHINA);
        if (!transition.from().contains(row.state())
                || transition.afterNotice() && row.noticeEnds() != null && !today.isAfter(row.noticeEnds())) {
            return false;
        }
        take(program, row, transition, "按规定期限自动执行 / taken on schedule", null, SYSTEM, at);
        return true;
    }

    private Application take(InstalledProgram program, ApplicationRow row, Transition transition, String note,
            JsonNode data, Actor actor, Instant at) {
        String programId = program.definition().descriptor().id();
        String action = transition.action();
        LocalDate today = LocalDate.ofInstant(at, PlatformClock.CHINA);
        Household household = household(row.householdId(), actor);
        Map<String, Object> values = stepData(program, transition, data, household);
        Application current = toApplication(program.definition(), row);
        var context = context(program, household, row.id(), today);
        var step = new Step(action, current, values, note);
        refuseIfRulesSayNo(program, step, context);
        List<Benefit> benefits = benefits(program, step, context, row.id(), row.householdId(), row.memberId(), today);
        boolean stays = transition.to().equals(row.state());
        LocalDate noticeEnds = stays ? row.noticeEnds() : noticeEnds(program, transition.to(), row.village(), today,
                null);
        LocalDate deadline = stays ? row.deadline() : deadline(program, transition.to(), row.village(), today);
        Instant now = at;
        String dataJson = values.isEmpty() ? null : FormValues.toJson(values).toString();
        var record = new StepRecord(action, row.state(), transition.to(), actor.username(), now, note, values);
        // what the step establishes of 两不愁三保障 is recorded on the household in the step's own transaction
        Runnable assure = transition.assures().isEmpty() ? () -> { }
                : () -> registry.assure(row.householdId(), transition.assures(), actor);
        boolean advanced = store.advance(row, row.version(), transition.to(), noticeEnds, deadline, now,
                new NewStep(record, dataJson), benefits, limits(program, row.village(), today), assure, actor.username(),
                Json.write(Map.of("state", row.state(), "version", row.version())),
                Json.write(Map.of("state", transition.to(), "version", row.version() + 1, "action", action,
                        "data", values, "benefits", benefits.stream().map(b -> b.period() + " " + b.amount()).toList())));
        if (!advanced) {
            long now2 = store.find(row.id()).map(ApplicationRow::version).orElse(row.version());
            throw new ConflictException("stale_version", Texts.text("version.stale", row.version(), now2));
        }
        LOG.debug("Application {} of {}: {} -> {} by {} ({})", row.id(), programId, row.state(), transition.to(),
                actor.username(), action);
        post("TRANSITIONED", row, action, row.state(), transition.to(), actor);
        return find(programId, row.id(), actor);
    }

    private Map<String, Object> stepData(InstalledProgram program, Transition transition, JsonNode data,
            Household household) {
        if (transition.form() == null) {
            if (data != null && !data.isNull() && !(data.isObject() && data.isEmpty())) {
                throw new ValidationException(List.of(new Violation("data", Texts.text("field.unknown"))));
            }
            return Map.of();
        }
        Form form = program.definition().form(transition.form()).orElseThrow();
        var checked = FormValues.check(form, data, formHousehold(household), "data");
        if (!checked.violations().isEmpty()) {
            throw new ValidationException(checked.violations());
        }
        return checked.values();
    }

    // ---- notices ----

    /**
     * One application on public notice, as the notice shows it: the household by its head's name and village (never
     * an ID number), the state and its label, where the notice is posted, whether it is the announcement (公告), and
     * the days it runs.
     */
    record Notice(String applicationId, String householdId, String headName, String village, String villageName,
            String state, LocalizedText stateLabel, RegionLevel level, boolean announcement, LocalDate from,
            LocalDate until) {
    }

    record NoticePage(List<Notice> items, long total, int page, int size) {
    }

    /**
     * What is on notice today in a region (the asked region within the actor's), optionally only the notices posted
     * at one level: a village clerk prints the village's 公示, a county its 公告.
     */
    NoticePage notices(String programId, String region, RegionLevel level, int page, int size, Actor actor) {
        InstalledProgram program = program(programId);
        requireAgency(program, actor);
        String prefix = region.startsWith(actor.scope()) ? region
                : actor.scope().startsWith(region) ? actor.scope() : null;
        if (prefix == null) {
            return new NoticePage(List.of(), 0, page, size);
        }
        var states = program.definition().workflow().states().stream()
                .filter(s -> s.noticeParameter() != null && (level == null || s.noticeLevel() == level)).toList();
        var found = store.onNotice(programId, prefix, states.stream().map(State::id).toList(), clock.today(), page,
                size);
        List<Notice> items = new ArrayList<>();
        for (ApplicationRow row : found.rows()) {
            State state = states.stream().filter(s -> s.id().equals(row.state())).findFirst().orElseThrow();
            String head = registry.find(row.householdId(), RULES).flatMap(Household::head).map(Member::name)
                    .orElse(null);
            var steps = row.steps();
            LocalDate from = steps.isEmpty() ? LocalDate.ofInstant(row.createdAt(), PlatformClock.CHINA)
                    : LocalDate.ofInstant(steps.get(steps.size() - 1).at(), PlatformClock.CHINA);
            items.add(new Notice(row.id(), row.householdId(), head, row.village(),
                    regions.find(row.village()).map(Region::name).orElse(row.village()), row.state(), state.label(),
                    state.noticeLevel(), state.announcement(), from, row.noticeEnds()));
        }
        return new NoticePage(items, found.total(), page, size);
    }

    // ---- reports ----

    /** A report over the asked region narrowed to the actor's scope (a wider ask sees only the actor's part). */
    ReportEngine.Table report(InstalledProgram program, org.fupin.program.api.ReportDefinition report, String region,
            RegionLevel level, Integer year, LocalDate asOf, boolean shortOnly, Actor actor) {
        requireAgency(program, actor);
        String prefix = region.startsWith(actor.scope()) ? region
                : actor.scope().startsWith(region) ? actor.scope() : null;
        if (prefix == null) {
            throw new NotFoundException(Texts.text("region.unknown", region));
        }
        LocalDate today = clock.today();
        if (asOf != null && (asOf.isAfter(today) || year != null && asOf.getYear() != year)) {
            throw new ValidationException(List.of(new Violation("asOf", Texts.text("report.asOf", asOf, today))));
        }
        return reports.run(program, report, prefix, level, new ReportEngine.Window(year, asOf, shortOnly, today));
    }

    // ---- eligibility ----

    Eligibility eligibility(String householdId, Actor actor) {
        Household household = household(householdId, actor);
        String countyCode = household.villageCode().substring(0, 6);
        Region county = regions.find(countyCode).orElse(new Region(countyCode, countyCode, RegionLevel.COUNTY,
                countyCode.substring(0, 4), List.of()));
        Set<String> enabled = store.enablements(countyCode).stream().filter(ProgramStore.Enablement::enabled)
                .map(ProgramStore.Enablement::program).collect(Collectors.toSet());
        LocalDate today = clock.today();
        List<ProgramVerdict> verdicts = new ArrayList<>();
        for (InstalledProgram program : catalog.all()) {
            if (!enabled.contains(program.id()) || !actor.worksFor(program.definition().descriptor().agency())) {
                continue;
            }
            try {
                verdicts.add(new ProgramVerdict(program, judge(program, household, today,
                        store.inStates(program.id(), openStates(program), null, household.id())), false));
            } catch (RuntimeException e) {
                LOG.error("Eligibility rules of program {} failed for household {}", program.id(), householdId, e);
                verdicts.add(new ProgramVerdict(program, Verdict.ineligible(List.of(Reason.of("platform.rule-failed",
                        Texts.text("rule.failed")))), true));
            }
        }
        return new Eligibility(household, county, verdicts);
    }

    /** The program whose candidates the actor may list in {@code region} ("" for the whole country). */
    InstalledProgram candidateProgram(String programId, String region, Actor actor) {
        InstalledProgram program = program(programId);
        requireAgency(program, actor);
        if (region == null || !region.isEmpty() && Region.levelOf(region).isEmpty()) {
            throw new ValidationException(List.of(new Violation("region", Texts.text("region.unknown", region))));
        }
        if (!actor.covers(region)) {
            throw new NotFoundException(Texts.text("region.unknown", region));
        }
        return program;
    }

    /** The largest region a listing of candidates answers at once: a county (6 digits) or anything in it. */
    static final int CANDIDATE_REGION_DIGITS = 6;

    /**
     * Every household in {@code region} (a county or smaller, within the actor's) that the program finds eligible
     * today, with its verdict, in village order: who may apply. Rules see the households unmasked, as always.
     */
    List<ProgramDemo.Candidate> candidates(String programId, String region, Actor actor) {
        if (region == null || region.length() < CANDIDATE_REGION_DIGITS || Region.levelOf(region).isEmpty()) {
            throw new ValidationException(List.of(new Violation("region", Texts.text("candidates.region"))));
        }
        var candidates = new ArrayList<ProgramDemo.Candidate>();
        candidates(programId, region, actor, candidates::add);
        return candidates;
    }

    /** The candidates of any region within the actor's, streamed to {@code each}: for a listing as a job. */
    void candidates(String programId, String region, Actor actor, java.util.function.Consumer<ProgramDemo.Candidate> each) {
        InstalledProgram program = candidateProgram(programId, region, actor);
        var query = new HouseholdQuery(region, null, null, null, null, 0, 1, HouseholdQuery.Sort.VILLAGE);
        // the region's open applications, read once rather than once per household
        Map<String, List<ProgramStore.OpenApplication>> open = store.inStates(program.id(), openStates(program),
                region, null).stream().collect(Collectors.groupingBy(ProgramStore.OpenApplication::householdId));
        LocalDate today = clock.today();
        registry.forEach(query, RULES, household -> {
            Verdict verdict;
            try {
                verdict = judge(program, household, today, open.getOrDefault(household.id(), List.of()));
            } catch (RuntimeException e) {
                LOG.warn("Rules of {} failed for household {}", programId, household.id(), e);
                return;
            }
            if (verdict.eligible()) {
                each.accept(new ProgramDemo.Candidate(household, verdict));
            }
        });
    }

    /** One program's eligibility verdict on a household ({@link #household}), as its rules see it today. */
    Verdict verdict(InstalledProgram program, Household household) {
        return judge(program, household, clock.today(),
                store.inStates(program.id(), openStates(program), null, household.id()));
    }

    private static List<String> openStates(InstalledProgram program) {
        return program.definition().workflow().states().stream().filter(s -> !s.terminal()).map(State::id).toList();
    }

    /**
     * The rules' verdict, then what would refuse a filing now although the rules grant it, so that whoever looks at
     * the household sees why before filing: the declared conflicts (a household approved for relocation gets no
     * renovation), naming the other program's application or record; and the declared limits on open applications
     * ({@code open}: the program's of this household), naming the applications that count. A limit per member takes
     * only that member out of an eligible verdict's reasons; the household stays eligible while another member may
     * apply.
     */
    private Verdict judge(InstalledProgram program, Household household, LocalDate today,
            List<ProgramStore.OpenApplication> open) {
        Verdict verdict = program.program().eligibility(context(program, household, null, today));
        List<Reason> against = new ArrayList<>();
        for (Conflict conflict : program.definition().conflicts()) {
            if (conflict.actions().contains(Step.FILE)) {
                conflicting(conflict, household).ifPresent(against::add);
            }
        }
        if (verdict.eligible() && !open.isEmpty()) {
            List<Reason> exhausted = limits(program, household.villageCode(), today).exhausted(open, household);
            exhausted.stream().filter(r -> r.memberId() == null).forEach(against::add);
            Set<String> full = exhausted.stream().map(Reason::memberId).filter(Objects::nonNull)
                    .collect(Collectors.toSet());
            if (!full.isEmpty()) {
                List<Reason> still = verdict.reasons().stream()
                        .filter(r -> r.memberId() == null || !full.contains(r.memberId())).toList();
                boolean named = verdict.reasons().stream().anyMatch(r -> r.memberId() != null);
                if (named && still.stream().noneMatch(r -> r.memberId() != null)) {
                    exhausted.stream().filter(r -> r.memberId() != null).forEach(against::add);
                } else {
                    verdict = Verdict.eligible(still);
                }
            }
        }
        if (against.isEmpty()) {
            return verdict;
        }
        List<Reason> reasons = new ArrayList<>(verdict.eligible() ? List.of() : verdict.reasons());
        reasons.addAll(against);
        return Verdict.ineligible(reasons);
    }

    /** The household's earliest application (or record) that the conflict names, as the filing's refusal would. */
    private java.util.Optional<Reason> conflicting(Conflict conflict, Household household) {
        if (conflict.record() == null) {
            return store.ofHousehold(household.id()).stream()
                    .filter(r -> r.program().equals(conflict.program()) && conflict.states().contains(r.state()))
                    .min(java.util.Comparator.comparing(ApplicationRow::createdAt).thenComparing(ApplicationRow::id))
                    .map(r -> Reason.of(conflict.rule(), Texts.text("conflict.other", conflict.program(), r.id(),
                            r.state(), Step.FILE, conflict.rule())));
        }
        return RecordStore.concerning(store.database(), conflict.program(), conflict.record(), household.id(),
                        household.villageCode()).stream().map(RecordStore.Summed::row)
                .filter(r -> household.id().equals(r.householdId()) && conflict.states().contains(r.state()))
                .findFirst()
                .map(r -> Reason.of(conflict.rule(), Texts.text("conflict.record", conflict.program(), r.id(),
                        r.state(), Step.FILE, conflict.rule(), conflict.record())));
    }

    // ---- shared pieces ----

    /**
     * A program the actor's agency works on (users outside any agency work on every program), to take a step in: a
     * removed program's applications cannot move until it is installed again.
     */
    InstalledProgram workedProgram(String programId, Actor actor) {
        var removed = catalog.removed(programId);
        if (removed.isPresent()) {
            requireAgency(removed.get().name(), removed.get().agency(), removed.get().agencyName(), actor);
            throw new ConflictException("program_not_installed", Texts.text("program.read-only",
                    removed.get().name(), programId));
        }
        InstalledProgram program = program(programId);
        requireAgency(program, actor);
        return program;
    }

    /** The definition of a program whose applications the actor may read; empty when the program is removed. */
    Optional<ProgramDefinition> readableProgram(String programId, Actor actor) {
        var removed = catalog.removed(programId);
        if (removed.isPresent()) {
            requireAgency(removed.get().name(), removed.get().agency(), removed.get().agencyName(), actor);
            return Optional.empty();
        }
        InstalledProgram program = program(programId);
        requireAgency(program, actor);
        return Optional.of(program.definition());
    }

    private static void requireAgency(InstalledProgram program, Actor actor) {
        var descriptor = program.definition().descriptor();
        requireAgency(descriptor.name(), descriptor.agency(), descriptor.agencyName(), actor);
    }

    private static void requireAgency(LocalizedText name, String agency, LocalizedText agencyName, Actor actor) {
        if (!actor.worksFor(agency)) {
            throw new AccessDeniedException(Texts.text("program.agency", name, agencyName, actor.agency()));
        }
    }

    /**
     * The household as the platform reads it (never masked: the rules see it so, and nothing of it but its id goes
     * back to the caller), when the actor's region holds it; else "not found", as the registry answers.
     */
    Household household(String householdId, Actor actor) {
        return registry.find(householdId, RULES).filter(h -> actor.covers(h.villageCode()))
                .orElseThrow(() -> new NotFoundException(Texts.text("household.unknown", householdId)));
    }

    /** What a form about the household may name: its current members and its applications of every program. */
    FormValues.Household formHousehold(Household household) {
        return new FormValues.Household(memberIds(household), () -> store.ofHousehold(household.id()).stream()
                .collect(java.util.stream.Collectors.toMap(ApplicationRow::id, ApplicationRow::program)));
    }

    static Set<String> memberIds(Household household) {
        return household.members().stream().map(Member::id).collect(Collectors.toSet());
    }

    private LocalDate noticeEnds(InstalledProgram program, String state, String village, LocalDate today,
            LocalDate otherwise) {
        String parameter = program.definition().workflow().state(state).map(State::noticeParameter).orElse(null);
        if (parameter == null) {
            return otherwise;
        }
        int days = parameters(program, village, today.getYear()).integer(parameter);
        // a notice of N days runs from today through day N; the waiting action is possible the day after
        return days <= 0 ? otherwise : today.plusDays(days - 1L);
    }

    /** The last working day an application entering {@code state} today may stay there, if the state has a deadline. */
    private LocalDate deadline(InstalledProgram program, String state, String village, LocalDate today) {
        String parameter = program.definition().workflow().state(state).map(State::deadlineParameter).orElse(null);
        if (parameter == null) {
            return null;
        }
        int days = parameters(program, village, today.getYear()).integer(parameter);
        return days <= 0 ? null : workingDays.plus(today, days);
    }

    private LimitCheck limits(InstalledProgram program, String village, LocalDate today) {
        var overrides = store.overrides(program.id());
        return new LimitCheck(program.definition(),
                year -> new ParameterValues(program.definition(), overrides, village, year), today.getYear());
    }

    /**
     * What the program's rules see of {@code household} (as the platform reads it, see {@link #household}): its
     * status history, read when a rule first asks for it, this program's other applications and the other
     * programs' benefits; never anything that depends on who asks.
     */
    private RuleContext context(InstalledProgram program, Household household, String judged, LocalDate today) {
        Supplier<List<StatusChange>> statusHistory = memoized(
                () -> registry.history(household.id(), RULES).statusChanges());
        List<ApplicationRow> rows = store.ofHousehold(household.id());
        List<Application> own = rows.stream()
                .filter(r -> r.program().equals(program.id()) && !r.id().equals(judged))
                .map(r -> toApplication(program.definition(), r)).toList();
        List<Benefit> others = rows.stream().filter(r -> !r.program().equals(program.id()))
                .flatMap(r -> r.benefits().stream()).toList();
        var overrides = store.overrides(program.id());
        Map<String, List<ProgramRecord>> records = new java.util.concurrent.ConcurrentHashMap<>();
        return new Context(household, statusHistory, own, type -> records.computeIfAbsent(type,
                        asked -> recordsConcerning(program, asked, household)), others,
                year -> new ParameterValues(program.definition(), overrides, household.villageCode(), year), today);
    }

    /** The program's records of a type the household's rules see, read when a rule first asks for them. */
    private List<ProgramRecord> recordsConcerning(InstalledProgram program, String type, Household household) {
        return recordsConcerning(program, type, household.id(), household.villageCode());
    }

    private List<ProgramRecord> recordsConcerning(InstalledProgram program, String type, String householdId,
            String region) {
        RecordType declared = program.definition().record(type).orElseThrow(() -> new IllegalArgumentException(
                "program " + program.id() + " declares no record type " + type));
        Form form = program.definition().form(declared.form()).orElse(null);
        return RecordStore.concerning(store.database(), program.id(), type, householdId, region).stream()
                .map(summed -> toRecord(summed.row(), form, summed.totals())).toList();
    }

    static ProgramRecord toRecord(RecordStore.Row row, Form form, Map<String, java.math.BigDecimal> totals) {
        return new ProgramRecord(row.id(), row.type(), row.state(), row.householdId(), row.memberId(),
                row.applicationId(), row.region(), FormValues.fromJson(form, Json.read(row.dataJson())), totals,
                row.createdAt());
    }

    /**
     * Asks the program's rules about a write to one of its records (after its form's checks): in the context of the
     * record's household, or, for a region's record, of its region. Every reason refuses the write.
     */
    void checkRecord(InstalledProgram program, RecordWrite write, LocalDate today) {
        ProgramRecord record = write.record();
        RuleContext context;
        if (record.householdId() != null) {
            context = context(program, household(record.householdId(), RULES), null, today);
        } else {
            var overrides = store.overrides(program.id());
            Map<String, List<ProgramRecord>> records = new java.util.concurrent.ConcurrentHashMap<>();
            context = new Context(null, List::of, List.of(), type -> records.computeIfAbsent(type,
                    asked -> recordsConcerning(program, asked, null, record.region())), List.of(),
                    year -> new ParameterValues(program.definition(), overrides, record.region(), year), today);
        }
        List<Reason> reasons = program.program().checkRecord(write, context);
        if (!reasons.isEmpty()) {
            throw new ValidationException(reasons.stream()
                    .map(r -> new Violation(r.field() == null ? r.rule() : "data." + r.field(), r.message()))
                    .toList());
        }
    }

    private static <T> Supplier<T> memoized(Supplier<T> read) {
        var value = new java.util.concurrent.atomic.AtomicReference<T>();
        return () -> value.updateAndGet(known -> known != null ? known : read.get());
    }

    private record Context(Household household, Supplier<List<StatusChange>> history,
            List<Application> applications, java.util.function.Function<String, List<ProgramRecord>> recordsOfType,
            List<Benefit> otherProgramBenefits,
            java.util.function.IntFunction<ParameterValues> inYear, LocalDate today) implements RuleContext {
        @Override
        public List<StatusChange> statusHistory() {
            return history.get();
        }

        @Override
        public List<ProgramRecord> records(String type) {
            return recordsOfType.apply(type);
        }

        @Override
        public org.fupin.program.api.Parameters parameters() {
            return inYear.apply(today.getYear());
        }

        @Override
        public org.fupin.program.api.Parameters parameters(int year) {
            return inYear.apply(year);
        }
    }

    private static void refuseIfRulesSayNo(InstalledProgram program, Step step, RuleContext context) {
        List<Reason> reasons = program.program().check(step, context);
        if (!reasons.isEmpty()) {
            throw new ValidationException(reasons.stream()
                    .map(r -> new Violation(r.field() == null ? r.rule() : "data." + r.field(), r.message()))
                    .toList());
        }
    }

    private static List<Benefit> benefits(InstalledProgram program, Step step, RuleContext context,
            String applicationId, String householdId, String memberId, LocalDate today) {
        List<BenefitGrant> grants = program.program().benefits(step, context);
        return grants.stream().map(g -> new Benefit(program.id(), applicationId, householdId, memberId, g.period(),
                g.year(), g.periodLabel(), g.amount(), today)).toList();
    }

    /** An application with its data read through the program's forms, or as stored when it has no definition. */
    Application toApplication(ProgramDefinition definition, ApplicationRow row) {
        Form applicationForm = definition == null ? null : definition.form(Form.APPLICATION).orElse(null);
        Map<String, Form> actionForms = new HashMap<>();
        if (definition != null) {
            definition.workflow().transitions().stream().filter(t -> t.form() != null)
                    .forEach(t -> definition.form(t.form()).ifPresent(f -> actionForms.put(t.action(), f)));
        }
        List<StepRecord> steps = row.steps().stream().map(s -> new StepRecord(s.action(), s.fromState(), s.toState(),
                s.actor(), s.at(), s.note(), FormValues.fromJson(Step.FILE.equals(s.action()) ? applicationForm
                        : actionForms.get(s.action()), Json.read(s.dataJson())))).toList();
        return new Application(row.id(), row.program(), row.householdId(), row.memberId(), row.village(), row.state(),
                FormValues.fromJson(applicationForm, Json.read(row.dataJson())), row.version(), row.noticeEnds(), steps,
                row.benefits(), row.createdAt(), row.updatedAt(), row.deadline(),
                row.deadline() != null && clock.today().isAfter(row.deadline()));
    }

    private void post(String what, ApplicationRow row, String action, String from, String to, Actor actor) {
        EventAdmin admin = events;
        if (admin == null) {
            return;
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("program", row.program());
        properties.put("application", row.id());
        properties.put("household", row.householdId());
        properties.put("village", row.village());
        properties.put("action", action);
        properties.put("to", to);
        properties.put("actor", actor.username());
        if (from != null) {
            properties.put("from", from);
        }
        admin.postEvent(new Event(TOPIC + what, properties));
    }
}
