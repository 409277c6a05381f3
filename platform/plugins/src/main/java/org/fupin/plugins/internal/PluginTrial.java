package org.fupin.plugins.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.fupin.program.api.Program;
import org.fupin.program.api.ProgramRules;
import org.fupin.program.declaration.Declaration;
import org.fupin.program.declaration.DeclaredProgram;
import org.fupin.program.declaration.ProgramDeclarations;
import org.fupin.programs.admission.ProgramAdmission;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.hooks.bundle.CollisionHook;
import org.osgi.framework.hooks.service.EventListenerHook;
import org.osgi.framework.hooks.service.FindHook;
import org.osgi.framework.hooks.service.ListenerHook.ListenerInfo;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tries a plugin jar out before it replaces anything: installs it beside the running version under a trial location,
 * starts it (which resolves it), activates its program component and asks the catalogue about its definition, then
 * uninstalls it again. While on trial the bundle's services are hidden from every bundle but this one (service find
 * and event hooks), so the catalogue and the rest of the platform never see it and the running version keeps serving;
 * a collision hook lets the trial share its symbolic name and version with the running bundle.
 */
final class PluginTrial implements FindHook, EventListenerHook, CollisionHook {
    static final String LOCATION_PREFIX = ProgramAdmission.TRIAL_LOCATION_PREFIX;
    private static final Logger LOG = LoggerFactory.getLogger(PluginTrial.class);

    private final BundleContext context;
    private final ProgramAdmission admission;
    private final ServiceComponentRuntime components;
    private final long timeoutMillis;
    private final List<ServiceRegistration<?>> hooks = new ArrayList<>();
    /** Set while this class installs a trial bundle, so that only that install may collide. */
    private volatile boolean installing;

    PluginTrial(BundleContext context, ProgramAdmission admission, ServiceComponentRuntime components,
            long timeoutMillis) {
        this.context = context;
        this.admission = admission;
        this.components = components;
        this.timeoutMillis = timeoutMillis;
    }

    void open() {
        hooks.add(context.registerService(new String[] { FindHook.class.getName(),
                EventListenerHook.class.getName(), CollisionHook.class.getName() }, this, null));
    }

    void close() {
        hooks.forEach(ServiceRegistration::unregister);
        hooks.clear();
    }

    /**
     * Every reason why {@code jar} (bundle {@code name}) would not run as a program here; empty when it would. Leaves
     * nothing installed.
     */
    List<String> problems(Path jar, String name) {
        Bundle trial;
        try (InputStream in = Files.newInputStream(jar)) {
            installing = true;
            trial = context.installBundle(LOCATION_PREFIX + name + "/" + UUID.randomUUID(), in);
        } catch (BundleException | IOException e) {
            return List.of("install: " + e.getMessage());
        } finally {
            installing = false;
        }
        try {
            return problems(trial, name);
        } finally {
            remove(trial);
        }
    }

    private List<String> problems(Bundle trial, String name) {
        try {
            trial.start();
        } catch (BundleException e) {
            return List.of("start: " + e.getMessage());
        } catch (RuntimeException e) {
            return List.of("start: " + e);
        }
        if (trial.getEntry(ProgramDeclarations.DECLARATION) != null) {
            return declared(trial, name);
        }
        var headers = trial.getHeaders("");
        if (headers.get("Service-Component") == null && headers.get(Constants.BUNDLE_ACTIVATOR) == null) {
            return List.of("no " + ProgramDeclarations.DECLARATION + ", no component and no activator: nothing "
                    + "would offer the program");
        }
        List<ServiceReference<?>> references = awaitServices(trial, Program.class, null);
        if (references.isEmpty()) {
            return notRegistered(trial, Program.class.getSimpleName());
        }
        List<String> problems = new ArrayList<>();
        for (ServiceReference<?> reference : references) {
            try {
                List<String> errors = new CopyOnWriteArrayList<>();
                Object service = activate(reference, errors);
                if (!(service instanceof Program program)) {
                    problems.addAll(failedActivation(trial, errors));
                    continue;
                }
                problems.addAll(admission.problems(program, name));
            } catch (RuntimeException e) {
                problems.add("the program component failed: " + e);
            } finally {
                context.ungetService(reference);
            }
        }
        return problems;
    }

    /** A declared program: its declaration read from the bundle, run with its rules service when it has one. */
    private List<String> declared(Bundle trial, String name) {
        Declaration declaration = ProgramDeclarations.read(path -> {
            var entry = trial.getEntry(path);
            return entry == null ? null : entry.openStream();
        });
        if (!declaration.usable()) {
            return declaration.problems();
        }
        if (!declaration.javaRules()) {
            return admission.problems(new DeclaredProgram(declaration, DeclaredProgram.NO_RULES), name);
        }
        List<ServiceReference<?>> references = awaitServices(trial, ProgramRules.class, declaration.programId());
        if (references.isEmpty()) {
            return notRegistered(trial, ProgramRules.class.getSimpleName() + " (" + ProgramRules.PROGRAM + "="
                    + declaration.programId() + ")");
        }
        ServiceReference<?> reference = references.get(0);
        try {
            List<String> errors = new CopyOnWriteArrayList<>();
            if (!(activate(reference, errors) instanceof ProgramRules rules)) {
                return failedActivation(trial, errors);
            }
            return admission.problems(new DeclaredProgram(declaration, rules), name);
        } catch (RuntimeException e) {
            return List.of("the rules component failed: " + e);
        } finally {
            context.ungetService(reference);
        }
    }

    private List<String> notRegistered(Bundle trial, String service) {
        List<String> why = new ArrayList<>(List.of("no " + service + " service registered"));
        why.addAll(componentProblems(trial));
        return why;
    }

    /**
     * Gets the service, which makes DS create the component; collects the errors the framework reports for it (a
     * class that cannot be loaded, say), which arrive as framework events, not exceptions.
     */
    private Object activate(ServiceReference<?> reference, List<String> errors) {
        FrameworkListener listener = event -> {
            if (event.getType() == FrameworkEvent.ERROR && event.getThrowable() != null
                    && event.getBundle() != null && event.getBundle().getBundleId() == context.getBundle().getBundleId()) {
                errors.add(event.getThrowable().getMessage());
            }
        };
        context.addFrameworkListener(listener);
        try {
            Object service = context.getService(reference);
            // the framework delivers its events on its own thread: give the error a moment to arrive
            for (int i = 0; service == null && errors.isEmpty() && i < 20; i++) {
                Thread.sleep(25);
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            context.removeFrameworkListener(listener);
        }
    }

    private List<String> failedActivation(Bundle trial, List<String> errors) {
        List<String> why = new ArrayList<>(componentProblems(trial));
        errors.forEach(error -> why.add("the program's component failed to activate: " + error));
        return why.isEmpty() ? List.of("the program's component failed to activate") : why;
    }

    /** What Declarative Services says of the trial bundle's components that do not run. */
    private List<String> componentProblems(Bundle trial) {
        List<String> problems = new ArrayList<>();
        for (ComponentDescriptionDTO description : components.getComponentDescriptionDTOs(trial)) {
            var configurations = components.getComponentConfigurationDTOs(description);
            if (configurations.isEmpty()) {
                problems.add("component " + description.name + " is "
                        + (components.isComponentEnabled(description) ? "waiting for its configuration "
                                + Arrays.toString(description.configurationPid) : "disabled"));
            }
            for (ComponentConfigurationDTO configuration : configurations) {
                switch (configuration.state) {
                    case ComponentConfigurationDTO.FAILED_ACTIVATION -> problems.add("component " + description.name
                            + " failed to activate: " + firstLine(configuration.failure));
                    case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> problems.add("component "
                            + description.name + " waits for " + Arrays.stream(configuration.unsatisfiedReferences)
                                    .map(r -> r.name + " (" + r.target + ")").toList());
                    case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> problems.add("component "
                            + description.name + " needs the configuration "
                            + Arrays.toString(description.configurationPid));
                    default -> { }
                }
            }
        }
        return problems;
    }

    private static String firstLine(String failure) {
        if (failure == null) {
            return "(no reason given)";
        }
        // the failure is a stack trace: its cause is the most telling line
        String[] lines = failure.split("\\R");
        String cause = Arrays.stream(lines).filter(l -> l.startsWith("Caused by: ")).reduce((a, b) -> b)
                .map(l -> l.substring("Caused by: ".length())).orElse(lines[0]);
        return cause.trim();
    }

    /**
     * The services of {@code type} the trial bundle registers (with {@code programId} as their
     * {@link ProgramRules#PROGRAM} property, when given), waiting up to the timeout for the first; stops waiting
     * when a component of the bundle is still not running after a second.
     */
    private List<ServiceReference<?>> awaitServices(Bundle trial, Class<?> type, String programId) {
        long start = System.currentTimeMillis();
        long deadline = start + timeoutMillis;
        while (true) {
            ServiceReference<?>[] registered = trial.getRegisteredServices();
            List<ServiceReference<?>> found = registered == null ? List.of() : Arrays.stream(registered)
                    .filter(r -> Arrays.asList((String[]) r.getProperty(Constants.OBJECTCLASS))
                            .contains(type.getName()))
                    .filter(r -> programId == null || programId.equals(r.getProperty(ProgramRules.PROGRAM)))
                    .toList();
            long now = System.currentTimeMillis();
            // a component still unsatisfied a second after the start is taken as stuck
            if (!found.isEmpty() || now > deadline || (now - start > 1000 && !componentProblems(trial).isEmpty())) {
                return found;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return found;
            }
        }
    }

    private void remove(Bundle trial) {
        try {
            trial.uninstall();
            context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class)
                    .refreshBundles(List.of(trial));
        } catch (BundleException | IllegalStateException e) {
            LOG.warn("Could not uninstall the trial bundle {}", trial.getLocation(), e);
        }
    }

    private static boolean onTrial(Bundle bundle) {
        return bundle != null && bundle.getLocation().startsWith(LOCATION_PREFIX);
    }

    /** Only this bundle and the trial bundle itself see a trial bundle's services. */
    private boolean hiddenFrom(Bundle viewer, Bundle registrant) {
        return onTrial(registrant) && viewer != null && viewer.getBundleId() != context.getBundle().getBundleId()
                && viewer.getBundleId() != registrant.getBundleId();
    }

    @Override
    public void find(BundleContext viewer, String name, String filter, boolean allServices,
            Collection<ServiceReference<?>> references) {
        references.removeIf(reference -> hiddenFrom(viewer.getBundle(), reference.getBundle()));
    }

    @Override
    public void event(ServiceEvent event, Map<BundleContext, Collection<ListenerInfo>> listeners) {
        Bundle registrant = event.getServiceReference().getBundle();
        if (onTrial(registrant)) {
            listeners.keySet().removeIf(viewer -> hiddenFrom(viewer.getBundle(), registrant));
        }
    }

    @Override
    public void filterCollisions(int operationType, Bundle target, Collection<Bundle> collisionCandidates) {
        if (installing && target.getBundleId() == context.getBundle().getBundleId()) {
            collisionCandidates.clear();
        } else {
            // a jar dropped into the deploy folder never collides with a bundle that is only on trial
            collisionCandidates.removeIf(PluginTrial::onTrial);
        }
    }
}
