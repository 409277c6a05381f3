package org.fupin.jobs.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.fupin.database.api.Database;
import org.fupin.jobs.api.Job;
import org.fupin.jobs.api.JobContext;
import org.fupin.jobs.api.JobState;
import org.fupin.jobs.api.JobWork;
import org.fupin.jobs.api.Jobs;
import org.fupin.registry.api.AccessDeniedException;
import org.fupin.registry.api.Actor;
import org.fupin.registry.api.NotFoundException;
import org.fupin.registry.api.Page;
import org.fupin.registry.model.LocalizedText;
import org.fupin.registry.model.Role;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@link Jobs} on table {@code job}, run by a small pool of workers. A running job's progress lives in memory and
 * reaches its row at most about once a second, so a restart finds recent counts; at start every job that was
 * queued or running is marked {@link JobState#INTERRUPTED}, since its worker is gone.
 */
@Component(service = Jobs.class, configurationPid = JobsConfig.PID)
@Designate(ocd = JobsConfig.class)
public class SqlJobs implements Jobs {
    private static final Logger LOG = LoggerFactory.getLogger(SqlJobs.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PERSIST_EVERY = Duration.ofSeconds(1);
    private static final String COLUMNS = "id, kind, owner, scope, state, created_at, started_at, finished_at, done, "
            + "total, counts, result, error";

    private final Database database;
    private final Path root;
    private final Clock clock;
    private final ExecutorService workers;
    private final Map<String, Running> running = new ConcurrentHashMap<>();

    @Activate
    public SqlJobs(@Reference Database database, BundleContext context, JobsConfig config) {
        this(database, folder(context, config), Clock.systemUTC(), config.workers());
        database.migrate("jobs", context.getBundle(), "db/jobs");
        markInterrupted();
    }

    SqlJobs(Database database, Path root, Clock clock, int workers) {
        this.database = database;
        this.root = root;
        this.clock = clock;
        var numbers = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(workers, r -> new Thread(r, "fupin-job-" + numbers.incrementAndGet()));
    }

    private static Path folder(BundleContext context, JobsConfig config) {
        if (!config.folder().isBlank()) {
            return Path.of(config.folder());
        }
        String data = context.getProperty("fupin.data");
        return Path.of(data == null ? "data" : data, "jobs");
    }

    /** Jobs that a stopped platform left queued or running: their workers are gone. */
    void markInterrupted() {
        int interrupted = database.write(c -> {
            try (var s = c.prepareStatement("UPDATE job SET state = 'INTERRUPTED', finished_at = ? "
                    + "WHERE state IN ('QUEUED', 'RUNNING')")) {
                s.setString(1, clock.instant().toString());
                return s.executeUpdate();
            }
        });
        if (interrupted > 0) {
            LOG.warn("{} job(s) were unfinished when the platform stopped; they show as INTERRUPTED", interrupted);
        }
    }

    /** Stops the workers: running jobs are asked to stop and given a moment; what is left shows as interrupted. */
    @Deactivate
    void deactivate() throws InterruptedException {
        running.values().forEach(r -> r.cancelled = true);
        workers.shutdown();
        if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
            workers.shutdownNow();
        }
        for (Running job : running.values()) {
            finish(job, JobState.INTERRUPTED, null, null);
        }
    }

    @Override
    public Job start(String kind, Actor owner, Input input, JobWork work) throws IOException {
        String id = UUID.randomUUID().toString();
        Path folder = root.resolve(id);
        Files.createDirectories(folder);
        try {
            input.into(folder);
        } catch (IOException | RuntimeException e) {
            deleteFolder(folder);
            throw e;
        }
        Instant now = clock.instant();
        var job = new Running(id, kind, owner.username(), owner.scope(), now, folder);
        database.write(c -> {
            try (var s = c.prepareStatement("INSERT INTO job (id, kind, owner, scope, state, created_at) "
                    + "VALUES (?, ?, ?, ?, 'QUEUED', ?)")) {
                s.setString(1, id);
                s.setString(2, kind);
                s.setString(3, owner.username());
                s.setString(4, owner.scope());
                s.setString(5, now.toString());
                s.executeUpdate();
            }
            return null;
        });
        running.put(id, job);
        Job accepted = job.view(now); // before a worker can take it: the caller learns it as it was accepted
        workers.execute(() -> run(job, work));
        return accepted;
    }

    private void run(Running job, JobWork work) {
        job.startedAt = clock.instant();
        job.state = JobState.RUNNING;
        persist(job);
        try {
            Map<String, Object> result = work.run(job);
            finish(job, job.cancelled ? JobState.CANCELLED : JobState.SUCCEEDED, result, null);
        } catch (Exception | Error e) {
            LOG.error("Job {} ({}) failed", job.id, job.kind, e);
            finish(job, job.cancelled ? JobState.CANCELLED : JobState.FAILED, null,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private void finish(Running job, JobState state, Map<String, Object> result, String error) {
        job.state = state;
        job.finishedAt = clock.instant();
        job.result = result;
        job.error = error;
        persist(job);
        running.remove(job.id);
        LOG.info("Job {} ({}) of {} ended {} after {} s", job.id, job.kind, job.owner, state,
                Duration.between(job.startedAt == null ? job.createdAt : job.startedAt, job.finishedAt).toSeconds());
    }

    private void persist(Running job) {
        job.persistedAt = clock.instant();
        database.write(c -> {
            try (var s = c.prepareStatement("UPDATE job SET state = ?, started_at = ?, finished_at = ?, done = ?, "
                    + "total = ?, counts = ?, result = ?, error = ? WHERE id = ?")) {
                s.setString(1, job.state.name());
                s.setString(2, text(job.startedAt));
                s.setString(3, text(job.finishedAt));
                s.setLong(4, job.done);
                s.setLong(5, job.total);
                s.setString(6, json(job.counts));
                s.setString(7, job.result == null ? null : json(job.result));
                s.setString(8, job.error);
                s.setString(9, job.id);
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<Job> find(String id, Actor reader) {
        Running live = running.get(id);
        Optional<Job> job = live != null ? Optional.of(live.view(clock.instant())) : stored(id);
        return job.filter(j -> reader.covers(j.scope()));
    }

    @Override
    public Page<Job> list(String kind, int page, int size, Actor reader) {
        return database.read(c -> {
            String where = " FROM job WHERE scope >= ? AND scope < ? AND (?3 IS NULL OR kind = ?3)";
            long total;
            try (var s = c.prepareStatement("SELECT count(*)" + where)) {
                bind(s, reader.scope(), kind);
                try (ResultSet r = s.executeQuery()) {
                    total = r.getLong(1);
                }
            }
            var items = new ArrayList<Job>();
            try (var s = c.prepareStatement("SELECT " + COLUMNS + where + " ORDER BY created_at DESC, id LIMIT ?4 "
                    + "OFFSET ?5")) {
                bind(s, reader.scope(), kind);
                s.setInt(4, size);
                s.setLong(5, (long) page * size);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Running live = running.get(r.getString(1));
                        items.add(live != null ? live.view(clock.instant()) : job(r));
                    }
                }
            }
            return new Page<>(items, page, size, total);
        });
    }

    /** A region-code prefix's jobs are an index range: ':' sorts right after '9'. */
    private static void bind(PreparedStatement s, String scope, String kind) throws SQLException {
        s.setString(1, scope);
        s.setString(2, scope + ":");
        s.setString(3, kind);
    }

    @Override
    public Job cancel(String id, Actor actor) {
        Job job = find(id, actor).orElseThrow(() -> new NotFoundException(
                new LocalizedText("没有任务 " + id, "no job " + id)));
        if (!job.owner().equals(actor.username()) && !actor.hasAny(Role.PROVINCE_ADMIN, Role.COUNTY_ADMIN)) {
            throw new AccessDeniedException(new LocalizedText("只有发起人或管理员可以取消任务",
                    "only whoever started the job or an administrator may cancel it"));
        }
        Running live = running.get(id);
        if (live != null) {
            live.cancelled = true;
            LOG.info("Job {} ({}): {} asked it to stop", id, job.kind(), actor.username());
            return live.view(clock.instant());
        }
        return job;
    }

    @Override
    public Optional<Path> file(String id, String name, Actor reader) {
        if (name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            return Optional.empty();
        }
        return find(id, reader).map(job -> root.resolve(job.id()).resolve(name)).filter(Files::isRegularFile);
    }

    private Optional<Job> stored(String id) {
        return database.read(c -> {
            try (var s = c.prepareStatement("SELECT " + COLUMNS + " FROM job WHERE id = ?")) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(job(r)) : Optional.<Job>empty();
                }
            }
        });
    }

    private static Job job(ResultSet r) throws SQLException {
        long done = r.getLong(9);
        long total = r.getLong(10);
        return new Job(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                JobState.valueOf(r.getString(5)), instant(r.getString(6)), instant(r.getString(7)),
                instant(r.getString(8)), done, total, read(r.getString(11), new TypeReference<Map<String, Long>>() { }),
                percent(done, total), null, read(r.getString(12), new TypeReference<Map<String, Object>>() { }),
                r.getString(13));
    }

    private static Integer percent(long done, long total) {
        return total > 0 ? (int) Math.min(100, done * 100 / total) : null;
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return json == null ? null : JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteFolder(Path folder) {
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not remove {}: {}", folder, e.toString());
        }
    }

    /** A job this platform runs now: its progress in memory, its context for the work. */
    private final class Running implements JobContext {
        final String id;
        final String kind;
        final String owner;
        final String scope;
        final Instant createdAt;
        final Path folder;
        volatile JobState state = JobState.QUEUED;
        volatile Instant startedAt;
        volatile Instant finishedAt;
        volatile long done;
        volatile long total = -1;
        volatile Map<String, Long> counts = Map.of();
        volatile Map<String, Object> result;
        volatile String error;
        volatile boolean cancelled;
        volatile Instant persistedAt = Instant.EPOCH;

        Running(String id, String kind, String owner, String scope, Instant createdAt, Path folder) {
            this.id = id;
            this.kind = kind;
            this.owner = owner;
            this.scope = scope;
            this.createdAt = createdAt;
            this.folder = folder;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public void progress(long done, long total, Map<String, Long> counts) {
            this.done = done;
            this.total = total;
            this.counts = Map.copyOf(counts);
            if (Duration.between(persistedAt, clock.instant()).compareTo(PERSIST_EVERY) >= 0) {
                persist(this);
            }
        }

        @Override
        public boolean cancelled() {
            return cancelled;
        }

        @Override
        public Path folder() {
            return folder;
        }

        Job view(Instant now) {
            Instant end = null;
            if (state == JobState.RUNNING && total > 0 && done > 0 && startedAt != null) {
                long elapsed = Duration.between(startedAt, now).toMillis();
                end = now.plusMillis(elapsed * (total - done) / done);
            }
            return new Job(id, kind, owner, scope, state, createdAt, startedAt, finishedAt, done, total, counts,
                    percent(done, total), end, result, error);
        }
    }
}
