package org.fupin.plugins.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.fupin.database.api.AuditLog;
import org.fupin.database.api.Database;
import org.fupin.program.api.ProgramPlugin;
import org.fupin.program.declaration.ProgramDeclarations;
import org.fupin.program.declaration.Resources;
import org.fupin.programs.admission.ProgramAdmission;
import org.fupin.registry.api.AccessDeniedException;
import org.fupin.registry.api.Actor;
import org.fupin.registry.model.LocalizedText;
import org.fupin.registry.model.Role;
import org.fupin.web.api.ApiException;
import org.fupin.web.api.FieldError;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs, upgrades and removes program plugins while the platform runs. Every plugin lives as a jar in the deploy
 * folder, watched by FileInstall, so the three ways in — upload, copying a file, the shell — meet in one place and a
 * restart finds exactly what was installed. An upload is checked before anything changes: it must be a bundle that
 * declares a program ({@code Provide-Capability: org.fupin.program}) and every package it imports must be exported
 * here in a matching version (a plugin built for program API 2 is refused on a platform with API 1); then it is tried
 * out beside the running version ({@link PluginTrial}) and replaces it only when its program would run.
 */
@Component(service = PluginManager.class)
@Designate(ocd = PluginManager.Config.class)
public class PluginManager {
    static final String DEPLOY_DIR_PROPERTY = "fupin.deploy.dir";
    private static final String PROGRAM_SERVICE = "org.fupin.program.api.Program";

    private static final Logger LOG = LoggerFactory.getLogger(PluginManager.class);

    @ObjectClassDefinition(name = "Fupin plugin manager",
            description = "Uploads of program plugins through /api/v1/admin/plugins")
    public @interface Config {
        @AttributeDefinition(name = "Largest plugin upload (MiB)", min = "1")
        int maxUploadMebibytes() default 64;

        @AttributeDefinition(name = "Seconds to wait for the deploy folder to take up a change", min = "1")
        int deployTimeoutSeconds() default 30;
    }

    private final BundleContext context;
    private final Path deployDir;
    private final long maxBytes;
    private final long timeoutMillis;
    private final PluginTrial trial;
    private final Database database;
    private final AuditLog audit;

    @Activate
    public PluginManager(BundleContext context, Config config, @Reference ProgramAdmission admission,
            @Reference ServiceComponentRuntime components, @Reference Database database, @Reference AuditLog audit) {
        this.context = context;
        this.database = database;
        this.audit = audit;
        String dir = context.getProperty(DEPLOY_DIR_PROPERTY);
        this.deployDir = dir == null ? null : Path.of(dir).toAbsolutePath().normalize();
        this.maxBytes = config.maxUploadMebibytes() * 1024L * 1024L;
        this.timeoutMillis = config.deployTimeoutSeconds() * 1000L;
        this.trial = new PluginTrial(context, admission, components, timeoutMillis);
        trial.open();
    }

    @Deactivate
    void close() {
        trial.close();
    }

    long maxBytes() {
        return maxBytes;
    }

    List<Plugin> list(Actor actor) {
        requireProvinceAdmin(actor);
        return Arrays.stream(context.getBundles()).map(this::describe).flatMap(Optional::stream).toList();
    }

    /**
     * Installs or upgrades the plugin in {@code jar} (a file the caller owns); returns it once it is ACTIVE. The jar
     * is tried out first (see {@link PluginTrial}): when anything is wrong with it, it is refused with every reason
     * and the running version, if any, keeps serving untouched. One install at a time.
     */
    synchronized Plugin install(Path jar, Actor actor) {
        requireProvinceAdmin(actor);
        requireDeployFolder();
        Manifest manifest = manifest(jar);
        var main = manifest.getMainAttributes();
        String name = symbolicName(main.getValue(Constants.BUNDLE_SYMBOLICNAME));
        if (name == null) {
            throw refused("not_a_bundle", "the jar has no Bundle-SymbolicName: it is not an OSGi bundle",
                    List.of(new FieldError("Bundle-SymbolicName", "missing")));
        }
        Version version;
        try {
            version = Version.parseVersion(main.getValue(Constants.BUNDLE_VERSION));
        } catch (IllegalArgumentException e) {
            throw refused("not_a_bundle", "Bundle-Version is not an OSGi version: " + e.getMessage(),
                    List.of(new FieldError("Bundle-Version", "not major.minor.micro.qualifier")));
        }
        List<FieldError> missing = missingImports(main.getValue(Constants.IMPORT_PACKAGE),
                main.getValue(Constants.EXPORT_PACKAGE));
        if (programsOf(main.getValue(Constants.PROVIDE_CAPABILITY)).isEmpty()) {
            List<FieldError> problems = new ArrayList<>(List.of(new FieldError("Provide-Capability",
                    "no " + ProgramPlugin.NAMESPACE + " capability")));
            problems.addAll(missing);
            throw refused("not_a_program", name + " declares no program (Provide-Capability: "
                    + ProgramPlugin.NAMESPACE + "); build it with @ProgramPlugin", problems);
        }
        List<FieldError> declaration = declarationProblems(jar);
        if (!declaration.isEmpty()) {
            List<FieldError> problems = new ArrayList<>(declaration);
            problems.addAll(missing);
            throw refused("invalid_declaration", name + " " + version + " declares its program wrongly ("
                    + ProgramDeclarations.DECLARATION + ")", problems);
        }
        if (!missing.isEmpty()) {
            throw refused("unsupported_api", name + " " + version
                    + " needs packages this platform does not export in a matching version", missing);
        }
        List<String> problems = trial.problems(jar, name);
        if (!problems.isEmpty()) {
            LOG.warn("Plugin {} {} refused on trial; nothing changed: {}", name, version, problems);
            throw refused("plugin_refused", name + " " + version + " would not run here; nothing was changed",
                    problems.stream().map(problem -> new FieldError("plugin", problem)).toList());
        }
        Optional<Bundle> existing = bundle(name);
        Path target = existing.map(this::deployFile)
                .orElse(Optional.of(deployDir.resolve(name + ".jar")))
                .orElseThrow(() -> new ApiException(409, "not_managed", name
                        + " was installed from the shell, not the deploy folder; uninstall it there first", List.of()));
        try {
            Path previous = Files.exists(target) ? Files.copy(target, Files.createTempFile("fupin-plugin-", ".bak"),
                    StandardCopyOption.REPLACE_EXISTING) : null;
            try {
                long placed = System.currentTimeMillis();
                place(jar, target);
                Bundle installed = awaitActive(name, version, placed);
                LOG.info("Plugin {} {} installed from an upload", name, version);
                Plugin plugin = describe(installed).orElseThrow();
                audit(actor, name, existing.isPresent() ? "upgrade" : "install",
                        existing.map(b -> versionJson(b.getVersion().toString())).orElse(null), json(plugin));
                return plugin;
            } catch (ApiException e) {
                if (previous != null) {
                    place(previous, target);
                } else {
                    Files.deleteIfExists(target);
                }
                throw e;
            } finally {
                if (previous != null) {
                    Files.deleteIfExists(previous);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write to the deploy folder " + deployDir, e);
        }
    }

    /**
     * Audited in the administrator's region: plugins serve every county, and the change is the province's doing.
     * Names, versions, program ids and file names are OSGi tokens: they need no JSON escaping.
     */
    private void audit(Actor actor, String name, String action, String before, String after) {
        database.write(c -> {
            audit.append(c, actor.username(), "plugin", name, actor.scope(), action, before, after);
            return null;
        });
    }

    private static String versionJson(String version) {
        return "{\"version\":\"" + version + "\"}";
    }

    private static String json(Plugin plugin) {
        return "{\"version\":\"" + plugin.version() + "\",\"programs\":["
                + String.join(",", plugin.programs().stream().map(p -> "\"" + p + "\"").toList()) + "],\"file\":"
                + (plugin.file() == null ? "null" : "\"" + plugin.file() + "\"") + "}";
    }

    /** Removes a plugin by bundle symbolic name or program id; its programs' data stays in the database. */
    void remove(String nameOrProgram, Actor actor) {
        requireProvinceAdmin(actor);
        Bundle bundle = Arrays.stream(context.getBundles())
                .filter(b -> describe(b).map(p -> p.name().equals(nameOrProgram) || p.programs().contains(nameOrProgram))
                        .orElse(false))
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("no plugin named " + nameOrProgram));
        Optional<Path> file = deployFile(bundle);
        try {
            if (file.isPresent()) {
                Files.deleteIfExists(file.get());
                awaitGone(bundle);
            } else {
                bundle.uninstall();
            }
            LOG.info("Plugin {} removed", bundle.getSymbolicName());
            audit(actor, bundle.getSymbolicName(), "remove", versionJson(bundle.getVersion().toString()), null);
        } catch (IOException | org.osgi.framework.BundleException e) {
            throw new IllegalStateException("cannot remove " + bundle.getSymbolicName(), e);
        }
    }

    private Optional<Plugin> describe(Bundle bundle) {
        List<String> programs = programsOf(bundle.getHeaders("").get(Constants.PROVIDE_CAPABILITY));
        if (programs.isEmpty() || bundle.getState() == Bundle.UNINSTALLED
                || bundle.getLocation().startsWith(PluginTrial.LOCATION_PREFIX)) {
            return Optional.empty();
        }
        Optional<Path> file = deployFile(bundle);
        return Optional.of(new Plugin(bundle.getSymbolicName(), bundle.getVersion().toString(), state(bundle),
                programs, file.isPresent() ? "deploy" : "shell", file.map(f -> f.getFileName().toString()).orElse(null)));
    }

    static List<String> programsOf(String provideCapability) {
        return ManifestClauses.parse(provideCapability).stream()
                .filter(c -> c.name().equals(ProgramPlugin.NAMESPACE))
                .map(c -> c.parameters().getOrDefault(ProgramPlugin.NAMESPACE, "?")).toList();
    }

    /** Imports no bundle here exports in a matching version, as field errors; java.* comes from the JVM. */
    /** Plugins change the platform for every county: only an administrator of a whole province may do it. */
    static void requireProvinceAdmin(Actor actor) {
        if (!actor.hasAny(Role.PROVINCE_ADMIN) || actor.scope().length() > 2) {
            throw new AccessDeniedException(new LocalizedText("只有省级管理员可以查看、安装或卸载插件",
                    "only province administrators list, install or remove plugins"));
        }
    }

    private List<FieldError> missingImports(String importPackage, String exportPackage) {
        List<String> ownExports = ManifestClauses.parse(exportPackage).stream().map(ManifestClauses.Clause::name)
                .toList();
        List<BundleCapability> exported = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            BundleWiring wiring = b.adapt(BundleWiring.class);
            if (wiring != null) {
                exported.addAll(wiring.getCapabilities(PackageNamespace.PACKAGE_NAMESPACE));
            }
        }
        List<FieldError> missing = new ArrayList<>();
        for (var clause : ManifestClauses.parse(importPackage)) {
            if (clause.name().startsWith("java.") || ownExports.contains(clause.name())
                    || "optional".equals(clause.parameters().get("resolution:"))) {
                continue;
            }
            VersionRange range = new VersionRange(clause.parameters().getOrDefault("version", "0.0.0"));
            boolean found = exported.stream().anyMatch(cap -> clause.name().equals(
                    cap.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))
                    && range.includes((Version) cap.getAttributes().getOrDefault(
                            PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE, Version.emptyVersion)));
            if (!found) {
                List<String> available = exported.stream()
                        .filter(cap -> clause.name().equals(cap.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE)))
                        .map(cap -> String.valueOf(cap.getAttributes().get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE)))
                        .distinct().toList();
                missing.add(new FieldError("Import-Package", clause.name() + " " + range + ": "
                        + (available.isEmpty() ? "not exported here" : "exported here only in " + available)));
            }
        }
        return missing;
    }

    private Optional<Bundle> bundle(String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst();
    }

    /** The bundle's jar in the deploy folder, if FileInstall installed it from there. */
    private Optional<Path> deployFile(Bundle bundle) {
        String location = bundle.getLocation();
        if (deployDir == null || location == null || !location.startsWith("file:")) {
            return Optional.empty();
        }
        try {
            Path file = Path.of(java.net.URI.create(location.replace(" ", "%20"))).toAbsolutePath().normalize();
            return deployDir.equals(file.getParent()) ? Optional.of(file) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Moves a jar into place atomically, so FileInstall never reads half a file. */
    private void place(Path jar, Path target) throws IOException {
        Path partial = target.resolveSibling("." + target.getFileName() + ".part");
        Files.copy(jar, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * The bundle installed or updated from the deploy folder since {@code placed}, once it is ACTIVE with its program
     * service; a re-upload of the running version waits for FileInstall's update, not for the bundle already there.
     */
    private Bundle awaitActive(String name, Version version, long placed) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        Optional<Bundle> bundle = Optional.empty();
        while (System.currentTimeMillis() < deadline) {
            bundle = bundle(name).filter(b -> b.getVersion().equals(version) && b.getLastModified() >= placed);
            if (bundle.isPresent() && bundle.get().getState() == Bundle.ACTIVE && registersProgram(bundle.get())) {
                return bundle.get();
            }
            sleep();
        }
        String state = bundle.map(PluginManager::state).orElse("not installed");
        String reason = "bundle " + state + (state.equals("ACTIVE") ? ", no program service registered" : "");
        LOG.error("Plugin {} {} did not start a program service within {} s ({}); the previous jar is restored", name,
                version, timeoutMillis / 1000, reason);
        throw new ApiException(422, "plugin_failed", name + " " + version + " did not start a program service within "
                + timeoutMillis / 1000 + " s; the previous state was restored — see the log",
                List.of(new FieldError("plugin", reason)));
    }

    /** Whether the bundle registers the program service: ACTIVE alone says nothing of its DS components. */
    private static boolean registersProgram(Bundle bundle) {
        var services = bundle.getRegisteredServices();
        return services != null && Arrays.stream(services).anyMatch(reference -> Arrays.asList(
                (String[]) reference.getProperty(Constants.OBJECTCLASS)).contains(PROGRAM_SERVICE));
    }

    private void awaitGone(Bundle bundle) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (bundle.getState() != Bundle.UNINSTALLED && System.currentTimeMillis() < deadline) {
            sleep();
        }
        if (bundle.getState() != Bundle.UNINSTALLED) {
            throw new IllegalStateException(bundle.getSymbolicName() + " still installed after its file was removed");
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the deploy folder", e);
        }
    }

    private void requireDeployFolder() {
        if (deployDir == null || !Files.isDirectory(deployDir)) {
            throw new ApiException(503, "no_deploy_folder", "the platform has no deploy folder ("
                    + DEPLOY_DIR_PROPERTY + "); plugins cannot be installed", List.of());
        }
    }

    /** What the platform's declaration checker finds wrong with the jar's program declaration, if it has one. */
    private static List<FieldError> declarationProblems(Path jar) {
        try (var file = new JarFile(jar.toFile())) {
            if (file.getJarEntry(ProgramDeclarations.DECLARATION) == null) {
                return List.of();
            }
            return ProgramDeclarations.read(Resources.of(file)).problems().stream()
                    .map(problem -> new FieldError(ProgramDeclarations.DECLARATION, problem)).toList();
        } catch (IOException e) {
            return List.of(new FieldError("file", "not a jar"));
        }
    }

    private static Manifest manifest(Path jar) {
        try (var file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            if (manifest == null) {
                throw refused("not_a_bundle", "the jar has no manifest: it is not an OSGi bundle",
                        List.of(new FieldError("file", "no META-INF/MANIFEST.MF")));
            }
            return manifest;
        } catch (IOException e) {
            throw new ApiException(400, "not_a_bundle", "the upload is not a jar (zip) file",
                    List.of(new FieldError("file", "not a jar")));
        }
    }

    private static String symbolicName(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        return ManifestClauses.parse(header).stream().findFirst().map(ManifestClauses.Clause::name).orElse(null);
    }

    private static ApiException refused(String code, String message, List<FieldError> reasons) {
        return new ApiException(422, code, message, reasons);
    }

    private static String state(Bundle bundle) {
        return switch (bundle.getState()) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.INSTALLED -> "INSTALLED";
            default -> "UNINSTALLED";
        };
    }
}
