package org.fupin.itests;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Writes small bundle jars for deploy tests: complete bundles, and deliberately broken ones. */
public final class TestBundles {
    private TestBundles() {
    }

    /** A valid bundle with no code: installs, resolves and starts. */
    public static void writeBundle(Path jar, String symbolicName, String... extraHeaders) throws IOException {
        var manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", "1.0.0");
        for (int i = 0; i < extraHeaders.length; i += 2) {
            main.putValue(extraHeaders[i], extraHeaders[i + 1]);
        }
        // write next to the target and move, as an operator's copy should, so FileInstall never sees half a jar
        Path partial = jar.resolveSibling(jar.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(partial); var stream = new JarOutputStream(out, manifest)) {
            stream.flush();
        }
        Files.move(partial, jar, StandardCopyOption.ATOMIC_MOVE);
    }
}
