package org.fupin.database.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.felix.hc.api.Result;
import org.fupin.database.api.DatabaseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

class SqliteDatabaseTest {
    @TempDir
    Path dir;

    private SqliteDatabase database;

    static DatabaseConfig config() {
        return TestDatabases.config("FULL", 4, 1);
    }

    @BeforeEach
    void open() {
        database = new SqliteDatabase(dir.resolve("test.db"), config());
    }

    @AfterEach
    void close() {
        database.close();
    }

    private Bundle bundleWith(String folder, Path... sqlFiles) throws Exception {
        var urls = new java.util.ArrayList<java.net.URL>();
        for (Path file : sqlFiles) {
            urls.add(file.toUri().toURL());
        }
        return TestDatabases.migrations(folder, urls);
    }

    @Test
    void appliesMigrationsOnceAndRefusesAnEditedOne() throws Exception {
        Path v1 = Files.writeString(dir.resolve("V1__create.sql"), "CREATE TABLE thing (id INTEGER PRIMARY KEY, name TEXT NOT NULL);");
        Path v2 = Files.writeString(dir.resolve("V2__index.sql"), "CREATE INDEX thing_name ON thing(name);");

        database.migrate("test", bundleWith("db/test", v1, v2), "db/test");
        database.migrate("test", bundleWith("db/test", v1, v2), "db/test"); // second run applies nothing

        assertEquals(Integer.valueOf(2), database.read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT count(*) FROM schema_history_test WHERE success = 1")) {
                return rs.getInt(1);
            }
        }));
        Files.writeString(v1, "CREATE TABLE thing (id INTEGER PRIMARY KEY, name TEXT);");
        var edited = assertThrows(DatabaseException.class,
                () -> database.migrate("test", bundleWith("db/test", v1, v2), "db/test"));
        assertTrue(edited.getMessage().contains("checksum"), edited.getMessage());
    }

    @Test
    void aFailedWriteLeavesNothingAndTheNextWriteWorks() throws Exception {
        database.write(c -> c.createStatement().executeUpdate("CREATE TABLE t (v INTEGER NOT NULL)"));

        assertThrows(IllegalStateException.class, () -> database.write(c -> {
            c.createStatement().executeUpdate("INSERT INTO t VALUES (1)");
            throw new IllegalStateException("validation failed half-way");
        }));
        assertThrows(DatabaseException.class,
                () -> database.write(c -> c.createStatement().executeUpdate("INSERT INTO t VALUES (NULL)")));
        database.write(c -> c.createStatement().executeUpdate("INSERT INTO t VALUES (2)"));

        assertEquals(List.of(2), database.read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT v FROM t")) {
                var values = new java.util.ArrayList<Integer>();
                while (rs.next()) {
                    values.add(rs.getInt(1));
                }
                return values;
            }
        }));
    }

    @Test
    void aWriteInsideAWriteJoinsItsTransactionAndFallsWithIt() throws Exception {
        database.write(c -> c.createStatement().executeUpdate("CREATE TABLE t (v INTEGER NOT NULL)"));

        assertThrows(IllegalStateException.class, () -> database.write(c -> {
            c.createStatement().executeUpdate("INSERT INTO t VALUES (1)");
            // another bundle's write, called from inside this one: not committed on its own
            database.write(inner -> inner.createStatement().executeUpdate("INSERT INTO t VALUES (2)"));
            throw new IllegalStateException("the outer write fails after the inner one returned");
        }));
        database.write(c -> {
            c.createStatement().executeUpdate("INSERT INTO t VALUES (3)");
            return database.write(inner -> inner.createStatement().executeUpdate("INSERT INTO t VALUES (4)"));
        });

        assertEquals(List.of(3, 4), database.read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT v FROM t ORDER BY v")) {
                var values = new java.util.ArrayList<Integer>();
                while (rs.next()) {
                    values.add(rs.getInt(1));
                }
                return values;
            }
        }));
    }

    @Test
    void concurrentWritersAreSerialisedNotRefused() throws Exception {
        database.write(c -> c.createStatement().executeUpdate("CREATE TABLE counter (n INTEGER)"));
        var pool = Executors.newFixedThreadPool(8);
        var futures = new java.util.ArrayList<Future<?>>();
        for (int i = 0; i < 400; i++) {
            futures.add(pool.submit(() -> database.write(
                    c -> c.createStatement().executeUpdate("INSERT INTO counter VALUES (1)"))));
        }
        for (var future : futures) {
            future.get();
        }
        pool.shutdown();

        assertEquals(Integer.valueOf(400), database.read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM counter")) {
                return rs.getInt(1);
            }
        }));
    }

    @Test
    void isHealthyWhenWritableAndWhileAWriteRunsAndCriticalWhenTheFileIsGone() throws Exception {
        assertEquals(Result.Status.OK, database.execute().getStatus(), database.execute().toString());

        var writing = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        var longWrite = Executors.newSingleThreadExecutor().submit(() -> database.write(c -> {
            writing.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        writing.await();
        assertEquals(Result.Status.OK, database.execute().getStatus(), "a busy writer is alive");
        release.countDown();
        longWrite.get();

        Files.delete(dir.resolve("test.db")); // an operator's mistake, or a disk that went away
        Result gone = database.execute();
        assertEquals(Result.Status.CRITICAL, gone.getStatus());
        assertTrue(gone.toString().contains("数据库文件不存在"), gone.toString());
    }

    @Test
    void readConnectionsCannotWrite() {
        database.write(c -> c.createStatement().executeUpdate("CREATE TABLE t (v INTEGER)"));

        assertThrows(DatabaseException.class,
                () -> database.read(c -> c.createStatement().executeUpdate("INSERT INTO t VALUES (1)")));
    }

    @Test
    void runsInWalModeWithForeignKeys() {
        assertEquals("wal", database.read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
                return rs.getString(1);
            }
        }));
        assertEquals(Integer.valueOf(1), database.write(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("PRAGMA foreign_keys")) {
                return rs.getInt(1);
            }
        }));
    }

    @Test
    void theWriteAheadLogStaysBoundedWhileWritesKeepComing() throws Exception {
        database.write(c -> c.createStatement().executeUpdate("CREATE TABLE blob (b BLOB)"));
        Path wal = dir.resolve("test.db-wal");
        long largest = 0;
        // 6 s of steady writes, 256 KiB each: far more than the 1 MiB limit in total
        long end = System.nanoTime() + java.time.Duration.ofSeconds(6).toNanos();
        while (System.nanoTime() < end) {
            database.write(c -> {
                try (var insert = c.prepareStatement("INSERT INTO blob VALUES (randomblob(262144))")) {
                    return insert.executeUpdate();
                }
            });
            largest = Math.max(largest, Files.exists(wal) ? Files.size(wal) : 0);
        }
        long total = database.read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM blob")) {
                return rs.getLong(1);
            }
        });

        assertTrue(total * 262144 > 8L * 1024 * 1024, "wrote only " + total + " blobs");
        // one checkpoint period of writes (1 s) on top of the limit, never the whole history
        assertTrue(largest < total * 262144 / 2, "WAL grew to " + largest + " bytes for " + total + " blobs");
    }
}
