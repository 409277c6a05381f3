package org.fupin.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * XLSX over real HTTP: a village's households exported as a workbook whose ID numbers are text cells, imported
 * back unchanged; a workbook in which Excel rounded an ID number, refused on that row; a program report as a
 * workbook. The workbooks are read here with nothing but the JDK, independently of the platform's library.
 */
@Timeout(120)
class XlsxIT {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** A village no other test uses. */
    static final String VILLAGE = "620502101209";
    static final HttpClient CLIENT = HttpClient.newHttpClient();
    static Api api;
    static BundleContext context;
    static boolean installedYulu;

    @BeforeAll
    static void start(@InjectBundleContext BundleContext bundleContext) throws InterruptedException {
        context = bundleContext;
        api = Api.admin(context);
        api.await("/api/v1/regions/" + VILLAGE, r -> r.status() == 200, Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        if (installedYulu) {
            api.send("DELETE", "/api/v1/admin/plugins/yulu", null);
        }
    }

    /** A valid ID number born on the day, with the first sequence from {@code from} whose check character is X. */
    static String idEndingInX(LocalDate born, int from) {
        for (int sequence = from; ; sequence += 2) {
            String id = RegistryApiIT.id(born, sequence);
            if (id.endsWith("X")) {
                return id;
            }
        }
    }

    static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(api.base().resolve(path)).header("Authorization", "Bearer " + api.token());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The result of the import job that the workbook's upload starts, once it succeeded. */
    static JsonNode importXlsx(byte[] workbook, String query) throws Exception {
        var job = api.awaitJob(api.upload("/api/v1/imports/households" + query, workbook, XLSX));
        assertEquals("SUCCEEDED", job.json().path("state").asText(), job.body());
        return job.json().path("result");
    }

    @Test
    void exportsHouseholdsAsAWorkbookWithIdNumbersAsTextAndImportsItBack() throws Exception {
        String withX = idEndingInX(LocalDate.of(1961, 3, 5), 1);
        var created = api.send("POST", "/api/v1/households", RegistryApiIT.household(VILLAGE).replaceFirst(
                "\"idNumber\":\"\\d{17}[0-9X]\"", "\"idNumber\":\"" + withX + "\""));
        assertEquals(201, created.status(), created.body());
        assertEquals(201, api.send("POST", "/api/v1/households", RegistryApiIT.household(VILLAGE)).status());

        var export = get("/api/v1/households?region=" + VILLAGE + "&format=xlsx");

        assertEquals(200, export.statusCode());
        assertEquals(XLSX, export.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(export.headers().firstValue("Content-Disposition").orElse("").matches(
                "attachment; filename=\"households\\.xlsx\".*"), export.headers().toString());
        var sheet = cells(export.body());
        List<String> header = sheet.get(1).values().stream().map(Cell::text).toList();
        assertEquals(List.of("户编号", "村代码", "村民小组"), header.subList(0, 3));
        assertEquals(47, header.size(), header.toString());
        String idColumn = columnOf(sheet.get(1), "身份证号");
        var ids = new ArrayList<Cell>();
        sheet.forEach((row, cells) -> {
            if (row > 1) {
                ids.add(cells.get(idColumn));
            }
        });
        assertEquals(4, ids.size(), ids.toString());
        assertTrue(ids.stream().allMatch(c -> c.type().equals("inlineStr") && c.text().length() == 18), ids.toString());
        assertTrue(ids.stream().anyMatch(c -> c.text().equals(withX)), withX + " in " + ids);
        assertEquals("inlineStr", sheet.get(2).get(columnOf(sheet.get(1), "村代码")).type(), "codes are text too");
        assertEquals("n", sheet.get(2).get(columnOf(sheet.get(1), "工资性收入")).type(), "amounts are numbers");

        var asked = get("/api/v1/households?region=" + VILLAGE, "Accept", XLSX);
        assertEquals(XLSX, asked.headers().firstValue("Content-Type").orElse("").split(";")[0]);

        JsonNode again = importXlsx(export.body(), "");
        assertEquals(2, again.path("households").asInt(), again.toString());
        assertEquals(2, again.path("unchanged").asInt(), again.toString());
        assertEquals(0, again.path("stored").asInt());
        assertTrue(again.path("charset").isNull(), again.toString());
    }

    @Test
    void refusesTheRowOfAnIdNumberExcelRounded() throws Exception {
        String kept = RegistryApiIT.id(LocalDate.of(1962, 4, 6), 11);
        String rounded = RegistryApiIT.id(LocalDate.of(1962, 4, 7), 13);
        byte[] workbook = workbook(List.of(
                List.of("户编号", "村代码", "识别标准", "贫困户属性", "主要致贫原因", "姓名", "性别", "身份证号", "与户主关系"),
                List.of("1", VILLAGE, "国家标准", "一般贫困户", "因病", "马国强", "男", kept, "户主"),
                // typed into a General cell, an ID number becomes a number with 15 significant digits
                List.of("2", VILLAGE, "国家标准", "一般贫困户", "因病", "杨国华", "男",
                        Double.parseDouble(rounded), "户主")));

        JsonNode report = importXlsx(workbook, "?dryRun=true");

        assertEquals(1, report.path("stored").asInt(), report.toString());
        assertEquals(1, report.path("rejected").asInt());
        JsonNode rejection = report.path("rejections").get(0);
        assertEquals(3, rejection.path("line").asInt());
        assertEquals("身份证号", rejection.path("column").asText());
        assertTrue(rejection.path("reason").asText().contains("Excel"), rejection.toString());
    }

    @Test
    void aProgramReportComesAsAWorkbook() throws Exception {
        if (api.get("/api/v1/programs/yulu").status() == 404) {
            Path plugins = Path.of(context.getProperty("fupin.itest.plugins"));
            Files.createDirectories(Path.of(context.getProperty("fupin.deploy.dir")));
            var installed = api.upload("/api/v1/admin/plugins",
                    Files.readAllBytes(plugins.resolve("org.fupin.yulu.jar")), "application/java-archive");
            assertEquals(201, installed.status(), installed.body());
            installedYulu = true;
        }
        api.await("/api/v1/programs/yulu", r -> r.status() == 200, Duration.ofSeconds(10));

        var report = get("/api/v1/programs/yulu/reports/students-by-region?region=620502&format=xlsx",
                "Accept-Language", "zh-CN");

        assertEquals(200, report.statusCode(), new String(report.body(), StandardCharsets.UTF_8));
        assertEquals(XLSX, report.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals("attachment; filename=\"yulu-students-by-region.xlsx\"",
                report.headers().firstValue("Content-Disposition").orElse(""));
        var sheet = cells(report.body());
        assertEquals(List.of("区划代码", "地区", "受助学生数", "补助金额（元）"),
                sheet.get(1).values().stream().map(Cell::text).toList());
        var total = sheet.lastEntry().getValue();
        assertEquals("合计", total.get("A").text());
        assertEquals("n", total.get("D").type(), "amounts are numbers");
        sheet.forEach((row, cells) -> assertEquals("inlineStr", cells.get("A").type(), "region codes are text"));
        assertEquals(200, get("/api/v1/programs/yulu/reports/students-by-region?region=620502", "Accept", XLSX)
                .statusCode());
    }

    // --- reading and writing workbooks with the JDK alone --------------------------------------------------

    /** A cell of a worksheet: its type ({@code inlineStr}, {@code s}, {@code n} …) and its text. */
    record Cell(String type, String text) {
    }

    private static final Pattern CELL = Pattern.compile(
            "<c r=\"([A-Z]+)(\\d+)\"([^>]*?)(?:/>|>(.*?)</c>)", Pattern.DOTALL);

    /** The first worksheet's cells with a value, by row number and column letters, in order. */
    static TreeMap<Integer, Map<String, Cell>> cells(byte[] xlsx) throws IOException {
        Path file = Files.createTempFile("xlsx-it", ".xlsx");
        try (var zip = new ZipFile(Files.write(file, xlsx).toFile())) {
            ZipEntry entry = zip.getEntry("xl/worksheets/sheet1.xml");
            String xml = new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
            var rows = new TreeMap<Integer, Map<String, Cell>>();
            Matcher cell = CELL.matcher(xml);
            while (cell.find()) {
                if (cell.group(4) == null) {
                    continue; // formatted but empty
                }
                Matcher type = Pattern.compile("t=\"(\\w+)\"").matcher(cell.group(3));
                String text = unescape(cell.group(4).replaceAll("<[^>]+>", ""));
                rows.computeIfAbsent(Integer.valueOf(cell.group(2)), r -> new TreeMap<>(XlsxIT::byColumn))
                        .put(cell.group(1), new Cell(type.find() ? type.group(1) : "n", text));
            }
            return rows;
        } finally {
            Files.delete(file);
        }
    }

    /** XML text: character references (the platform writes Chinese as {@code &#x533a;}) and the five entities. */
    static String unescape(String xml) {
        Matcher reference = Pattern.compile("&#(x?)([0-9a-fA-F]+);").matcher(xml);
        var text = new StringBuilder();
        while (reference.find()) {
            int code = Integer.parseInt(reference.group(2), reference.group(1).isEmpty() ? 10 : 16);
            reference.appendReplacement(text, Matcher.quoteReplacement(Character.toString(code)));
        }
        reference.appendTail(text);
        return text.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&apos;", "'").replace("&amp;", "&");
    }

    static int byColumn(String a, String b) {
        return a.length() != b.length() ? a.length() - b.length() : a.compareTo(b);
    }

    static String columnOf(Map<String, Cell> header, String text) {
        return header.entrySet().stream().filter(e -> e.getValue().text().equals(text)).findFirst().orElseThrow()
                .getKey();
    }

    /** A minimal workbook as a spreadsheet program writes one: strings inline, numbers as numbers. */
    static byte[] workbook(List<List<Object>> rows) throws IOException {
        var sheet = new StringBuilder("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<sheetData>");
        for (int r = 0; r < rows.size(); r++) {
            sheet.append("<row r=\"").append(r + 1).append("\">");
            for (int c = 0; c < rows.get(r).size(); c++) {
                Object value = rows.get(r).get(c);
                String ref = (char) ('A' + c) + String.valueOf(r + 1);
                sheet.append(value instanceof Number ? "<c r=\"" + ref + "\"><v>" + value + "</v></c>"
                        : "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + value + "</t></is></c>");
            }
            sheet.append("</row>");
        }
        sheet.append("</sheetData></worksheet>");
        String relationships = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
        String officeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        var parts = Map.of(
                "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package"
                        + ".relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-"
                        + "officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/"
                        + "sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml"
                        + ".worksheet+xml\"/></Types>",
                "_rels/.rels", relationships + "<Relationship Id=\"rId1\" Type=\"" + officeDocument
                        + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
                "xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                        + "xmlns:r=\"" + officeDocument + "\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" "
                        + "r:id=\"rId1\"/></sheets></workbook>",
                "xl/_rels/workbook.xml.rels", relationships + "<Relationship Id=\"rId1\" Type=\"" + officeDocument
                        + "/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>",
                "xl/worksheets/sheet1.xml", sheet.toString());
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            for (var part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + part.getValue())
                        .getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
