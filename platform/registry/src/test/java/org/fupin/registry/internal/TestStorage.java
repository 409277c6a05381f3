package org.fupin.registry.internal;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.stream.Stream;

import org.fupin.database.internal.DatabaseConfig;
import org.fupin.database.internal.SqlAuditLog;
import org.fupin.database.internal.SqliteDatabase;
import org.osgi.framework.Bundle;

/** The real storage stack on a real SQLite file: database, audit log, registry schema and the region table. */
final class TestStorage implements AutoCloseable {
    final SqliteDatabase database;
    final RegistryStore store;
    final SqlRegionDirectory regions;

    private TestStorage(Path file) {
        database = new SqliteDatabase(file, config());
        database.migrate("platform", bundleWith("db/platform"), "db/platform");
        database.migrate("registry", bundleWith("db/registry"), "db/registry");
        store = new RegistryStore(database, new SqlAuditLog(database, Clock.systemUTC()));
        store.loadRegionsOnce(TestStorage::resource, () -> { });
        regions = new SqlRegionDirectory(store);
    }

    static TestStorage open(Path dir) {
        return new TestStorage(dir.resolve("fupin.db"));
    }

    SqlHouseholdRegistry registry(Clock clock) {
        return new SqlHouseholdRegistry(store, regions, clock);
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

    /** A bundle whose entries under {@code folder} are the SQL files on the test class path. */
    private static Bundle bundleWith(String folder) {
        Bundle bundle = mock(Bundle.class);
        URL url = TestStorage.class.getClassLoader().getResource(folder);
        try (var jar = url.getProtocol().equals("jar")
                ? java.nio.file.FileSystems.newFileSystem(url.toURI(), java.util.Map.of()) : null;
                Stream<Path> files = Files.list(jar == null ? Path.of(url.toURI()) : jar.getPath(folder))) {
            var urls = files.filter(p -> p.toString().endsWith(".sql")).sorted().map(p -> {
                try {
                    return jar == null ? p.toUri().toURL()
                            : new URL(url.toString() + "/" + p.getFileName());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
            when(bundle.findEntries(folder, "*.sql", false)).thenAnswer(i -> Collections.enumeration(urls));
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return bundle;
    }

    static DatabaseConfig config() {
        return new DatabaseConfig() {
            @Override public Class<? extends Annotation> annotationType() { return DatabaseConfig.class; }
            @Override public String file() { return ""; }
            @Override public String synchronous() { return "NORMAL"; }
            @Override public int busyTimeoutMillis() { return 5_000; }
            @Override public int readConnections() { return 4; }
            @Override public int cacheKibibytes() { return 8_192; }
            @Override public int walLimitMebibytes() { return 64; }
        };
    }
}
