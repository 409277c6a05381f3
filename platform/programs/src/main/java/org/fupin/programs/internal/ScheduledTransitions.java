package org.fupin.programs.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.fupin.jobs.api.Job;
import org.fupin.jobs.api.JobContext;
import org.fupin.jobs.api.Jobs;
import org.fupin.program.api.RecordType;
import org.fupin.program.api.Transition;
import org.fupin.registry.api.Actor;
import org.fupin.registry.api.PlatformClock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the programs' scheduled actions (a transition with a {@code schedule}) on the platform clock: every
 * {@code intervalMinutes} a background job ({@value #KIND}) looks at every application in a state such an action
 * leaves and takes it where it is due, as the platform (user {@code system}), through the same rules, limits, step
 * record and audit as any action. Province administrators can run it at once ({@code POST
 * /api/v1/admin/scheduled-actions}), e.g. after moving a rehearsal platform's clock.
 */
@Component(service = ScheduledTransitions.class, configurationPid = ScheduledTransitions.PID)
@Designate(ocd = ScheduledTransitions.Config.class)
public class ScheduledTransitions {
    static final String PID = "org.fupin.programs.scheduled";
    static final String KIND = "scheduled-actions";
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledTransitions.class);
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();
    /** Applications read at a time: a due list of any size passes in bounded memory. */
    private static final int PAGE = 500;

    @ObjectClassDefinition(name = "Fupin scheduled program actions")
    public @interface Config {
        @AttributeDefinition(name = "Minutes between runs", min = "1")
        int intervalMinutes() default 60;
    }

    private final ProgramCatalog catalog;
    private final ProgramService service;
    private final RecordService records;
    private final ProgramStore store;
    private final PlatformClock clock;
    private final Jobs jobs;
    private final AtomicBoolean running = new AtomicBoolean();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "fupin-scheduled-actions"));

    @Activate
    public ScheduledTransitions(@Reference ProgramCatalog catalog, @Reference ProgramService service,
            @Reference RecordService records, @Reference ProgramStore store, @Reference PlatformClock clock,
            @Reference Jobs jobs, Config config) {
        this.catalog = catalog;
        this.service = service;
        this.records = records;
        this.store = store;
        this.clock = clock;
        this.jobs = jobs;
        timer.scheduleWithFixedDelay(this::onSchedule, 1, config.intervalMinutes(), TimeUnit.MINUTES);
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }

    /** The hourly run, only while some installed program declares a scheduled action: no empty jobs to list. */
    private void onSchedule() {
        boolean any = catalog.all().stream().flatMap(p -> java.util.stream.Stream.concat(
                p.definition().workflow().transitions().stream(),
                p.definition().records().stream().flatMap(r -> r.actions().stream())))
                .anyMatch(t -> t.schedule() != null);
        if (any) {
            start(Actor.unrestricted(ProgramService.SYSTEM_USER));
        }
    }

    /** Starts a run as a job unless one is running; empty when one is. */
    java.util.Optional<Job> start(Actor actor) {
        if (!running.compareAndSet(false, true)) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(jobs.start(KIND, actor, folder -> { }, this::run));
        } catch (java.io.IOException | RuntimeException e) {
            running.set(false);
            LOG.error("Scheduled program actions could not start", e);
            return java.util.Optional.empty();
        }
    }

    private Map<String, Object> run(JobContext context) {
        try {
            Instant now = clock.now();
            LocalDate today = clock.today();
            long checked = 0;
            long taken = 0;
            long refused = 0;
            for (InstalledProgram program : catalog.all()) {
                for (Transition transition : program.definition().workflow().transitions()) {
                    if (transition.schedule() == null) {
                        continue;
                    }
                    String programId = program.definition().descriptor().id();
                    // first the due ones, then the steps: a step moves its application out of the pages being read
                    var due = new java.util.ArrayList<String>();
                    for (String state : transition.from()) {
                        for (int page = 0; !context.cancelled(); page++) {
                            var found = store.search(programId, "", state, null, page, PAGE);
                            for (ApplicationRow row : found.rows()) {
                                checked++;
                                if (due(transition.schedule(), row.updatedAt(), row.dataJson(), today)) {
                                    due.add(row.id());
                                }
                            }
                            context.progress(checked, -1, counts(checked, taken, refused));
                            if (found.rows().size() < PAGE) {
                                break;
                            }
                        }
                    }
                    for (String id : due) {
                        if (context.cancelled()) {
                            break;
                        }
                        var row = store.find(id).orElse(null);
                        try {
                            if (row != null && service.takeScheduled(program, row, transition, now)) {
                                taken++;
                            }
                        } catch (RuntimeException e) {
                            refused++;
                            LOG.info("Scheduled {} of {} refused for application {}: {}", transition.action(),
                                    programId, id, e.getMessage());
                        }
                        context.progress(checked, -1, counts(checked, taken, refused));
                    }
                }
            }
            long[] fromRecords = runRecords(context, now, today);
            checked += fromRecords[0];
            taken += fromRecords[1];
            refused += fromRecords[2];
            if (taken > 0 || refused > 0) {
                LOG.info("Scheduled program actions as of {}: {} taken, {} refused, {} applications and records "
                        + "looked at", today, taken, refused, checked);
            }
            var result = new LinkedHashMap<String, Object>(counts(checked, taken, refused));
            result.put("asOf", today.toString());
            return result;
        } finally {
            running.set(false);
        }
    }

    /** The records' scheduled actions, as the applications': first the due ones, then each action. */
    private long[] runRecords(JobContext context, Instant now, LocalDate today) {
        long checked = 0;
        long taken = 0;
        long refused = 0;
        for (InstalledProgram program : catalog.all()) {
            String programId = program.definition().descriptor().id();
            for (RecordType type : program.definition().records()) {
                for (Transition transition : type.actions()) {
                    if (transition.schedule() == null) {
                        continue;
                    }
                    var due = new java.util.ArrayList<String>();
                    for (String state : transition.from()) {
                        for (int page = 0; !context.cancelled(); page++) {
                            var found = records.inState(programId, type.id(), state, page, PAGE);
                            for (RecordStore.Row row : found.rows()) {
                                checked++;
                                if (due(transition.schedule(), row.updatedAt(), row.dataJson(), today)) {
                                    due.add(row.id());
                                }
                            }
                            if (found.rows().size() < PAGE) {
                                break;
                            }
                        }
                    }
                    for (String id : due) {
                        if (context.cancelled()) {
                            break;
                        }
                        try {
                            if (records.takeScheduled(program, type, id, transition, now)) {
                                taken++;
                            }
                        } catch (RuntimeException e) {
                            refused++;
                            LOG.info("Scheduled {} of {} refused for record {}: {}", transition.action(), programId, id,
                                    e.getMessage());
                        }
                    }
                }
            }
        }
        return new long[] {checked, taken, refused};
    }

    /**
     * Whether a scheduled action is due today for an application or record last changed at {@code updatedAt} with
     * the values {@code dataJson}.
     */
    static boolean due(Transition.Schedule schedule, Instant updatedAt, String dataJson, LocalDate today) {
        if (schedule.afterDays() != null) {
            LocalDate lastStep = LocalDate.ofInstant(updatedAt, PlatformClock.CHINA);
            return !today.isBefore(lastStep.plusDays(schedule.afterDays()));
        }
        try {
            String date = JSON.readTree(dataJson).path(schedule.dateField()).asText("");
            return !date.isEmpty() && today.isAfter(LocalDate.parse(date));
        } catch (com.fasterxml.jackson.core.JsonProcessingException | java.time.format.DateTimeParseException e) {
            return false; // stored by the platform as valid JSON with ISO dates: only a corrupted row lands here
        }
    }

    private static Map<String, Long> counts(long checked, long taken, long refused) {
        return Map.of("checked", checked, "taken", taken, "refused", refused);
    }
}
