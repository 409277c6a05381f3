package org.fupin.status.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarFile;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.resource.Namespace;
import org.osgi.resource.Requirement;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at every bundle in the framework and every jar in the deploy folder and says what is not running and
 * why: unresolved requirements, a failed start, or a file that is not a bundle at all.
 */
@Component(service = BundleInspector.class)
public class BundleInspector implements FrameworkListener {
    /** Framework property naming the folder that FileInstall watches for plugin jars. */
    static final String DEPLOY_DIR_PROPERTY = "fupin.deploy.dir";

    /** A file this young may still be copied or be waiting for FileInstall's next poll: not yet a problem. */
    static final Duration SETTLE_TIME = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(BundleInspector.class);

    private final BundleContext context;
    private final ServiceComponentRuntime components;
    private final Optional<Path> deployDir;
    private final Clock clock;
    private final ConcurrentHashMap<Long, String> startFailures = new ConcurrentHashMap<>();
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    @Activate
    public BundleInspector(BundleContext context, @Reference ServiceComponentRuntime components) {
        this(context, components, deployDirOf(context), Clock.systemUTC());
    }

    /**
     * Bundles the plugin manager installs for a few seconds only to try an upload out
     * (org.fupin.programs.admission.ProgramAdmission.TRIAL_LOCATION_PREFIX): not part of the platform, never judged.
     */
    static final String TRIAL_LOCATION_PREFIX = "fupin-trial:";

    BundleInspector(BundleContext context, ServiceComponentRuntime components, Optional<Path> deployDir,
            Clock clock) {
        this.context = context;
        this.components = components;
        this.deployDir = deployDir;
        this.clock = clock;
        context.addFrameworkListener(this);
    }

    @Deactivate
    void deactivate() {
        context.removeFrameworkListener(this);
    }

    @Override
    public void frameworkEvent(FrameworkEvent event) {
        if (event.getType() == FrameworkEvent.ERROR && event.getBundle() != null && event.getThrowable() != null) {
            startFailures.put(event.getBundle().getBundleId(), rootMessage(event.getThrowable()));
        }
    }

    public List<BundleInfo> bundles() {
        var bundles = context.getBundles();
        var infos = new ArrayList<BundleInfo>(bundles.length);
        for (Bundle bundle : bundles) {
            if (!bundle.getLocation().startsWith(TRIAL_LOCATION_PREFIX)) {
                infos.add(describe(bundle));
            }
        }
        return infos;
    }

    /** Problems of installed bundles and of deploy-folder jars that never became bundles. */
    public List<Problem> problems(List<BundleInfo> bundles) {
        var problems = new ArrayList<Problem>();
        for (BundleInfo info : bundles) {
            if (!info.healthy()) {
                problems.add(new Problem(info.symbolicName(), "platform".equals(info.origin()), info.problem()));
            }
        }
        problems.addAll(deployFolderProblems(bundles));
        for (Problem problem : problems) {
            if (reported.add(problem.source() + ": " + problem.message())) {
                LOG.warn("{} {}: {}", problem.platform() ? "Platform bundle" : "Deployed", problem.source(),
                        problem.message());
            }
        }
        return problems;
    }

    BundleInfo describe(Bundle bundle) {
        String origin = isDeployed(bundle.getLocation()) ? "deploy" : "platform";
        return new BundleInfo(bundle.getBundleId(), bundle.getSymbolicName(), bundle.getVersion().toString(),
                stateName(bundle.getState()), origin, bundle.getLocation(), problemOf(bundle));
    }

    private String problemOf(Bundle bundle) {
        String state = stateProblem(bundle);
        return state != null ? state : componentProblem(bundle);
    }

    /**
     * For Fupin's own bundles and plugins, an active bundle is not enough: each of its components must be
     * satisfied (a component waiting for a service, or one whose activation threw, means the feature is down).
     * Components that require a configuration nobody gave are not started by design and are not judged.
     */
    private String componentProblem(Bundle bundle) {
        if (bundle.getState() != Bundle.ACTIVE || !judgesComponents(bundle)) {
            return null;
        }
        var problems = new ArrayList<String>();
        for (ComponentDescriptionDTO description : components.getComponentDescriptionDTOs(bundle)) {
            if (!components.isComponentEnabled(description)) {
                continue;
            }
            for (ComponentConfigurationDTO configuration : components.getComponentConfigurationDTOs(description)) {
                switch (configuration.state) {
                    case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> {
                        var waitingFor = new ArrayList<String>();
                        for (var reference : configuration.unsatisfiedReferences) {
                            waitingFor.add(reference.name + (reference.target == null ? "" : " " + reference.target));
                        }
                        problems.add("component " + description.name + " is waiting for " + String.join(", ", waitingFor));
                    }
                    case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION ->
                        problems.add("component " + description.name + " is waiting for its configuration");
                    case ComponentConfigurationDTO.FAILED_ACTIVATION ->
                        problems.add("component " + description.name + " failed to activate: " + configuration.failure);
                    default -> {
                        // satisfied or active
                    }
                }
            }
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    private boolean judgesComponents(Bundle bundle) {
        String name = bundle.getSymbolicName();
        return (name != null && name.startsWith("org.fupin.")) || isDeployed(bundle.getLocation());
    }

    private String stateProblem(Bundle bundle) {
        boolean fragment = bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
        switch (bundle.getState()) {
            case Bundle.ACTIVE:
                return null;
            case Bundle.STARTING:
                // lazily activated bundles wait in STARTING until first use: that is healthy
                return Constants.ACTIVATION_LAZY.equals(bundle.getHeaders("").get(Constants.BUNDLE_ACTIVATIONPOLICY))
                        ? null : "still starting";
            case Bundle.RESOLVED:
                if (fragment) {
                    return null;
                }
                String failure = startFailures.get(bundle.getBundleId());
                return failure == null ? "resolved but not started" : "failed to start: " + failure;
            case Bundle.INSTALLED:
                return "cannot resolve: " + missingRequirements(bundle);
            default:
                return "stopping";
        }
    }

    /** The requirements that no bundle in the framework can satisfy, so an operator knows what to install. */
    private String missingRequirements(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        var wiring = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
        if (revision == null || wiring == null) {
            return "unknown reason";
        }
        var missing = new ArrayList<String>();
        for (Requirement requirement : revision.getRequirements(null)) {
            String resolution = requirement.getDirectives().get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE);
            if (Namespace.RESOLUTION_OPTIONAL.equals(resolution)) {
                continue;
            }
            if (wiring.findProviders(requirement).isEmpty()) {
                missing.add(requirement.getNamespace() + " " + requirement.getDirectives().get("filter"));
            }
        }
        return missing.isEmpty() ? "its requirements conflict (see the log)"
                : "missing " + String.join(", ", missing);
    }

    private List<Problem> deployFolderProblems(List<BundleInfo> bundles) {
        if (deployDir.isEmpty() || !Files.isDirectory(deployDir.get())) {
            return List.of();
        }
        Set<Path> installed = new HashSet<>();
        for (BundleInfo info : bundles) {
            pathOf(info.location()).ifPresent(installed::add);
        }
        var problems = new ArrayList<Problem>();
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(deployDir.get(), "*.jar")) {
            for (Path jar : jars) {
                Path normalized = jar.toAbsolutePath().normalize();
                if (!installed.contains(normalized) && settled(normalized)) {
                    problems.add(new Problem(deployDir.get().relativize(normalized).toString(), false,
                            "not installed: " + whyNotABundle(normalized)));
                }
            }
        } catch (IOException e) {
            problems.add(new Problem(deployDir.get().toString(), false, "cannot list deploy folder: " + e));
        }
        try (DirectoryStream<Path> configurations = Files.newDirectoryStream(deployDir.get(), "*.{cfg,config}")) {
            for (Path file : configurations) {
                problems.add(new Problem(file.getFileName().toString(), false,
                        "ignored: configuration files belong in conf/, the deploy folder takes plugin jars only"));
            }
        } catch (IOException e) {
            problems.add(new Problem(deployDir.get().toString(), false, "cannot list deploy folder: " + e));
        }
        return problems;
    }

    private boolean settled(Path file) {
        try {
            var modified = Files.getLastModifiedTime(file).toInstant();
            return modified.plus(SETTLE_TIME).isBefore(clock.instant());
        } catch (IOException e) {
            return false; // removed while we looked
        }
    }

    static String whyNotABundle(Path jar) {
        try (var file = new JarFile(jar.toFile())) {
            var manifest = file.getManifest();
            if (manifest == null) {
                return "the jar has no manifest, so it is not an OSGi bundle";
            }
            if (manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME) == null) {
                return "the manifest has no Bundle-SymbolicName, so it is not an OSGi bundle";
            }
            return "the framework refused it (see the log)";
        } catch (IOException e) {
            return "not a readable jar (" + e.getMessage() + ")";
        }
    }

    boolean isDeployed(String location) {
        return deployDir.isPresent() && pathOf(location).map(p -> p.startsWith(deployDir.get())).orElse(false);
    }

    private static Optional<Path> pathOf(String location) {
        if (location == null || !location.startsWith("file:")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(URI.create(location)).toAbsolutePath().normalize());
        } catch (IllegalArgumentException e) { // includes InvalidPathException
            return Optional.empty();
        }
    }

    private static Optional<Path> deployDirOf(BundleContext context) {
        String dir = context.getProperty(DEPLOY_DIR_PROPERTY);
        return dir == null || dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir).toAbsolutePath().normalize());
    }

    static String stateName(int state) {
        return switch (state) {
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNKNOWN(" + state + ")";
        };
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
