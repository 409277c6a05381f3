package org.fupin.registry.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.fupin.database.api.AuditLog;
import org.fupin.database.api.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's storage, ready to use: the schema migrated and the division table loaded. Registered as a
 * service by {@link RegistryStartup} only once it is ready, so the components that need it wait for it.
 */
public class RegistryStore {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryStore.class);

    private final Database database;
    private final AuditLog audit;
    private final CountDownLatch villagesLoaded = new CountDownLatch(1);
    private final AtomicLong nextMemberId;

    /** Opens the store over a migrated registry schema. */
    RegistryStore(Database database, AuditLog audit) {
        this.database = database;
        this.audit = audit;
        this.nextMemberId = new AtomicLong(1 + database.read(c -> {
            try (var statement = c.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT coalesce(max(id), 0) FROM member")) {
                return rs.getLong(1);
            }
        }));
    }

    /**
     * The first of {@code count} consecutive member ids that nobody was given before. Ids are handed out before the
     * write that stores them, so that a household's document can be written outside the write transaction; the ids
     * of a household that is then not stored (a duplicate, a rollback, a dry run) are never used.
     */
    long reserveMemberIds(int count) {
        return nextMemberId.getAndAdd(count);
    }

    Database database() {
        return database;
    }

    AuditLog audit() {
        return audit;
    }

    /**
     * Loads the division table unless it is complete: provinces to townships first (fast), then — after
     * {@code upperLevelsReady} has run — the 620,000 villages; village look-ups wait for them. A start that died
     * half-way leaves no completion mark, so the next start reloads from scratch.
     */
    void loadRegionsOnce(Function<String, InputStream> resources, Runnable upperLevelsReady) {
        long started = System.nanoTime();
        boolean complete = database.read(c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT rows FROM region_dataset WHERE name = ?")) {
                query.setString(1, RegionLoader.DATASET);
                try (ResultSet rs = query.executeQuery()) {
                    return rs.next();
                }
            }
        });
        if (complete) {
            villagesLoaded.countDown();
            upperLevelsReady.run();
            return;
        }
        var loader = new RegionLoader(resources);
        int upper = database.write(c -> {
            try (var statement = c.createStatement()) {
                statement.executeUpdate("DELETE FROM region");
            }
            return loader.load(c, 1, 4);
        });
        upperLevelsReady.run();
        int villages = database.write(c -> {
            int rows = loader.load(c, 5, 5);
            try (PreparedStatement mark = c.prepareStatement(
                    "INSERT INTO region_dataset (name, rows, loaded_at) VALUES (?, ?, ?)")) {
                mark.setString(1, RegionLoader.DATASET);
                mark.setInt(2, upper + rows);
                mark.setString(3, Instant.now().toString());
                mark.executeUpdate();
            }
            return rows;
        });
        villagesLoaded.countDown();
        LOG.info("Loaded {} regions ({}) in {} ms", upper + villages, RegionLoader.DATASET,
                (System.nanoTime() - started) / 1_000_000);
    }

    boolean villagesLoaded() {
        return villagesLoaded.getCount() == 0;
    }

    /** Blocks until the villages are in the table (only ever waits during the very first start). */
    void awaitVillages() {
        try {
            if (!villagesLoaded.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the division table is still loading");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the division table loads", e);
        }
    }

    static InputStream open(URL entry, String name) {
        if (entry == null) {
            throw new IllegalStateException("the registry bundle does not contain " + name);
        }
        try {
            return entry.openStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
