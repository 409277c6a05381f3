/**
 * The program SPI: what a program plugin (雨露计划, 易地扶贫搬迁, …) gives the platform, and the read-only view
 * of the registry its rules get back. A plugin registers one {@link org.fupin.program.api.Program} service and
 * marks its bundle with {@link org.fupin.program.api.ProgramPlugin}; the platform stores, scopes and audits
 * everything, evaluates the declared reports and runs the declared workflow.
 */
@Export
@Version("1.0.0")
package org.fupin.program.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
