package org.fupin.programs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.fupin.database.internal.SqlAuditLog;
import org.fupin.database.internal.SqliteDatabase;
import org.fupin.database.internal.TestDatabases;
import org.fupin.registry.api.Actor;
import org.fupin.registry.model.LocalizedText;
import org.fupin.registry.model.RegionLevel;
import org.fupin.registry.model.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A report's downloads, CSV and XLSX, and their audit records, on a real SQLite file. */
class ReportDownloadsTest {
    static final Actor COUNTY_ADMIN = new Actor("qinzhou", "620502", null, Set.of(Role.COUNTY_ADMIN));
    static final ReportEngine.Table PAYMENTS = new ReportEngine.Table("payments",
            new LocalizedText("补助发放", "payments"), "620502", RegionLevel.TOWNSHIP, 2026, null,
            List.of(new ReportEngine.Column("region", new LocalizedText("乡镇", "township"), false),
                    new ReportEngine.Column("amount", new LocalizedText("金额（元）", "amount (yuan)"), true)),
            List.of(row("620502001", "大城街道", new BigDecimal("1500.00")),
                    row("620502100", "=玉泉镇", new BigDecimal("3000.50"))),
            Map.of("amount", new BigDecimal("4500.50")), null);

    @TempDir
    Path dir;
    SqliteDatabase database;
    SqlAuditLog audit;
    ReportDownloads downloads;

    @BeforeEach
    void open() {
        database = new SqliteDatabase(dir.resolve("fupin.db"), TestDatabases.config("NORMAL", 2, 16));
        database.migrate("platform", TestDatabases.migrationsOnClassPath("db/platform"), "db/platform");
        audit = new SqlAuditLog(database, Clock.systemUTC());
        downloads = new ReportDownloads(audit);
    }

    @AfterEach
    void close() {
        database.close();
    }

    static ReportEngine.Row row(String code, String name, BigDecimal amount) {
        return new ReportEngine.Row(Map.of("region", code), Map.of("region", new LocalizedText(name, name)),
                Map.of("amount", amount));
    }

    @Test
    void writesTheTableForExcelAndAuditsTheExport() throws IOException {
        var out = new ByteArrayOutputStream();

        downloads.csv("yulu", PAYMENTS, Locale.SIMPLIFIED_CHINESE, COUNTY_ADMIN, out);

        assertEquals("\uFEFF区划代码,乡镇,金额（元）\r\n620502001,大城街道,1500.00\r\n620502100,'=玉泉镇,3000.50\r\n"
                + "合计,,4500.50\r\n", out.toString(StandardCharsets.UTF_8));
        var export = audit.search(
                new org.fupin.database.api.AuditQuery("620502", "export", null, null, null, null, 0, 10)).items().get(0);
        assertEquals("qinzhou", export.actor());
        assertEquals("export", export.entity());
        assertEquals("programs/yulu/reports/payments", export.entityId());
        assertEquals("export", export.action());
        assertEquals("{\"scope\":\"620502\",\"filter\":{\"region\":\"620502\",\"level\":\"TOWNSHIP\",\"year\":2026},"
                + "\"rows\":2}", export.after());
    }

    @Test
    void writesTheXlsxWithCodesAsTextAndAmountsAsNumbers() throws IOException {
        var out = new ByteArrayOutputStream();

        downloads.xlsx("yulu", PAYMENTS, Locale.SIMPLIFIED_CHINESE, COUNTY_ADMIN, out);

        List<Row> rows;
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()));
                var sheet = workbook.getFirstSheet().openStream()) {
            assertEquals("补助发放", workbook.getFirstSheet().getName());
            rows = sheet.toList();
        }
        assertEquals(List.of("区划代码", "乡镇", "金额（元）"), rows.get(0).stream().map(Cell::getText).toList());
        assertEquals(CellType.STRING, rows.get(1).getCell(0).getType());
        assertEquals("620502001", rows.get(1).getCell(0).asString());
        assertEquals("=玉泉镇", rows.get(2).getCell(1).asString(), "a text cell is never a formula in XLSX");
        assertEquals(new BigDecimal("3000.50"), rows.get(2).getCell(2).asNumber());
        assertEquals("合计", rows.get(3).getCell(0).asString());
        assertEquals(new BigDecimal("4500.50"), rows.get(3).getCell(2).asNumber());
        var export = audit.search(new org.fupin.database.api.AuditQuery("620502", "export",
                "programs/yulu/reports/payments", null, null, null, 0, 10)).items().get(0);
        assertEquals("{\"scope\":\"620502\",\"filter\":{\"region\":\"620502\",\"level\":\"TOWNSHIP\",\"year\":2026},"
                + "\"rows\":2}", export.after());
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "xlsx"})
    void aDownloadThatBreaksOffIsStillAudited(String format) {
        OutputStream reset = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("connection reset");
            }
        };

        assertThrows(IOException.class, () -> {
            if (format.equals("csv")) {
                downloads.csv("yulu", PAYMENTS, Locale.ENGLISH, COUNTY_ADMIN, reset);
            } else {
                downloads.xlsx("yulu", PAYMENTS, Locale.ENGLISH, COUNTY_ADMIN, reset);
            }
        });

        assertEquals(1, audit.search(new org.fupin.database.api.AuditQuery("", "export",
                "programs/yulu/reports/payments", null, null, null, 0, 10)).items().size());
    }
}
