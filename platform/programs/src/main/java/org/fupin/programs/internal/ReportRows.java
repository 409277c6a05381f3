package org.fupin.programs.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.fupin.registry.csv.XlsxTableWriter;

/**
 * A report as a table for Excel, what its CSV and its XLSX both hold: headers and labels in the caller's
 * language, a {@code REGION} column preceded by one with the region code, and a last row of totals. Dimensions
 * are text (codes, labels), measures numbers.
 */
record ReportRows(List<XlsxTableWriter.Heading> headings, List<List<Object>> rows) {
    static ReportRows of(ReportEngine.Table table, Locale language) {
        boolean chinese = "zh".equals(language.getLanguage());
        var headings = new ArrayList<XlsxTableWriter.Heading>();
        for (var column : table.columns()) {
            if (isRegion(column)) {
                headings.add(new XlsxTableWriter.Heading(chinese ? "区划代码" : "region code", false));
            }
            headings.add(new XlsxTableWriter.Heading(column.label().in(language), column.measure()));
        }
        var rows = new ArrayList<List<Object>>(table.rows().size() + 1);
        for (var row : table.rows()) {
            var cells = new ArrayList<Object>(headings.size());
            for (var column : table.columns()) {
                if (column.measure()) {
                    cells.add(row.values().get(column.key()));
                    continue;
                }
                if (isRegion(column)) {
                    cells.add(row.codes().get(column.key()));
                }
                cells.add(row.labels().get(column.key()).in(language));
            }
            rows.add(cells);
        }
        var total = new ArrayList<Object>(headings.size());
        for (var column : table.columns()) {
            if (column.measure()) {
                total.add(table.total().get(column.key()));
            } else {
                total.add(total.isEmpty() ? (chinese ? "合计" : "Total") : null);
                if (isRegion(column)) {
                    total.add(null);
                }
            }
        }
        rows.add(total);
        return new ReportRows(List.copyOf(headings), rows);
    }

    List<String> headers() {
        return headings.stream().map(XlsxTableWriter.Heading::text).toList();
    }

    private static boolean isRegion(ReportEngine.Column column) {
        return "region".equals(column.key());
    }
}
