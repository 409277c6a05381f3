package org.fupin.programs.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.fupin.database.api.AuditLog;
import org.fupin.registry.api.Actor;
import org.fupin.registry.csv.HouseholdCsvWriter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A report as a CSV download for Excel (UTF-8 with a BOM, labels in the caller's language, a total line), audited
 * as an export once written: who, which report, its region, level and year, how many rows.
 */
@Component(service = ReportCsv.class)
public class ReportCsv {
    private final AuditLog audit;

    @Activate
    public ReportCsv(@Reference AuditLog audit) {
        this.audit = audit;
    }

    /** Writes the table; the audit record is written even when the download breaks off. */
    void write(String program, ReportEngine.Table table, Locale language, Actor actor, OutputStream out)
            throws IOException {
        try {
            print(table, language, out);
        } finally {
            var filter = new LinkedHashMap<String, Object>();
            filter.put("region", table.region());
            filter.put("level", table.level());
            filter.put("year", table.year());
            filter.values().removeIf(Objects::isNull);
            audit.appendExport(actor.username(), actor.scope(), "programs/" + program + "/reports/" + table.report(),
                    Json.write(filter), table.rows().size());
        }
    }

    private static void print(ReportEngine.Table table, Locale language, OutputStream out) throws IOException {
        boolean chinese = "zh".equals(language.getLanguage());
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        try (var printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.EXCEL)) {
            List<String> header = new ArrayList<>();
            for (var column : table.columns()) {
                if ("region".equals(column.key())) {
                    header.add(chinese ? "区划代码" : "region code");
                }
                header.add(column.label().in(language));
            }
            printer.printRecord(header);
            for (var row : table.rows()) {
                List<String> cells = new ArrayList<>();
                for (var column : table.columns()) {
                    if (column.measure()) {
                        cells.add(plain(row.values().get(column.key())));
                        continue;
                    }
                    if ("region".equals(column.key())) {
                        cells.add(HouseholdCsvWriter.safe(row.codes().get(column.key())));
                    }
                    cells.add(HouseholdCsvWriter.safe(row.labels().get(column.key()).in(language)));
                }
                printer.printRecord(cells);
            }
            List<String> total = new ArrayList<>();
            for (var column : table.columns()) {
                if (column.measure()) {
                    total.add(plain(table.total().get(column.key())));
                } else {
                    total.add(total.isEmpty() ? (chinese ? "合计" : "Total") : "");
                    if ("region".equals(column.key())) {
                        total.add("");
                    }
                }
            }
            printer.printRecord(total);
        }
    }

    private static String plain(Number value) {
        return value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
    }
}
