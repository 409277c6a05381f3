package org.fupin.status.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.Version;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

class BundleInspectorTest {
    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

    @TempDir
    Path deploy;

    private final BundleContext context = mock(BundleContext.class);
    private final ServiceComponentRuntime components = mock(ServiceComponentRuntime.class);

    private BundleInspector inspector() {
        return new BundleInspector(context, components, Optional.of(deploy.toAbsolutePath().normalize()),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private Bundle bundle(long id, String name, int state, String location, String... headers) {
        Bundle bundle = mock(Bundle.class);
        when(bundle.getBundleId()).thenReturn(id);
        when(bundle.getSymbolicName()).thenReturn(name);
        when(bundle.getVersion()).thenReturn(Version.parseVersion("1.2.3"));
        when(bundle.getState()).thenReturn(state);
        when(bundle.getLocation()).thenReturn(location);
        var dictionary = new Hashtable<String, String>();
        for (int i = 0; i < headers.length; i += 2) {
            dictionary.put(headers[i], headers[i + 1]);
        }
        when(bundle.getHeaders("")).thenReturn(dictionary);
        return bundle;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            active bundle                   | 32 | -               | -                    | -
            lazy bundle waiting in STARTING | 8  | Bundle-ActivationPolicy | lazy         | -
            fragment stays RESOLVED         | 4  | Fragment-Host   | org.fupin.web        | -
            resolved, never started         | 4  | -               | -                    | resolved but not started
            eager bundle stuck in STARTING  | 8  | -               | -                    | still starting
            """)
    void judgesEachState(String what, int state, String header, String value, String problem) {
        Bundle bundle = header == null
                ? bundle(7, "b", state, "file:/opt/fupin/bundles/b.jar")
                : bundle(7, "b", state, "file:/opt/fupin/bundles/b.jar", header, value);

        assertEquals(problem, inspector().describe(bundle).problem());
    }

    @Test
    void reportsWhyAStartFailed() {
        Bundle bundle = bundle(9, "broken", Bundle.RESOLVED, "file:/opt/fupin/bundles/broken.jar");
        var inspector = inspector();

        inspector.frameworkEvent(new FrameworkEvent(FrameworkEvent.ERROR, bundle,
                new RuntimeException("wrapper", new IllegalStateException("no database"))));

        assertEquals("failed to start: IllegalStateException: no database", inspector.describe(bundle).problem());
    }

    @Test
    void tellsDeployedFromPlatformBundlesByLocation() {
        var inspector = inspector();

        assertTrue(inspector.isDeployed(deploy.resolve("yulu.jar").toUri().toString()));
        assertFalse(inspector.isDeployed("file:/opt/fupin/bundles/org.fupin.web.jar"));
        assertFalse(inspector.isDeployed("System Bundle"));
        assertEquals("deploy",
                inspector.describe(bundle(3, "p", Bundle.ACTIVE, deploy.resolve("p.jar").toUri().toString())).origin());
    }

    @Test
    void reportsSettledDeployJarsThatAreNotBundlesButNotFilesStillArriving() throws IOException {
        Path garbage = deploy.resolve("garbage.jar");
        Files.writeString(garbage, "this is not a zip");
        Files.setLastModifiedTime(garbage, FileTime.from(NOW.minusSeconds(60)));
        Path plainJar = deploy.resolve("plain.jar");
        writeJar(plainJar, "Implementation-Title", "not a bundle");
        Files.setLastModifiedTime(plainJar, FileTime.from(NOW.minusSeconds(60)));
        Path arriving = deploy.resolve("arriving.jar");
        Files.writeString(arriving, "half copied");
        Files.setLastModifiedTime(arriving, FileTime.from(NOW.minusSeconds(1)));
        when(context.getBundles()).thenReturn(new Bundle[0]);
        var inspector = inspector();

        List<Problem> problems = inspector.problems(inspector.bundles());

        assertEquals(2, problems.size(), problems.toString());
        var bySource = problems.stream().collect(java.util.stream.Collectors.toMap(Problem::source, p -> p));
        assertTrue(bySource.get("garbage.jar").message().startsWith("not installed: not a readable jar"));
        assertEquals("not installed: the manifest has no Bundle-SymbolicName, so it is not an OSGi bundle",
                bySource.get("plain.jar").message());
        assertFalse(bySource.get("plain.jar").platform());
    }

    @Test
    void aConfigurationFileInTheDeployFolderIsReportedAsIgnored() throws IOException {
        Files.writeString(deploy.resolve("org.fupin.database.cfg"), "synchronous=NORMAL\n");
        when(context.getBundles()).thenReturn(new Bundle[0]);
        var inspector = inspector();

        List<Problem> problems = inspector.problems(inspector.bundles());

        assertEquals(1, problems.size(), problems.toString());
        assertEquals("org.fupin.database.cfg", problems.get(0).source());
        assertTrue(problems.get(0).message().startsWith("ignored: configuration files belong in conf/"));
        assertFalse(problems.get(0).platform());
    }

    @Test
    void aFailedPlatformBundleIsAPlatformProblemAndAHealthyOneIsNone() {
        Bundle broken = bundle(5, "org.fupin.web", Bundle.RESOLVED, "file:/opt/fupin/bundles/web.jar");
        Bundle fine = bundle(6, "org.fupin.status", Bundle.ACTIVE, "file:/opt/fupin/bundles/status.jar");
        when(context.getBundles()).thenReturn(new Bundle[] {broken, fine});
        var inspector = inspector();

        List<Problem> problems = inspector.problems(inspector.bundles());

        assertEquals(List.of(new Problem("org.fupin.web", true, "resolved but not started")), problems);
        assertNull(inspector.describe(fine).problem());
    }

    private static void writeJar(Path file, String key, String value) throws IOException {
        var manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue(key, value);
        try (OutputStream out = Files.newOutputStream(file); var jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
    }

    @Test
    void aFupinComponentWaitingForAServiceIsAProblem() {
        Bundle registry = bundle(11, "org.fupin.registry", Bundle.ACTIVE, "file:/opt/fupin/bundles/registry.jar");
        var description = new ComponentDescriptionDTO();
        description.name = "org.fupin.registry.internal.SqlRegionDirectory";
        var waiting = new ComponentConfigurationDTO();
        waiting.state = ComponentConfigurationDTO.UNSATISFIED_REFERENCE;
        var reference = new UnsatisfiedReferenceDTO();
        reference.name = "store";
        waiting.unsatisfiedReferences = new UnsatisfiedReferenceDTO[] {reference};
        when(components.getComponentDescriptionDTOs(registry)).thenReturn(List.of(description));
        when(components.isComponentEnabled(description)).thenReturn(true);
        when(components.getComponentConfigurationDTOs(description)).thenReturn(List.of(waiting));

        assertEquals("component org.fupin.registry.internal.SqlRegionDirectory is waiting for store",
                inspector().describe(registry).problem());
    }
}
