package org.fupin.database.internal;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;

/**
 * What every test on a real SQLite file needs (shipped to other modules as this module's test jar): a database
 * configuration, and a bundle whose migrations are the SQL files of a folder on the test class path (in a
 * directory or inside a dependency's jar).
 */
public final class TestDatabases {
    private TestDatabases() {
    }

    public static DatabaseConfig config(String synchronous, int readConnections, int walLimitMebibytes) {
        return new DatabaseConfig() {
            @Override public Class<? extends Annotation> annotationType() { return DatabaseConfig.class; }
            @Override public String file() { return ""; }
            @Override public String synchronous() { return synchronous; }
            @Override public int busyTimeoutMillis() { return 5_000; }
            @Override public int readConnections() { return readConnections; }
            @Override public int cacheKibibytes() { return 4_096; }
            @Override public int writerCacheMebibytes() { return 16; }
            @Override public int walLimitMebibytes() { return walLimitMebibytes; }
        };
    }

    /** A bundle whose entries under {@code folder} are the {@code .sql} files in that folder on the class path. */
    public static Bundle migrationsOnClassPath(String folder) {
        URL url = TestDatabases.class.getClassLoader().getResource(folder);
        if (url == null) {
            throw new IllegalStateException("no folder " + folder + " on the test class path");
        }
        try (var jar = url.getProtocol().equals("jar") ? FileSystems.newFileSystem(url.toURI(), Map.of()) : null;
                Stream<Path> files = Files.list(jar == null ? Path.of(url.toURI()) : jar.getPath(folder))) {
            List<URL> urls = files.filter(p -> p.toString().endsWith(".sql")).sorted().map(p -> {
                try {
                    return jar == null ? p.toUri().toURL() : new URL(url + "/" + p.getFileName());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
            return migrations(folder, urls);
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list " + url, e);
        }
    }

    /** A bundle whose entries under {@code folder} are exactly the given SQL files. */
    public static Bundle migrations(String folder, List<URL> sqlFiles) {
        Bundle bundle = mock(Bundle.class);
        when(bundle.findEntries(folder, "*.sql", false)).thenAnswer(i -> Collections.enumeration(sqlFiles));
        return bundle;
    }
}
