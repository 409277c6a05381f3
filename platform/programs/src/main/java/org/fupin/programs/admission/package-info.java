/**
 * What the plugin manager asks the program catalogue before a new plugin version replaces the running one. Platform
 * only: plugins never import it.
 */
@Export
@Version("1.0.0")
package org.fupin.programs.admission;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
