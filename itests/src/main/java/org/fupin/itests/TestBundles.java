package org.fupin.itests;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
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

    /**
     * A copy of the bundle {@code source} with some manifest headers replaced, some entries left out and some
     * replaced, e.g. a new version of a plugin that has lost its texts.
     */
    public static byte[] rewrite(Path source, Map<String, String> headers, Set<String> droppedEntries)
            throws IOException {
        return rewrite(source, headers, droppedEntries, Map.of());
    }

    public static byte[] rewrite(Path source, Map<String, String> headers, Set<String> droppedEntries,
            Map<String, String> replacedEntries) throws IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var jar = new JarFile(source.toFile())) {
            // entries read once up front, so a replaced one can be built from the original
            replacedEntries = replacedEntries.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                    Map.Entry::getKey, Map.Entry::getValue));
            Manifest manifest = new Manifest(jar.getManifest());
            headers.forEach(manifest.getMainAttributes()::putValue);
            try (var out = new JarOutputStream(bytes, manifest)) {
                for (var entries = jar.entries(); entries.hasMoreElements();) {
                    var entry = entries.nextElement();
                    if (entry.getName().equals(JarFile.MANIFEST_NAME) || droppedEntries.contains(entry.getName())) {
                        continue;
                    }
                    out.putNextEntry(new java.util.jar.JarEntry(entry.getName()));
                    if (replacedEntries.containsKey(entry.getName())) {
                        out.write(replacedEntries.get(entry.getName()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    } else {
                        try (var in = jar.getInputStream(entry)) {
                            in.transferTo(out);
                        }
                    }
                    out.closeEntry();
                }
            }
        }
        return bytes.toByteArray();
    }

    /**
     * A program plugin with no code: only its declaration and texts, copied from {@code folder}/PROGRAM-INF of the
     * test bundle {@code source}, as a third party would ship a program that needs no Java.
     */
    public static byte[] declaredPlugin(org.osgi.framework.Bundle source, String folder, String symbolicName,
            String version, String programId) throws IOException {
        var manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", version);
        main.putValue("Provide-Capability", "org.fupin.program;org.fupin.program=" + programId);
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = new JarOutputStream(bytes, manifest)) {
            for (String name : java.util.List.of("program.json", "messages_zh.properties", "messages.properties")) {
                var entry = source.getEntry(folder + "/PROGRAM-INF/" + name);
                if (entry == null) {
                    throw new IOException("no " + folder + "/PROGRAM-INF/" + name + " in " + source.getSymbolicName());
                }
                out.putNextEntry(new java.util.jar.JarEntry("PROGRAM-INF/" + name));
                try (var in = entry.openStream()) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
