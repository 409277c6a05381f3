/**
 * The household CSV format of docs/import-format.md: its columns and a writer that produces it (Excel-ready:
 * UTF-8 with BOM, Chinese headers and labels). The registry's export and the demo's benchmark generator both
 * write through it, so the files they produce are exactly what the import reads.
 */
@Export
@Version("1.0.0")
package org.fupin.registry.csv;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
