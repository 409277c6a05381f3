/**
 * The program SPI: what a program plugin (雨露计划, 易地扶贫搬迁, …) gives the platform, and the read-only view
 * of the registry its rules get back. A plugin declares its program in {@code PROGRAM-INF/program.json} with its
 * texts in {@code PROGRAM-INF/messages*.properties}, marks its bundle with
 * {@link org.fupin.program.api.ProgramPlugin}, and registers {@link org.fupin.program.api.ProgramRules} when it has
 * rules that need code; the platform builds the {@link org.fupin.program.api.ProgramDefinition} from the
 * declaration, stores, scopes and audits everything, enforces the declared limits, evaluates the declared reports and
 * runs the declared workflow. A plugin may still register a whole {@link org.fupin.program.api.Program} itself.
 * 2.0: definitions carry {@link org.fupin.program.api.Limit}s; {@link org.fupin.program.api.RuleContext} gives the
 * status history; declared programs. 2.2: {@link org.fupin.program.api.HouseholdField}s, the program's own fields on
 * every household's record; {@link org.fupin.program.api.RecordType}s, records a program keeps beside its applications. 2.3: {@code ProgramDemo.householdFields}, a demo's assessments
 * and ratings. 2.4: {@link org.fupin.program.api.RuleContext#records}, the program's records a rule reads; a demo's
 * records ({@code ProgramDemo.records}, {@code Case.records}); reports of some states only
 * ({@code ReportDefinition.states}); actions that establish items of 两不愁三保障 ({@code Transition.assures}); {@code ProgramDemo.Timeline}; rules for
 * the writes to records ({@code ProgramRules.checkRecord}, {@link org.fupin.program.api.RecordWrite}) and limits over them
 * ({@link org.fupin.program.api.RecordLimit}); report measures BALANCE, SHARE and COVERAGE.
 */
@Export
@Version("2.5.0")
package org.fupin.program.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
