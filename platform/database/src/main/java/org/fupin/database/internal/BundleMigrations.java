package org.fupin.database.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import javax.sql.DataSource;

import org.fupin.database.api.DatabaseException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;
import org.osgi.framework.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a bundle's SQL migrations with Flyway. Flyway cannot scan another bundle's class path, so the SQL files
 * are handed to it from the owning bundle's entries.
 */
final class BundleMigrations {
    private static final Logger LOG = LoggerFactory.getLogger(BundleMigrations.class);

    private final String schema;
    private final Bundle owner;
    private final String folder;

    BundleMigrations(String schema, Bundle owner, String folder) {
        if (!schema.matches("[a-z][a-z0-9_]{0,40}")) {
            throw new IllegalArgumentException("schema name must be lower-case letters, digits, _: " + schema);
        }
        this.schema = schema;
        this.owner = owner;
        this.folder = folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder;
    }

    void apply(DataSource dataSource) {
        var resources = resources();
        try {
            var result = Flyway.configure(getClass().getClassLoader())
                    .dataSource(dataSource)
                    .table("schema_history_" + schema)
                    .resourceProvider(new ListedResources(resources))
                    // several bundles share one database, each with its own history table: a history table
                    // that does not exist yet starts at version 0, below every real migration
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .validateMigrationNaming(true)
                    .load()
                    .migrate();
            LOG.info("Schema {}: {} migration(s) applied, now at version {}", schema, result.migrationsExecuted,
                    result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion);
        } catch (FlywayException e) {
            throw new DatabaseException("migrating schema " + schema + " failed: " + e.getMessage(), e);
        }
    }

    private List<LoadableResource> resources() {
        var entries = owner.findEntries(folder, "*.sql", false);
        var list = new ArrayList<LoadableResource>();
        if (entries != null) {
            for (URL url : Collections.list(entries)) {
                list.add(new BundleEntry(url, url.getPath().substring(url.getPath().lastIndexOf('/') + 1)));
            }
        }
        return list;
    }

    /** One SQL file inside a bundle. */
    static final class BundleEntry extends LoadableResource {
        private final URL url;
        private final String filename;

        BundleEntry(URL url, String filename) {
            this.url = url;
            this.filename = filename;
        }

        @Override
        public Reader read() {
            try {
                return new InputStreamReader(url.openStream(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + url, e);
            }
        }

        @Override
        public String getAbsolutePath() {
            return url.toString();
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return url.toString();
        }

        @Override
        public String getFilename() {
            return filename;
        }

        @Override
        public String getRelativePath() {
            return filename;
        }
    }

    /** The migrations of one bundle, as Flyway asks for them by file-name prefix and suffix. */
    record ListedResources(List<LoadableResource> resources) implements ResourceProvider {
        @Override
        public LoadableResource getResource(String name) {
            return resources.stream().filter(r -> r.getFilename().equals(name)).findFirst().orElse(null);
        }

        @Override
        public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
            var matching = new ArrayList<LoadableResource>();
            for (LoadableResource resource : resources) {
                String name = resource.getFilename();
                if (name.startsWith(prefix)) {
                    for (String suffix : suffixes) {
                        if (name.endsWith(suffix)) {
                            matching.add(resource);
                            break;
                        }
                    }
                }
            }
            return matching;
        }
    }
}
