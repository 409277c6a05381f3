package org.fupin.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fupin.registry.api.Actor;
import org.fupin.registry.api.ExtensionField;
import org.fupin.registry.api.HouseholdQuery;
import org.fupin.registry.internal.csv.HouseholdReader;
import org.fupin.registry.model.LocalizedText;
import org.fupin.registry.model.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HouseholdImportTest {
    static final Actor CLERK = new Actor("clerk", "620502", null, Set.of(Role.VILLAGE_CLERK));
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    static final String HEADER = "户编号,村代码,村民小组,识别标准,贫困户属性,主要致贫原因,其他致贫原因,户状态,收入年度,工资性收入,"
            + "转移性收入,生产经营支出,姓名,性别,身份证号,与户主关系,民族,在校生状况\n";

    @TempDir
    static Path dir;
    static TestStorage storage;
    static SqlHouseholdRegistry registry;
    static int births = 100;

    @BeforeAll
    static void open() {
        storage = TestStorage.open(dir);
        registry = storage.registry(CLOCK);
        storage.extensions.addProvider(() -> EXTENSIONS);
    }

    @AfterAll
    static void close() {
        storage.close();
    }

    /** A unique valid ID number. */
    static String id(boolean male) {
        births++;
        return Samples.id("620502", LocalDate.of(1950, 1, 1).plusDays(births * 7L), male ? 1 + births % 400 * 2 : births % 400 * 2);
    }

    static String household(String key, String village, String head, String wife) {
        return key + "," + village + ",一组,国家标准,一般贫困户,因病,缺资金;缺技术,已脱贫,2025,8000,1200,300,张三,男," + head
                + ",户主,汉族,非在校生\n" + key + ",,,,,,,,,,,,李四,女," + wife + ",配偶,回族,\n";
    }

    private HouseholdImport.Report run(String csv, Charset charset, boolean bom, boolean dryRun) throws Exception {
        byte[] body = csv.getBytes(charset);
        if (bom) {
            byte[] withBom = new byte[body.length + 3];
            withBom[0] = (byte) 0xEF;
            withBom[1] = (byte) 0xBB;
            withBom[2] = (byte) 0xBF;
            System.arraycopy(body, 0, withBom, 3, body.length);
            body = withBom;
        }
        return registry.importer().importCsv(new ByteArrayInputStream(body), dryRun, CLERK);
    }

    @Test
    void storesValidHouseholdsAndReportsEachRejectedOneWithLineColumnAndReason() throws Exception {
        String shared = id(false);
        String badId = id(true);
        badId = badId.substring(0, 17) + (badId.charAt(17) == '1' ? '2' : '1');
        String csv = HEADER
                + household("A", "620502101206", id(true), id(false))        // lines 2-3: fine
                + household("B", "620502101206", badId, id(false))           // lines 4-5: bad check character
                + household("C", "620502101206", id(true), shared)           // lines 6-7: fine
                + household("D", "620502101206", id(true), shared)           // lines 8-9: wife already in C
                + household("E", "999999999999", id(true), id(false))        // lines 10-11: no such village
                + "F,620502101206,一组,国家标准,一般贫困户,懒惰,,,,,,,王五,男," + id(true) + ",户主,汉族,\n"; // line 12

        var report = run(csv, StandardCharsets.UTF_8, true, false);

        assertEquals("UTF-8", report.charset());
        assertEquals(6, report.households());
        assertEquals(11, report.members());
        assertEquals(2, report.stored());
        assertEquals(4, report.rejected(), report.rejections().toString());
        var byHousehold = new java.util.HashMap<String, HouseholdImport.Rejection>();
        report.rejections().forEach(r -> byHousehold.putIfAbsent(r.household(), r));
        assertEquals(4, byHousehold.get("B").line());
        assertEquals("身份证号", byHousehold.get("B").column());
        assertTrue(byHousehold.get("B").reason().zh().contains("校验位"), byHousehold.get("B").reason().zh());
        assertEquals(8, byHousehold.get("D").line());
        assertTrue(byHousehold.get("D").reason().zh().contains(shared));
        assertEquals("村代码", byHousehold.get("E").column());
        assertEquals(12, byHousehold.get("F").line());
        assertEquals("主要致贫原因", byHousehold.get("F").column());
        assertTrue(byHousehold.get("F").reason().zh().contains("懒惰"));
    }

    @Test
    void importingTheSameFileAgainStoresNothingTwice() throws Exception {
        String csv = HEADER + household("1", "620502101202", id(true), id(false))
                + household("2", "620502101202", id(true), id(false));

        var first = run(csv, StandardCharsets.UTF_8, false, false);
        var second = run(csv, StandardCharsets.UTF_8, false, false);

        assertEquals(2, first.stored());
        assertEquals(0, second.stored());
        assertEquals(2, second.unchanged());
        assertEquals(0, second.rejected());
        assertEquals(2, registry.search(new HouseholdQuery("620502101202", null, null, null, null, 0, 10, null), CLERK)
                .total());
    }

    @Test
    void readsGbkAsExcelOnChineseWindowsSavesIt() throws Exception {
        String csv = HEADER + household("G", "620502101209", id(true), id(false));

        var report = run(csv, Charset.forName("GBK"), false, false);

        assertEquals("GBK", report.charset());
        assertEquals(1, report.stored(), report.rejections().toString());
        var stored = registry.search(new HouseholdQuery("620502101209", null, null, null, null, 0, 10, null), CLERK);
        assertEquals("张三", stored.items().get(0).headName());
    }

    @Test
    void aDryRunValidatesAndCountsButStoresNothing() throws Exception {
        String csv = HEADER + household("X", "620502101204", id(true), id(false));

        var report = run(csv, StandardCharsets.UTF_8, false, true);

        assertTrue(report.dryRun());
        assertEquals(1, report.stored());
        assertEquals(0, registry.search(new HouseholdQuery("620502101204", null, null, null, null, 0, 10, null), CLERK)
                .total());
    }

    @Test
    void aFileThatBreaksPartWayKeepsWhatCameBeforeAndSaysWhere() throws Exception {
        String csv = HEADER + household("P0", "620502101206", id(true), id(false))
                + household("P1", "620502101206", id(true), id(false))
                + "P2,620502101206,一组,国家标准,一般贫困户,因病,,,,,,,\"unterminated,男," + id(true) + ",户主,汉族,\n"
                + household("P3", "620502101206", id(true), id(false));

        var report = run(csv, StandardCharsets.UTF_8, false, false);

        assertEquals(false, report.complete());
        assertEquals(1, report.stored(), report.rejections().toString());
        // P1's rows end where the file breaks: they may be incomplete, so P1 is refused, not stored in part
        assertEquals(1, report.rejected());
        assertEquals("P1", report.rejections().get(0).household());
        var last = report.rejections().get(report.rejections().size() - 1);
        assertEquals(6, last.line());
        assertTrue(last.reason().en().startsWith("the file cannot be read from line 6 on"), last.reason().en());
        assertTrue(last.reason().zh().contains("第 6 行"), last.reason().zh());
    }

    @Test
    void aBadHeaderRefusesTheWholeFile() {
        var bad = assertThrows(HouseholdReader.HeaderException.class,
                () -> run("户编号,村代码,姓名,性别,身份证号,与户主关系,收入\n", StandardCharsets.UTF_8, false, false));

        assertTrue(bad.reason.zh().contains("未知列 [收入]"), bad.reason.zh());
        assertTrue(bad.reason.zh().contains("识别标准"), bad.reason.zh());
    }

    /** 已签约家庭医生 a village clerk may set; 危房等级 only a county or a program officer. */
    static final List<ExtensionField> EXTENSIONS = List.of(
            new ExtensionField("health.familyDoctor", ExtensionField.Type.BOOLEAN,
                    new LocalizedText("已签约家庭医生", "family doctor"), "health-bureau", null, null, List.of(),
                    Set.of(Role.VILLAGE_CLERK, Role.PROGRAM_OFFICER)),
            new ExtensionField("housing.dangerGrade", ExtensionField.Type.CODE,
                    new LocalizedText("危房等级", "danger grade"), "zhujian", null, null, List.of("A", "B", "C", "D"),
                    Set.of(Role.COUNTY_ADMIN, Role.PROGRAM_OFFICER)));

    /** The household's two rows with {@code cells} added to its first row and blanks to its second. */
    static String withExtensionCells(String rows, String cells) {
        String[] lines = rows.split("\n");
        return lines[0] + "," + cells + "\n" + lines[1] + ",\n";
    }

    @Test
    void extensionColumnsImportAsTheImporterMaySetThemAndExportBack() throws Exception {
        String header = HEADER.strip() + ",已签约家庭医生[health.familyDoctor],[housing.dangerGrade]\n";
        String csv = header
                + withExtensionCells(household("E1", "620502101212", id(true), id(false)), "是,")    // lines 2-3
                + withExtensionCells(household("E2", "620502101212", id(true), id(false)), "否,D")   // 4-5: a county's
                + withExtensionCells(household("E3", "620502101212", id(true), id(false)), "也许,"); // 6-7: unreadable

        var report = run(csv, StandardCharsets.UTF_8, false, false);

        assertEquals(1, report.stored(), report.rejections().toString());
        assertEquals(List.of(4L, 6L), report.rejections().stream().map(r -> r.line()).toList());
        assertTrue(report.rejections().get(0).reason().zh().contains("危房等级"), report.rejections().toString());
        assertEquals("已签约家庭医生[health.familyDoctor]", report.rejections().get(1).column());
        var countyAdmin = new Actor("admin", "620502", null, Set.of(Role.COUNTY_ADMIN));
        var stored = registry.search(new HouseholdQuery("620502101212", null, null, null, null, 0, 10, null,
                Map.of("health.familyDoctor", "true")), countyAdmin).items();
        assertEquals(1, stored.size());

        var exported = new java.io.ByteArrayOutputStream();
        registry.exportCsv(new HouseholdQuery("620502101212", null, null, null, null, 0, 1, null), countyAdmin,
                exported);
        var lines = new String(exported.toByteArray(), StandardCharsets.UTF_8).split("\r\n");
        assertTrue(lines[0].endsWith(",已签约家庭医生[health.familyDoctor],危房等级[housing.dangerGrade]"), lines[0]);
        assertTrue(lines[1].endsWith(",是,"), lines[1]);
        var again = registry.importer().importCsv(new ByteArrayInputStream(exported.toByteArray()), false, CLERK);
        assertEquals(1, again.unchanged(), again.rejections().toString());

        var unknown = assertThrows(HouseholdReader.HeaderException.class, () -> run(
                HEADER.strip() + ",房屋类型[housing.roofType]\n", StandardCharsets.UTF_8, false, false));
        assertTrue(unknown.reason.zh().contains("未知列 [房屋类型[housing.roofType]]"), unknown.reason.zh());
    }

    @Test
    void anExportImportsBackAsUnchanged() throws Exception {
        String csv = HEADER + household("R1", "620502101210", id(true), id(false))
                + household("R2", "620502101210", id(true), id(false));
        run(csv, StandardCharsets.UTF_8, false, false);
        var exported = new java.io.ByteArrayOutputStream();

        // full ID numbers only in a county or province administrator's export
        var countyAdmin = new Actor("admin", "620502", null, Set.of(Role.COUNTY_ADMIN));
        long rows = registry.exportCsv(new HouseholdQuery("620502101210", null, null, null, null, 0, 1, null),
                countyAdmin, exported);
        var again = registry.importer().importCsv(new ByteArrayInputStream(exported.toByteArray()), false, CLERK);

        assertEquals(2, rows);
        assertEquals(0xEF, exported.toByteArray()[0] & 0xFF, "UTF-8 BOM for Excel");
        assertEquals(2, again.unchanged(), again.rejections().toString());
        assertEquals(0, again.stored());
        var export = storage.store.audit().search(
                new org.fupin.database.api.AuditQuery("", "export", "households", null, null, null, 0, 1)).items().get(0);
        assertEquals("admin", export.actor());
        assertEquals("{\"scope\":\"620502\",\"filter\":{\"region\":\"620502101210\",\"sort\":\"VILLAGE\"},"
                + "\"rows\":4}", export.after());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            =HYPERLINK("http://x") | '=HYPERLINK("http://x")
            +86 139                | '+86 139
            -1                     | '-1
            @SUM(A1)               | '@SUM(A1)
            张三                   | 张三
            """)
    void neutralisesFormulaCells(String cell, String written) {
        assertEquals(written, org.fupin.registry.csv.HouseholdCsvWriter.safe(cell));
    }
}
