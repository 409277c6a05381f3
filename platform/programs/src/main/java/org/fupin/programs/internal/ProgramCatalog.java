package org.fupin.programs.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.fupin.program.api.Program;
import org.fupin.program.api.ProgramDefinition;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The programs installed right now. Program services come and go while the platform runs (a plugin installed,
 * upgraded or removed), so the catalogue follows them dynamically; every request looks its program up here and a
 * program that is gone is simply unknown — its stored data stays.
 */
@Component(service = ProgramCatalog.class)
public class ProgramCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(ProgramCatalog.class);

    private final Map<String, InstalledProgram> programs = new ConcurrentHashMap<>();
    private final Map<String, List<String>> rejected = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addProgram(Program program, ServiceReference<Program> reference) {
        var bundle = reference.getBundle();
        add(program, bundle == null ? "?" : bundle.getSymbolicName(),
                bundle == null ? "?" : bundle.getVersion().toString());
    }

    void removeProgram(Program program) {
        programs.values().removeIf(installed -> installed.program() == program);
    }

    /** Adds a program unless its definition is unusable or its id is taken; returns whether it was added. */
    boolean add(Program program, String bundle, String version) {
        ProgramDefinition definition;
        try {
            definition = program.definition();
        } catch (RuntimeException e) {
            LOG.error("Program service of {} failed to give its definition; not offered", bundle, e);
            rejected.put(bundle, List.of("definition() failed: " + e));
            return false;
        }
        List<String> problems = DefinitionCheck.problems(definition);
        if (!problems.isEmpty()) {
            LOG.error("Program {} of {} is not offered: {}", definition.descriptor().id(), bundle, problems);
            rejected.put(bundle, problems);
            return false;
        }
        var installed = new InstalledProgram(program, definition, bundle, version);
        InstalledProgram previous = programs.putIfAbsent(installed.id(), installed);
        if (previous != null) {
            LOG.error("Program id {} of {} is already provided by {}; not offered", installed.id(), bundle,
                    previous.bundle());
            rejected.put(bundle, List.of("program id " + installed.id() + " already provided by " + previous.bundle()));
            return false;
        }
        rejected.remove(bundle);
        LOG.info("Program {} {} offered (bundle {})", installed.id(), version, bundle);
        return true;
    }

    Optional<InstalledProgram> find(String id) {
        return Optional.ofNullable(id == null ? null : programs.get(id));
    }

    List<InstalledProgram> all() {
        return programs.values().stream().sorted(Comparator.comparing(InstalledProgram::id)).toList();
    }

    /** Bundles whose program service was refused, with the reasons (shown by the plugin admin). */
    Map<String, List<String>> rejected() {
        return Map.copyOf(rejected);
    }
}
