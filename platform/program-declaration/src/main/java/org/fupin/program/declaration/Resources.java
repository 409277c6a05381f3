package org.fupin.program.declaration;

import java.io.IOException;
import java.io.InputStream;
import java.util.jar.JarFile;

/** Where a declaration's files are read from: a bundle's entries, a jar, or a class loader in a plugin's tests. */
@FunctionalInterface
public interface Resources {
    /** The file at {@code path} (e.g. {@code PROGRAM-INF/program.json}), or {@code null} when there is none. */
    InputStream open(String path) throws IOException;

    static Resources of(ClassLoader loader) {
        return loader::getResourceAsStream;
    }

    static Resources of(JarFile jar) {
        return path -> {
            var entry = jar.getJarEntry(path);
            return entry == null ? null : jar.getInputStream(entry);
        };
    }
}
