/**
 * The household import format of docs/import-format.md: its columns and writers that produce it, as CSV (UTF-8
 * with BOM, Chinese headers and labels) or as XLSX (codes and ID numbers as text cells). The registry's export
 * and the demo's benchmark generator write through them, so the files they produce are exactly what the import
 * reads. {@link org.fupin.registry.csv.XlsxTableWriter} writes any table as XLSX, the program reports too. 1.3:
 * columns of the programs' household fields ({@link org.fupin.registry.csv.ExtensionColumns}).
 */
@Export
@Version("1.3.0")
package org.fupin.registry.csv;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
