/**
 * The plugin test kit: a plugin's program in its own unit tests exactly as the platform runs it
 * ({@link org.fupin.plugin.testkit.ProgramUnderTest}), rule contexts on the platform's parameter resolution
 * ({@link org.fupin.plugin.testkit.TestRuleContext}) and household fixtures
 * ({@link org.fupin.plugin.testkit.Households}). Test scope only.
 */
@Export
@Version("1.2.0")
package org.fupin.plugin.testkit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
