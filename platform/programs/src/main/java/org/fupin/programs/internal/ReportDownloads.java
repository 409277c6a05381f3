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
import org.fupin.registry.csv.XlsxTableWriter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A report as a download for Excel ({@link ReportRows}), as CSV (UTF-8 with a BOM) or XLSX (codes as text, measures
 * as numbers), audited as an export once written: who, which report, its region, level and year, how many rows.
 * The audit record is written even when the download breaks off, since what was sent may have left.
 */
@Component(service = ReportDownloads.class)
public class ReportDownloads {
    private interface Body {
        void write() throws IOException;
    }

    private final AuditLog audit;

    @Activate
    public ReportDownloads(@Reference AuditLog audit) {
        this.audit = audit;
    }

    void csv(String program, ReportEngine.Table table, Locale language, Actor actor, OutputStream out)
            throws IOException {
        audited(program, table, actor, () -> printCsv(ReportRows.of(table, language), out));
    }

    void xlsx(String program, ReportEngine.Table table, Locale language, Actor actor, OutputStream out)
            throws IOException {
        audited(program, table, actor, () -> {
            var report = ReportRows.of(table, language);
            try (var sheet = new XlsxTableWriter(out, table.title().in(language), report.headings())) {
                for (List<Object> row : report.rows()) {
                    sheet.row(row);
                }
            }
        });
    }

    private void audited(String program, ReportEngine.Table table, Actor actor, Body body) throws IOException {
        try {
            body.write();
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

    private static void printCsv(ReportRows report, OutputStream out) throws IOException {
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        try (var printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.EXCEL)) {
            printer.printRecord(report.headers());
            for (List<Object> row : report.rows()) {
                var cells = new ArrayList<String>(row.size());
                for (Object cell : row) {
                    cells.add(cell instanceof Number number ? plain(number) : HouseholdCsvWriter.safe((String) cell));
                }
                printer.printRecord(cells);
            }
        }
    }

    private static String plain(Number value) {
        return value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
    }
}
