package org.fupin.programs.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.fupin.program.api.Field;
import org.fupin.program.api.HouseholdField;
import org.fupin.program.api.Option;
import org.fupin.program.api.Program;
import org.fupin.program.api.ProgramDefinition;
import org.fupin.program.declaration.DeclarationCheck;
import org.fupin.programs.admission.ProgramAdmission;
import org.fupin.registry.api.ExtensionField;
import org.fupin.registry.api.ExtensionFields;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
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
 * program that is gone is simply unknown — its stored data stays. A service refused because another bundle holds its
 * program id waits, and is offered as soon as the holder leaves.
 */
@Component(service = { ProgramCatalog.class, ProgramAdmission.class, ExtensionFields.class })
public class ProgramCatalog implements ProgramAdmission, ExtensionFields {
    private static final Logger LOG = LoggerFactory.getLogger(ProgramCatalog.class);

    /** A program service with the bundle that registered it. */
    private record Candidate(Program program, String bundle, String version) {
    }

    private final ProgramStore store;
    private final Map<String, InstalledProgram> programs = new ConcurrentHashMap<>();
    /** Services refused because their id was taken, oldest first: offered again when the holder leaves. */
    private final List<Candidate> waiting = new ArrayList<>();

    @Activate
    public ProgramCatalog(@Reference ProgramStore store) {
        this.store = store;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addProgram(Program program, ServiceReference<Program> reference) {
        var bundle = reference.getBundle();
        add(program, bundle == null ? "?" : bundle.getSymbolicName(),
                bundle == null ? "?" : bundle.getVersion().toString());
    }

    void removeProgram(Program program) {
        List<Candidate> retry;
        synchronized (waiting) {
            waiting.removeIf(candidate -> candidate.program() == program);
            boolean held = programs.values().removeIf(installed -> installed.program() == program);
            retry = held ? List.copyOf(waiting) : List.of();
        }
        for (Candidate candidate : retry) {
            synchronized (waiting) {
                waiting.remove(candidate);
            }
            add(candidate.program(), candidate.bundle(), candidate.version());
        }
    }

    /** Adds a program unless its definition is unusable or its id is taken; returns whether it was added. */
    boolean add(Program program, String bundle, String version) {
        ProgramDefinition definition;
        try {
            definition = program.definition();
        } catch (RuntimeException e) {
            LOG.error("Program service of {} failed to give its definition; not offered", bundle, e);
            return false;
        }
        List<String> problems = DeclarationCheck.problems(definition);
        if (!problems.isEmpty()) {
            LOG.error("Program {} of {} is not offered: {}", definition.descriptor().id(), bundle, problems);
            return false;
        }
        var installed = new InstalledProgram(program, definition, bundle, version);
        InstalledProgram previous;
        synchronized (waiting) {
            previous = programs.putIfAbsent(installed.id(), installed);
            if (previous != null) {
                waiting.add(new Candidate(program, bundle, version));
            }
        }
        if (previous != null) {
            LOG.error("Program id {} of {} is already provided by {}; offered when that leaves", installed.id(),
                    bundle, previous.bundle());
            return false;
        }
        var descriptor = definition.descriptor();
        try {
            store.remember(new ProgramStore.KnownProgram(descriptor.id(), descriptor.name(), descriptor.agency(),
                    descriptor.agencyName(), bundle, version), Instant.now());
        } catch (RuntimeException e) {
            // the program runs all the same; only its applications' read-only view after a removal needs this row
            LOG.warn("Could not remember program {} of {}: {}", descriptor.id(), bundle, e.toString());
        }
        LOG.info("Program {} {} offered (bundle {})", installed.id(), version, bundle);
        return true;
    }

    @Override
    public List<String> problems(Program candidate, String symbolicName) {
        ProgramDefinition definition;
        try {
            definition = candidate.definition();
        } catch (RuntimeException e) {
            return List.of("definition() failed: " + e);
        }
        List<String> problems = new ArrayList<>(DeclarationCheck.problems(definition));
        InstalledProgram holder = programs.get(definition.descriptor().id());
        if (holder != null && !holder.bundle().equals(symbolicName)) {
            problems.add("program id " + holder.id() + " is already provided by " + holder.bundle());
        }
        return problems;
    }

    /** The household fields of the programs offered now, for the registry to check and store. */
    @Override
    public List<ExtensionField> fields() {
        var fields = new ArrayList<ExtensionField>();
        for (InstalledProgram installed : programs.values()) {
            var descriptor = installed.definition().descriptor();
            for (HouseholdField household : installed.definition().householdFields()) {
                Field field = household.field();
                fields.add(new ExtensionField(household.key(descriptor.id()),
                        ExtensionField.Type.valueOf(field.type().name()), field.label(), descriptor.agency(),
                        field.min(), field.max(), field.options().stream().map(Option::code).toList(),
                        household.editors()));
            }
        }
        return fields;
    }

    Optional<InstalledProgram> find(String id) {
        return Optional.ofNullable(id == null ? null : programs.get(id));
    }

    /** A program offered here before whose plugin is not installed now. */
    Optional<ProgramStore.KnownProgram> removed(String id) {
        return programs.containsKey(id) ? Optional.empty()
                : store.known().stream().filter(k -> k.id().equals(id)).findFirst();
    }

    /** Every program offered here before whose plugin is not installed now, by id. */
    List<ProgramStore.KnownProgram> removed() {
        return store.known().stream().filter(k -> !programs.containsKey(k.id())).toList();
    }

    List<InstalledProgram> all() {
        return programs.values().stream().sorted(Comparator.comparing(InstalledProgram::id)).toList();
    }
}
