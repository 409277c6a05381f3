/**
 * Program declarations: {@code PROGRAM-INF/program.json} with its messages, read into a
 * {@link org.fupin.program.api.ProgramDefinition}, checked, and run together with a plugin's
 * {@link org.fupin.program.api.ProgramRules}. The platform uses it to offer declared programs and to check an upload;
 * a plugin's own tests use the same reader and checker. 1.1: {@code DeclarationCheck.countedForm}, the form a report
 * counts. 1.2: {@code DeclaredProgram.checkRecord}, the rules of a write to a record.
 */
@Export
@Version("1.2.0")
package org.fupin.program.declaration;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
