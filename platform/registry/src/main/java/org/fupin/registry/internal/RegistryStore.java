package org.fupin.registry.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.function.Function;

import org.fupin.database.api.AuditLog;
import org.fupin.database.api.Database;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's storage, ready to use: the schema migrated and the division table loaded (once, on the first
 * start: about 665,000 rows).
 */
@Component(service = RegistryStore.class)
public class RegistryStore {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryStore.class);

    private final Database database;
    private final AuditLog audit;

    @Activate
    public RegistryStore(@Reference Database database, @Reference AuditLog audit, BundleContext context) {
        this(database, audit);
        database.migrate("registry", context.getBundle(), "db/registry");
        loadRegionsOnce(name -> open(context.getBundle().getEntry(name), name));
    }

    /** For tests: storage whose schema the caller has migrated. */
    RegistryStore(Database database, AuditLog audit) {
        this.database = database;
        this.audit = audit;
    }

    Database database() {
        return database;
    }

    AuditLog audit() {
        return audit;
    }

    void loadRegionsOnce(Function<String, InputStream> resources) {
        long started = System.nanoTime();
        Integer loaded = database.write(c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT rows FROM region_dataset WHERE name = ?")) {
                query.setString(1, RegionLoader.DATASET);
                try (ResultSet rs = query.executeQuery()) {
                    if (rs.next()) {
                        return null;
                    }
                }
            }
            int rows = new RegionLoader(resources).load(c);
            try (PreparedStatement mark = c.prepareStatement(
                    "INSERT INTO region_dataset (name, rows, loaded_at) VALUES (?, ?, ?)")) {
                mark.setString(1, RegionLoader.DATASET);
                mark.setInt(2, rows);
                mark.setString(3, Instant.now().toString());
                mark.executeUpdate();
            }
            return rows;
        });
        if (loaded != null) {
            LOG.info("Loaded {} regions ({}) in {} ms", loaded, RegionLoader.DATASET,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    private static InputStream open(URL entry, String name) {
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
