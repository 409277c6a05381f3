package org.fupin.programs.admission;

import java.util.List;

import org.fupin.program.api.Program;
import org.osgi.annotation.versioning.ProviderType;

/** The catalogue's verdict on a program service that is not offered yet (a plugin on trial before it is installed). */
@ProviderType
public interface ProgramAdmission {
    /**
     * The location prefix of bundles the plugin manager installs only to try them out: the platform offers nothing
     * of theirs.
     */
    String TRIAL_LOCATION_PREFIX = "fupin-trial:";

    /**
     * Why the catalogue would refuse {@code candidate} from the bundle {@code symbolicName} once it replaced that
     * bundle's running version: its definition fails or is inconsistent, or its program id is held by another bundle.
     * Empty when it would be offered.
     */
    List<String> problems(Program candidate, String symbolicName);
}
