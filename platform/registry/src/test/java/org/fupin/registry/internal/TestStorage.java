package org.fupin.registry.internal;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;

import org.fupin.database.internal.SqlAuditLog;
import org.fupin.database.internal.SqliteDatabase;
import org.fupin.database.internal.TestDatabases;

/** The real storage stack on a real SQLite file: database, audit log, registry schema and the region table. */
final class TestStorage implements AutoCloseable {
    final SqliteDatabase database;
    final RegistryStore store;
    final SqlRegionDirectory regions;
    /** The extension fields programs offer: a test adds its own. */
    final ExtensionCatalog extensions = new ExtensionCatalog();

    private TestStorage(Path file) {
        database = new SqliteDatabase(file, TestDatabases.config("NORMAL", 4, 64));
        database.migrate("platform", TestDatabases.migrationsOnClassPath("db/platform"), "db/platform");
        database.migrate("registry", TestDatabases.migrationsOnClassPath("db/registry"), "db/registry");
        store = new RegistryStore(database, new SqlAuditLog(database, Clock.systemUTC()));
        store.loadRegionsOnce(TestStorage::resource, () -> { });
        regions = new SqlRegionDirectory(store);
    }

    static TestStorage open(Path dir) {
        return new TestStorage(dir.resolve("fupin.db"));
    }

    SqlHouseholdRegistry registry(Clock clock) {
        return new SqlHouseholdRegistry(store, regions, clock, extensions);
    }

    @Override
    public void close() {
        database.close();
    }

    static InputStream resource(String name) {
        InputStream in = TestStorage.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("no resource " + name);
        }
        return in;
    }
}
