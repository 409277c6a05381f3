package org.fupin.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.fupin.database.api.AuditQuery;
import org.fupin.registry.api.Actor;
import org.fupin.registry.api.HouseholdQuery;
import org.fupin.registry.csv.HouseholdCsvWriter;
import org.fupin.registry.internal.csv.HouseholdReader;
import org.fupin.registry.model.IdNumber;
import org.fupin.registry.model.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** XLSX export and import on the real storage: the same pipeline, the same rules, and no digit lost. */
class XlsxImportTest {
    static final Actor CLERK = new Actor("clerk", "620502", null, Set.of(Role.VILLAGE_CLERK));
    static final Actor COUNTY_ADMIN = new Actor("qinzhou", "620502", null, Set.of(Role.COUNTY_ADMIN));
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    static final List<Object> HEADER = List.of("户编号", "村代码", "识别标准", "贫困户属性", "主要致贫原因", "收入年度", "工资性收入",
            "姓名", "性别", "身份证号", "与户主关系");

    @TempDir
    static Path dir;
    static TestStorage storage;
    static SqlHouseholdRegistry registry;
    static int births;

    @BeforeAll
    static void open() {
        storage = TestStorage.open(dir);
        registry = storage.registry(CLOCK);
    }

    @AfterAll
    static void close() {
        storage.close();
    }

    /** A unique valid 18-character ID number; with {@code x}, one whose check character is X. */
    static String id(boolean male, boolean x) {
        while (true) {
            births++;
            String id = Samples.id("620502", LocalDate.of(1960, 1, 1).plusDays(births * 5L),
                    (male ? 1 : 0) + births % 400 * 2);
            if (!x || id.endsWith("X")) {
                return id;
            }
        }
    }

    /** A workbook as Excel saves one: texts in the shared strings, numbers as numbers. */
    static byte[] workbook(List<List<Object>> rows) throws IOException {
        var out = new ByteArrayOutputStream();
        var workbook = new Workbook(out, "Microsoft Excel", null);
        var sheet = workbook.newWorksheet("Sheet1");
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                Object value = rows.get(r).get(c);
                if (value instanceof Number number) {
                    sheet.value(r, c, number);
                } else if (value != null) {
                    sheet.value(r, c, value.toString());
                }
            }
        }
        workbook.finish();
        return out.toByteArray();
    }

    static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    static HouseholdImport.Report importXlsx(byte[] xlsx, boolean dryRun) throws Exception {
        return registry.importer().importXlsx(new ByteArrayInputStream(xlsx), dryRun, CLERK);
    }

    static HouseholdQuery village(String code) {
        return new HouseholdQuery(code, null, null, null, null, 0, 10, null);
    }

    @Test
    void anExportImportsBackAsUnchangedWithEveryDigitAndTheCheckX() throws Exception {
        var rows = new ArrayList<List<Object>>(List.of(HEADER));
        String[] heads = {id(true, true), id(true, false)};
        for (int i = 0; i < heads.length; i++) {
            rows.add(row("R" + i, "620502101210", "国家标准", "一般贫困户", "因病", 2025, 8000.5, "张三", "男", heads[i], "户主"));
            rows.add(row("R" + i, null, null, null, null, null, null, "李四", "女", id(false, i == 0), "配偶"));
        }
        assertEquals(2, importXlsx(workbook(rows), false).stored());
        var exported = new ByteArrayOutputStream();

        long households = registry.exportXlsx(village("620502101210"), COUNTY_ADMIN, exported);
        var again = importXlsx(exported.toByteArray(), false);

        assertEquals(2, households);
        assertEquals(4, registry.exportRows(village("620502101210"), COUNTY_ADMIN));
        assertEquals(2, again.unchanged(), again.rejections().toString());
        assertEquals(0, again.stored());
        assertNull(again.charset());
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(exported.toByteArray()));
                var sheet = workbook.getFirstSheet().openStream()) {
            var read = sheet.toList();
            int id = HouseholdCsvWriter.HEADERS.indexOf("身份证号");
            int wage = HouseholdCsvWriter.HEADERS.indexOf("工资性收入");
            assertEquals(HouseholdCsvWriter.HEADERS, read.get(0).stream().map(c -> c.getText()).toList());
            var ids = read.subList(1, read.size()).stream().map(r -> r.getCell(id)).toList();
            assertTrue(ids.stream().allMatch(c -> c.getType() == CellType.STRING), ids.toString());
            assertTrue(ids.stream().anyMatch(c -> c.asString().equals(heads[0])), heads[0] + " in " + ids);
            assertEquals(CellType.NUMBER, read.get(1).getCell(wage).getType());
        }
        var export = storage.store.audit().search(
                new AuditQuery("", "export", "households", null, null, null, 0, 1)).items().get(0);
        assertEquals("qinzhou", export.actor());
        assertEquals("{\"scope\":\"620502\",\"filter\":{\"region\":\"620502101210\",\"sort\":\"VILLAGE\"},"
                + "\"rows\":4}", export.after(), "audited as the CSV export is");
    }

    @Test
    void readsCodesExcelStoredAsNumbersAndRefusesIdNumbersItRounded() throws Exception {
        String legacy = "620502" + "650301" + "123";  // a 15-digit number, which a spreadsheet number holds exactly
        String rounded = id(true, false);
        var xlsx = workbook(List.of(HEADER,
                row("1", 620502101206L, "国家标准", "一般贫困户", "因病", 2025, 12000, "王五", "男", Long.parseLong(legacy), "户主"),
                row("2", 620502101206L, "国家标准", "一般贫困户", "因病", null, null, "赵六", "男",
                        Double.parseDouble(rounded), "户主"),
                row(3, 620502101206L, "国家标准", "一般贫困户", "因病", null, null, "钱七", "男",
                        Long.parseLong(rounded.substring(0, 15) + "000"), "户主")));

        var report = importXlsx(xlsx, false);

        assertEquals(1, report.stored(), report.rejections().toString());
        assertEquals(2, report.rejected());
        for (var rejection : report.rejections()) {
            assertEquals("身份证号", rejection.column());
            assertTrue(rejection.reason().zh().contains("Excel"), rejection.reason().zh());
        }
        assertEquals(List.of(3L, 4L), report.rejections().stream().map(HouseholdImport.Rejection::line).toList());
        var stored = registry.search(village("620502101206"), COUNTY_ADMIN).items();
        String upgraded = "62050219650301123";
        assertEquals(upgraded + IdNumber.checkCharacter(upgraded), stored.get(0).headIdNumber());
    }

    @Test
    void rejectsWhatTheCsvRejectsWithTheSameLinesColumnsAndReasons() throws Exception {
        String badCheck = id(true, false);
        badCheck = badCheck.substring(0, 17) + (badCheck.charAt(17) == '1' ? '2' : '1');
        List<List<Object>> rows = List.of(HEADER,
                row("A", "620502101202", "国家标准", "一般贫困户", "因病", null, null, "孙一", "男", badCheck, "户主"),
                row("B", "620502101202", "国家标准", "一般贫困户", "懒惰", null, null, "孙二", "男", id(true, false), "户主"),
                row("C", "999999999999", "国家标准", "一般贫困户", "因病", null, null, "孙三", "男", id(true, false), "户主"),
                row("D", "620502101202", "国家标准", "一般贫困户", "因病", null, 100, "孙四", "男", id(true, false), "户主"),
                row("E", "620502101202", "国家标准", "一般贫困户", "因病", null, null, "孙五", "男", id(true, false), "户主"));
        String csv = rows.stream().map(r -> r.stream().map(c -> c == null ? "" : c.toString())
                .collect(Collectors.joining(","))).collect(Collectors.joining("\n"));

        var fromCsv = registry.importer().importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                true, CLERK);
        var fromXlsx = importXlsx(workbook(rows), true);

        assertEquals(4, fromXlsx.rejected(), fromXlsx.rejections().toString());
        assertEquals(fromCsv.rejections(), fromXlsx.rejections());
        assertEquals(List.of(fromCsv.households(), fromCsv.members(), fromCsv.stored()),
                List.of(fromXlsx.households(), fromXlsx.members(), fromXlsx.stored()));
    }

    @Test
    void skipsEmptyRowsAndReportsSheetRowNumbers() throws Exception {
        var xlsx = workbook(List.of(HEADER, row(), row(null, "", null),
                row("1", "620502101209", "国家标准", "一般贫困户", "因病", null, null, "周八", "男", "12345", "户主")));

        var report = importXlsx(xlsx, true);

        assertEquals(1, report.households());
        assertEquals(4, report.rejections().get(0).line());
    }

    @Test
    void refusesAFileThatIsNoWorkbookAndABadHeaderLikeTheCsv() throws Exception {
        var csv = assertThrows(IOException.class,
                () -> importXlsx("户编号,村代码\n".getBytes(StandardCharsets.UTF_8), false));
        assertEquals("not an XLSX workbook (not a zip archive)", csv.getMessage(), "naming no temporary file");

        var bad = assertThrows(HouseholdReader.HeaderException.class,
                () -> importXlsx(workbook(List.of(row("户编号", "村代码", "收入"))), false));
        assertTrue(bad.reason.zh().contains("未知列 [收入]"), bad.reason.zh());
        var empty = assertThrows(HouseholdReader.HeaderException.class, () -> importXlsx(workbook(List.of()), false));
        assertTrue(empty.reason.en().contains("empty"), empty.reason.en());
    }

    @Test
    void needsTheRightToImportBeforeReadingAnything() {
        var auditor = new Actor("auditor", "620502", null, Set.of(Role.AUDITOR));

        assertThrows(org.fupin.registry.api.AccessDeniedException.class, () -> registry.importer().importXlsx(
                new ByteArrayInputStream(new byte[0]), false, auditor));
    }
}
