package org.fupin.jobs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import org.fupin.database.internal.SqliteDatabase;
import org.fupin.database.internal.TestDatabases;
import org.fupin.jobs.api.Job;
import org.fupin.jobs.api.JobState;
import org.fupin.registry.api.AccessDeniedException;
import org.fupin.registry.api.Actor;
import org.fupin.registry.model.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jobs on a real SQLite file: their lives, their progress, who sees them, and what a restart finds. */
class SqlJobsTest {
    static final Actor CLERK = new Actor("clerk", "620502001001", null, Set.of(Role.VILLAGE_CLERK));
    static final Actor OTHER_CLERK = new Actor("clerk2", "620502001001", null, Set.of(Role.VILLAGE_CLERK));
    static final Actor COUNTY = new Actor("qinzhou", "620502", null, Set.of(Role.COUNTY_ADMIN));
    static final Actor ELSEWHERE = new Actor("maiji", "620503", null, Set.of(Role.COUNTY_ADMIN));

    @TempDir
    Path dir;
    SqliteDatabase database;
    SqlJobs jobs;

    @BeforeEach
    void open() {
        database = new SqliteDatabase(dir.resolve("fupin.db"), TestDatabases.config("NORMAL", 2, 16));
        database.migrate("jobs", TestDatabases.migrationsOnClassPath("db/jobs"), "db/jobs");
        jobs = new SqlJobs(database, dir.resolve("jobs"), Clock.systemUTC(), 2);
    }

    @AfterEach
    void close() throws InterruptedException {
        jobs.deactivate();
        database.close();
    }

    @Test
    void aJobRunsReportsProgressAndKeepsItsResultAndFiles() throws Exception {
        var halfway = new CountDownLatch(1);
        var finish = new CountDownLatch(1);
        Job started = jobs.start("test", CLERK, folder -> Files.writeString(folder.resolve("input.txt"), "abc"),
                context -> {
                    assertEquals("abc", Files.readString(context.folder().resolve("input.txt")));
                    context.progress(50, 100, Map.of("stored", 50L));
                    halfway.countDown();
                    finish.await();
                    Files.writeString(context.folder().resolve("out.csv"), "x");
                    return Map.of("stored", 100);
                });
        assertEquals(JobState.QUEUED, started.state());
        halfway.await();

        Job running = jobs.find(started.id(), CLERK).orElseThrow();
        assertEquals(JobState.RUNNING, running.state());
        assertEquals(50, running.percent());
        assertEquals(Map.of("stored", 50L), running.counts());
        assertNotNull(running.estimatedEnd());
        finish.countDown();

        Job done = await(started.id(), JobState.SUCCEEDED);
        assertEquals(Map.of("stored", 100), done.result());
        assertNotNull(done.finishedAt());
        assertNull(done.estimatedEnd());
        assertTrue(jobs.file(started.id(), "out.csv", CLERK).isPresent());
        assertTrue(jobs.file(started.id(), "../fupin.db", CLERK).isEmpty());
    }

    @Test
    void aCancelledJobStopsAndAFailedOneSaysWhy() throws Exception {
        var running = new CountDownLatch(1);
        Job endless = jobs.start("test", CLERK, folder -> { }, context -> {
            running.countDown();
            while (!context.cancelled()) {
                Thread.sleep(5);
            }
            return Map.of("stoppedAt", 7);
        });
        running.await();
        assertThrows(AccessDeniedException.class, () -> jobs.cancel(endless.id(), OTHER_CLERK));
        jobs.cancel(endless.id(), COUNTY);
        assertEquals(Map.of("stoppedAt", 7), await(endless.id(), JobState.CANCELLED).result());

        Job failing = jobs.start("test", CLERK, folder -> { }, context -> {
            throw new IllegalStateException("the file vanished");
        });
        assertEquals("the file vanished", await(failing.id(), JobState.FAILED).error());
    }

    @Test
    void anInputThatFailsMakesNoJob() {
        assertThrows(IOException.class, () -> jobs.start("test", CLERK, folder -> {
            throw new IOException("upload broke off");
        }, context -> Map.of()));

        assertEquals(0, jobs.list(null, 0, 10, COUNTY).total());
    }

    @Test
    void readersSeeTheJobsOfTheirRegion() throws Exception {
        Job mine = jobs.start("import", CLERK, folder -> { }, context -> Map.of());
        Job county = jobs.start("export", COUNTY, folder -> { }, context -> Map.of());
        await(mine.id(), JobState.SUCCEEDED);
        await(county.id(), JobState.SUCCEEDED);

        assertEquals(2, jobs.list(null, 0, 10, COUNTY).total());
        assertEquals(List.of(mine.id()), jobs.list("import", 0, 10, COUNTY).items().stream().map(Job::id).toList());
        assertEquals(List.of(mine.id()), jobs.list(null, 0, 10, CLERK).items().stream().map(Job::id).toList());
        assertEquals(0, jobs.list(null, 0, 10, ELSEWHERE).total());
        assertTrue(jobs.find(county.id(), CLERK).isEmpty(), "a clerk does not see the county's jobs");
    }

    @Test
    void aJobThePlatformStoppedInShowsAsInterruptedWithItsCounts() throws Exception {
        var now = new java.util.concurrent.atomic.AtomicReference<>(Instant.parse("2026-12-06T02:00:00Z"));
        var clock = new Clock() {
            @Override
            public Instant instant() {
                return now.get();
            }

            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        jobs.deactivate();
        jobs = new SqlJobs(database, dir.resolve("jobs"), clock, 1);
        var running = new CountDownLatch(1);
        var never = new CountDownLatch(1);
        Job job = jobs.start("import", CLERK, folder -> { }, context -> {
            context.progress(100, 1000, Map.of("stored", 100L));
            now.set(now.get().plusSeconds(2)); // progress reaches the record about once a second
            context.progress(300, 1000, Map.of("stored", 300L));
            running.countDown();
            never.await();
            return Map.of();
        });
        running.await();

        // a new start over the same database, as after a crash: the old worker is gone
        var afterRestart = new SqlJobs(database, dir.resolve("jobs"), Clock.systemUTC(), 1);
        afterRestart.markInterrupted();
        Job found = afterRestart.find(job.id(), COUNTY).orElseThrow();
        assertEquals(JobState.INTERRUPTED, found.state());
        assertEquals(Map.of("stored", 300L), found.counts());
        assertEquals(30, found.percent());
        afterRestart.deactivate();
        never.countDown();
    }

    private Job await(String id, JobState state) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        Job job = jobs.find(id, COUNTY).orElseThrow();
        while (job.state() != state && Instant.now().isBefore(deadline)) {
            Thread.sleep(10);
            job = jobs.find(id, COUNTY).orElseThrow();
        }
        assertEquals(state, job.state(), String.valueOf(job));
        return job;
    }
}
