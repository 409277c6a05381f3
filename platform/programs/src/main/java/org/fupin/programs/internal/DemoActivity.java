package org.fupin.programs.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.fupin.program.api.ProgramDemo;
import org.fupin.registry.api.Actor;
import org.fupin.registry.api.HouseholdQuery;
import org.fupin.registry.api.HouseholdRegistry;
import org.fupin.registry.api.PlatformClock;
import org.fupin.registry.model.Household;
import org.fupin.registry.model.Role;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * With {@code --demo} ({@code fupin.demo=true}): each program plugin's {@link ProgramDemo}, run once for the demo
 * county 620502 秦州区 when it has none of the program's applications yet — the program enabled there, its cases filed
 * and walked through by the county's demo staff, each step as of its date and through every check a request goes
 * through. Runs in the background after the demo county's households are stored, also for a plugin installed later.
 */
@Component(immediate = true)
public class DemoActivity {
    static final String COUNTY = "620502";
    static final long SEED = 620502L;
    /** The county's demo staff: every role over the county, in no agency, so every program and step is theirs. */
    static final Actor STAFF = new Actor("demo", COUNTY, null, EnumSet.of(Role.COUNTY_ADMIN, Role.PROGRAM_OFFICER,
            Role.TOWNSHIP_OFFICER, Role.VILLAGE_CLERK));

    private static final Logger LOG = LoggerFactory.getLogger(DemoActivity.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final boolean demo;
    private final ProgramService programs;
    private final RecordService records;
    private final HouseholdRegistry registry;
    private final PlatformClock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "fupin-demo-programs"));

    @Activate
    public DemoActivity(BundleContext context, @Reference ProgramService programs, @Reference RecordService records,
            @Reference HouseholdRegistry registry, @Reference PlatformClock clock) {
        this.demo = Boolean.parseBoolean(context.getProperty("fupin.demo"));
        this.programs = programs;
        this.records = records;
        this.registry = registry;
        this.clock = clock;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addDemo(ProgramDemo activity, Map<String, Object> properties) {
        if (demo && properties.get(ProgramDemo.PROGRAM) instanceof String programId) {
            worker.execute(() -> run(programId, activity));
        }
    }

    void removeDemo(ProgramDemo activity) {
        // a run in progress stops at its next case (its program is gone); nothing else to undo
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        worker.shutdownNow();
        worker.awaitTermination(30, TimeUnit.SECONDS);
    }

    private void run(String programId, ProgramDemo activity) {
        try {
            InstalledProgram program = await(programId);
            if (program == null || programs.search(programId, COUNTY, null, null, 0, 1, STAFF).total() > 0) {
                return;
            }
            long started = System.nanoTime();
            programs.setEnabled(COUNTY, programId, true, STAFF);
            LocalDate today = clock.today();
            Random random = new Random(SEED);
            List<Household> households = households();
            int assessed = setHouseholdFields(activity.householdFields(households, random, today));
            var recordCount = new int[2];
            for (ProgramDemo.RecordCase record : activity.records(households, random, today)) {
                createRecord(programId, record, record.householdId(), null, today, recordCount);
            }
            List<ProgramDemo.Candidate> candidates = candidates(program);
            List<ProgramDemo.Case> cases = activity.cases(candidates, random, today);
            int filed = 0;
            int actions = 0;
            int refused = 0;
            for (ProgramDemo.Case demoCase : cases) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                try {
                    var application = programs.file(programId, demoCase.householdId(), JSON.valueToTree(
                            demoCase.data()), null, STAFF, at(demoCase.filedOn(), today));
                    filed++;
                    for (ProgramDemo.Action action : demoCase.actions()) {
                        programs.transition(programId, application.id(), action.action(), action.note(),
                                JSON.valueToTree(action.data()), null, STAFF, at(action.on(), today));
                        actions++;
                    }
                    for (ProgramDemo.RecordCase record : demoCase.records()) {
                        createRecord(programId, record, demoCase.householdId(), application.id(), today, recordCount);
                    }
                } catch (RuntimeException e) {
                    refused++;
                    LOG.debug("Demo case of {} for household {} refused: {}", programId, demoCase.householdId(),
                            e.toString());
                }
            }
            LOG.info("Demo activity of {} in {}: {} households given program fields, {} records kept ({} refused), {} "
                    + "applications filed, {} actions taken, {} cases refused, from {} eligible households, {} ms",
                    programId, COUNTY, assessed, recordCount[0], recordCount[1], filed, actions, refused,
                    candidates.size(), (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warn("Demo activity of {} stopped: {}", programId, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The program once the catalogue offers it and the demo county has its households; null if that never comes. */
    private InstalledProgram await(String programId) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            var program = programs.installed().stream().filter(p -> p.id().equals(programId)).findFirst();
            var households = registry.search(new HouseholdQuery(COUNTY, null, null, null, null, 0, 1, null), STAFF);
            if (program.isPresent() && households.total() > 0) {
                return program.get();
            }
            Thread.sleep(1000);
        }
        LOG.warn("Demo activity of {} not run: the program or the demo county's households did not appear", programId);
        return null;
    }

    /** Every household of the county the program finds eligible, in the registry's village order. */
    private List<ProgramDemo.Candidate> candidates(InstalledProgram program) {
        List<ProgramDemo.Candidate> candidates = new ArrayList<>();
        for (Household household : households()) {
            var verdict = programs.verdict(program, household);
            if (verdict.eligible()) {
                candidates.add(new ProgramDemo.Candidate(household, verdict));
            }
        }
        return candidates;
    }

    /** Every household of the county, whole, in the registry's village order. */
    private List<Household> households() {
        List<Household> households = new ArrayList<>();
        for (int page = 0;; page++) {
            var found = registry.search(new HouseholdQuery(COUNTY, null, null, null, null, page,
                    HouseholdQuery.MAX_SIZE, HouseholdQuery.Sort.VILLAGE), STAFF);
            for (var summary : found.items()) {
                households.add(programs.household(summary.id(), STAFF));
            }
            if ((long) (page + 1) * HouseholdQuery.MAX_SIZE >= found.total()) {
                return households;
            }
        }
    }

    /** Sets the demo's household fields as the demo staff; a refused one is logged and skipped. */
    private int setHouseholdFields(Map<String, Map<String, Object>> fields) {
        int set = 0;
        for (var entry : new java.util.TreeMap<>(fields).entrySet()) {
            try {
                var household = programs.household(entry.getKey(), STAFF);
                registry.updateExtensions(household.id(), household.version(), entry.getValue(), STAFF);
                set++;
            } catch (RuntimeException e) {
                LOG.debug("Demo fields for household {} refused: {}", entry.getKey(), e.toString());
            }
        }
        return set;
    }

    /**
     * Creates a record and takes its steps as of their dates, as the demo staff: a region's own, or one attached to a
     * case's household or application. Counts it kept ({@code counts[0]}) or refused ({@code counts[1]}, logged; a
     * refused step ends the record's story there).
     */
    private void createRecord(String programId, ProgramDemo.RecordCase record, String householdId,
            String applicationId, LocalDate today, int[] counts) {
        try {
            var owner = new RecordService.Owner(householdId, applicationId, record.region());
            var created = records.create(programId, record.type(), owner, JSON.valueToTree(record.data()), STAFF,
                    at(record.createdOn(), today));
            counts[0]++;
            for (ProgramDemo.RecordStep step : record.steps()) {
                if (step.action() != null) {
                    records.act(programId, record.type(), created.id(), step.action(), step.note(),
                            JSON.valueToTree(step.data()), null, STAFF, at(step.on(), today));
                } else {
                    records.addEntryAt(programId, record.type(), created.id(), step.entry(), step.on(),
                            JSON.valueToTree(step.data()), step.note(), null, STAFF, at(step.on(), today));
                }
            }
        } catch (RuntimeException e) {
            counts[1]++;
            LOG.debug("Demo record {} of {} refused: {}", record.type(), programId, e.toString());
        }
    }

    /** Ten in the morning in China on {@code day}, and never after now. */
    private Instant at(LocalDate day, LocalDate today) {
        Instant at = day.atTime(10, 0).atZone(PlatformClock.CHINA).toInstant();
        Instant now = clock.now();
        return day.isBefore(today) && at.isBefore(now) ? at : now;
    }
}
