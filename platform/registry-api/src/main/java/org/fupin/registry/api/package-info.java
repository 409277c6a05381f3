/**
 * The registry's services for platform bundles: {@link org.fupin.registry.api.HouseholdRegistry},
 * {@link org.fupin.registry.api.RegionDirectory}, {@link org.fupin.registry.api.PlatformClock}, who acts
 * ({@link org.fupin.registry.api.Actor}), queries and pages, and the exceptions they throw. Plugins never import it:
 * they see the registry's data through {@code org.fupin.registry.model}. 2.0: the records and code lists moved to
 * {@code org.fupin.registry.model}.
 */
@Export
@Version("2.1.0")
package org.fupin.registry.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
