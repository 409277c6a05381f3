package org.fupin.database.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.fupin.database.api.Database;
import org.fupin.database.api.DatabaseException;
import org.fupin.database.api.SqlWork;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * SQLite in WAL mode: readers never block the writer nor each other; one writer connection serialises writes
 * behind a fair lock, so a write waits its turn in this JVM instead of failing with SQLITE_BUSY. It reports its own
 * readiness as a health check: the file is there and writable, a read answers, and the write lock can be taken.
 */
@Component(service = { Database.class, HealthCheck.class }, configurationPid = DatabaseConfig.PID,
        property = { HealthCheck.NAME + "=database", HealthCheck.TAGS + "=ready" })
@Designate(ocd = DatabaseConfig.class)
public class SqliteDatabase implements Database, HealthCheck {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteDatabase.class);

    private final Path file;
    private final SQLiteDataSource writerSource;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final HikariDataSource readers;
    private final Connection checkpointer;
    private final long walLimitBytes;
    private final ScheduledExecutorService checkpoints = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "fupin-db-checkpoint"));

    @Activate
    public SqliteDatabase(BundleContext context, DatabaseConfig config) {
        this(resolveFile(context, config), config);
    }

    /** Opens the database directly; for tests of the bundles that use it. */
    public SqliteDatabase(Path file, DatabaseConfig config) {
        this.file = file;
        this.walLimitBytes = config.walLimitMebibytes() * 1024L * 1024L;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            writerSource = dataSource(file, config, false);
            writer = writerSource.getConnection();
            // the writer never checkpoints: copying the WAL into a large database file is slow random I/O that
            // would land on whichever commit crossed the threshold; a background thread does it instead
            try (var statement = writer.createStatement()) {
                statement.execute("PRAGMA wal_autocheckpoint = 0");
                // the log starts over in the blocks it has rather than in a truncated file: writing past a file's
                // end made the kernel zero each new block first, an eighth of an import's writer time
                statement.execute("PRAGMA journal_size_limit = " + walLimitBytes);
                statement.execute("PRAGMA cache_size = -" + config.writerCacheMebibytes() * 1024L);
            }
            checkpointer = writerSource.getConnection();
            readers = readPool(file, config);
            checkpoints.scheduleWithFixedDelay(this::checkpoint, 1, 1, TimeUnit.SECONDS);
        } catch (IOException | SQLException e) {
            throw new DatabaseException("cannot open database " + file, e);
        }
        LOG.info("Database {} open (WAL, synchronous={}, {} read connections)", file, config.synchronous(),
                config.readConnections());
    }

    private static Path resolveFile(BundleContext context, DatabaseConfig config) {
        if (!config.file().isBlank()) {
            return Path.of(config.file());
        }
        String data = context.getProperty("fupin.data");
        return Path.of(data == null ? "data" : data, "fupin.db");
    }

    static SQLiteDataSource dataSource(Path file, DatabaseConfig config, boolean readOnly) {
        var sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.valueOf(config.synchronous()));
        sqlite.enforceForeignKeys(true);
        sqlite.setBusyTimeout(config.busyTimeoutMillis());
        sqlite.setCacheSize(-config.cacheKibibytes());
        sqlite.setTempStore(SQLiteConfig.TempStore.MEMORY);
        // BEGIN IMMEDIATE: a write transaction takes the lock at its start, never half-way through
        sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        sqlite.setReadOnly(readOnly);
        // no caller reads generated keys (ids are chosen before the insert), and the driver would otherwise run a
        // SELECT last_insert_rowid() after every INSERT: a fifth of an import's writer time
        sqlite.setGetGeneratedKeys(false);
        // DriverManager finds no driver inside OSGi: the data source is created directly
        var source = new SQLiteDataSource(sqlite);
        source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return source;
    }

    private static HikariDataSource readPool(Path file, DatabaseConfig config) {
        var hikari = new HikariConfig();
        hikari.setPoolName("fupin-readers");
        hikari.setDataSource(dataSource(file, config, true));
        hikari.setMaximumPoolSize(config.readConnections());
        hikari.setMinimumIdle(1);
        hikari.setReadOnly(true);
        hikari.setAutoCommit(true);
        hikari.setConnectionTimeout(10_000);
        return new HikariDataSource(hikari);
    }

    @Override
    public <T> T read(SqlWork<T> work) {
        try (Connection connection = readers.getConnection()) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new DatabaseException("read failed: " + e.getMessage(), e);
        }
    }

    @Override
    public <T> T write(SqlWork<T> work) {
        if (writeLock.isHeldByCurrentThread()) {
            try {
                return work.apply(writer);
            } catch (SQLException e) {
                throw new DatabaseException("write failed: " + e.getMessage(), e);
            }
        }
        writeLock.lock();
        try {
            // auto-commit off begins the transaction (BEGIN IMMEDIATE); back on between writes, so no lock is
            // held while the writer is idle (sqlite-jdbc would otherwise open the next transaction at commit)
            writer.setAutoCommit(false);
            T result;
            try {
                result = work.apply(writer);
                writer.commit();
            } catch (SQLException | RuntimeException | Error e) {
                rollback(e);
                if (e instanceof SQLException sql) {
                    throw new DatabaseException("write failed: " + sql.getMessage(), sql);
                }
                throw e;
            } finally {
                writer.setAutoCommit(true);
            }
            return result;
        } catch (SQLException e) {
            throw new DatabaseException("commit failed: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public Result execute() {
        var log = new FormattingResultLog();
        Path folder = file.toAbsolutePath().getParent();
        if (!Files.isRegularFile(file)) {
            log.critical("数据库文件不存在：{}", file);
        } else if (!Files.isWritable(file) || !Files.isWritable(folder)) {
            log.critical("数据库文件或其目录不可写：{}", file);
        } else {
            try {
                read(c -> {
                    try (var statement = c.createStatement(); var answer = statement.executeQuery("SELECT 1")) {
                        return answer.next();
                    }
                });
                log.info("可读：{}", file);
                probeWriter(log);
            } catch (DatabaseException e) {
                log.critical("数据库不可用：{}", e.getMessage());
            }
        }
        return new Result(log);
    }

    /**
     * Takes SQLite's write lock and gives it back at once, when the writer is idle. A busy writer is alive by
     * definition: the check does not queue behind a long import, which would make a working platform look down.
     */
    private void probeWriter(FormattingResultLog log) {
        if (!writeLock.tryLock()) {
            log.info("可写：写入连接正在处理事务");
            return;
        }
        try (var statement = writer.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            statement.execute("ROLLBACK");
            log.info("可写：已取得并释放写锁");
        } catch (SQLException e) {
            log.critical("无法取得写锁：{}", e.getMessage());
        } finally {
            writeLock.unlock();
        }
    }

    private void rollback(Throwable cause) {
        try {
            writer.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public void migrate(String schema, Bundle owner, String folder) {
        writeLock.lock();
        try {
            new BundleMigrations(schema, owner, folder).apply(writerSource);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Copies committed WAL frames into the database file without blocking readers or the writer. A passive
     * checkpoint never lets the WAL start over while writes keep coming (a long import grew it to 9 GB), so
     * once it passes {@code walLimitMebibytes} the checkpoint takes the write lock between two transactions and
     * restarts it: the next commit writes from the log's start again, over blocks the file already has (the
     * journal size limit keeps the file at about the limit).
     */
    private void checkpoint() {
        try (var statement = checkpointer.createStatement()) {
            if (walBytes() < walLimitBytes) {
                statement.execute("PRAGMA wal_checkpoint(PASSIVE)");
                return;
            }
            long asked = System.nanoTime();
            writeLock.lock();
            long locked = System.nanoTime();
            try {
                statement.execute("PRAGMA wal_checkpoint(RESTART)");
            } finally {
                writeLock.unlock();
            }
            LOG.debug("WAL restarted: waited {} ms for the write lock, held it {} ms", (locked - asked) / 1_000_000,
                    (System.nanoTime() - locked) / 1_000_000);
        } catch (SQLException e) {
            LOG.warn("WAL checkpoint failed (will retry)", e);
        }
    }

    private long walBytes() {
        try {
            return Files.size(Path.of(file.toAbsolutePath() + "-wal"));
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public Path file() {
        return file;
    }

    @Deactivate
    public void close() {
        checkpoints.shutdown();
        readers.close();
        writeLock.lock();
        try {
            try {
                checkpoints.awaitTermination(30, TimeUnit.SECONDS);
                checkpointer.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // the last connection to close checkpoints and removes the WAL
            writer.close();
            LOG.info("Database {} closed", file);
        } catch (SQLException e) {
            LOG.warn("Closing database {} failed", file, e);
        } finally {
            writeLock.unlock();
        }
    }
}
