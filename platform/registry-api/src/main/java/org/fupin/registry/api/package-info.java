/**
 * The registry's services for platform bundles: {@link org.fupin.registry.api.HouseholdRegistry},
 * {@link org.fupin.registry.api.RegionDirectory}, {@link org.fupin.registry.api.PlatformClock}, who acts
 * ({@link org.fupin.registry.api.Actor}), queries and pages, and the exceptions they throw. Plugins never import it:
 * they see the registry's data through {@code org.fupin.registry.model}. 2.0: the records and code lists moved to
 * {@code org.fupin.registry.model}. 2.2: household fields that programs add ({@link org.fupin.registry.api.ExtensionField},
 * offered through {@link org.fupin.registry.api.ExtensionFields}), {@code HouseholdRegistry.updateExtensions} and a
 * search by them. 2.3: {@code HouseholdRegistry.assure}, what a program's step establishes of 两不愁三保障.
 */
@Export
@Version("2.4.0")
package org.fupin.registry.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
