package org.fupin.plugins.internal;

import java.util.List;

/**
 * An installed program plugin as the admin API shows it.
 *
 * @param name     the bundle symbolic name
 * @param programs the program ids the bundle declares ({@code Provide-Capability: org.fupin.program})
 * @param source   {@code deploy} (a file in the deploy folder: uploaded or copied there) or {@code shell}
 * @param file     the file name in the deploy folder, for {@code deploy}
 */
public record Plugin(String name, String version, String state, List<String> programs, String source,
        String file) {
}
