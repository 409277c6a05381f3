/**
 * Access to the platform's database for platform bundles (never for program plugins, which use the registry
 * and record services): pooled read connections, one serialised writer, and schema migrations that a bundle
 * ships as SQL files.
 */
@Export
@Version("3.0.0")
package org.fupin.database.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
