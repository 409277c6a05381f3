package org.fupin.registry.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The XLSX download: what Excel is given, read back with a reader that does not share the writer's code. */
class XlsxTableWriterTest {
    static final List<XlsxTableWriter.Heading> HEADINGS = List.of(new XlsxTableWriter.Heading("身份证号", false),
            new XlsxTableWriter.Heading("姓名", false), new XlsxTableWriter.Heading("金额（元）", true),
            new XlsxTableWriter.Heading("人数", true));

    static byte[] write(List<List<Object>> rows) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var table = new XlsxTableWriter(out, "表", HEADINGS)) {
            for (List<Object> row : rows) {
                table.row(row);
            }
        }
        return out.toByteArray();
    }

    static List<Row> read(byte[] xlsx) throws IOException {
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx));
                var rows = workbook.getFirstSheet().openStream()) {
            return rows.toList();
        }
    }

    /** The text of one part of the workbook (a zip of XML files, found through its central directory). */
    static String part(byte[] xlsx, String name) throws IOException {
        Path file = Files.createTempFile("table", ".xlsx");
        try (var zip = new ZipFile(Files.write(file, xlsx).toFile())) {
            ZipEntry entry = zip.getEntry(name);
            assertNotNull(entry, name);
            return new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            Files.delete(file);
        }
    }

    /** The number format of a cell: its style's numFmtId, looked up in the workbook's styles. */
    static String formatOf(byte[] xlsx, String cell) throws IOException {
        Matcher style = Pattern.compile("<c r=\"" + cell + "\" s=\"(\\d+)\"").matcher(part(xlsx,
                "xl/worksheets/sheet1.xml"));
        if (!style.find()) {
            return "General";
        }
        String styles = part(xlsx, "xl/styles.xml");
        String xfs = styles.substring(styles.indexOf("<cellXfs"), styles.indexOf("</cellXfs>"));
        Matcher xf = Pattern.compile("<xf numFmtId=\"(\\d+)\"").matcher(xfs);
        for (int i = 0; i <= Integer.parseInt(style.group(1)); i++) {
            assertTrue(xf.find(), xfs);
        }
        Matcher format = Pattern.compile("<numFmt numFmtId=\"" + xf.group(1) + "\" formatCode=\"([^\"]*)\"")
                .matcher(styles);
        return format.find() ? format.group(1) : "builtin " + xf.group(1);
    }

    @Test
    void writesTextAsTextInTheTextFormatAndNumbersAsNumbers() throws IOException {
        byte[] xlsx = write(List.of(Arrays.asList("62050219900101123X", "张三", new BigDecimal("1550.50"), 3),
                Arrays.asList("620502199001011234", "", null, 0)));

        List<Row> rows = read(xlsx);

        assertEquals(List.of("身份证号", "姓名", "金额（元）", "人数"), rows.get(0).stream().map(Cell::getText).toList());
        Cell id = rows.get(2).getCell(0);
        assertEquals(CellType.STRING, id.getType());
        assertEquals("620502199001011234", id.asString());
        assertEquals("@", formatOf(xlsx, "A3"), "text format: Excel keeps what is typed into it as text");
        assertEquals("@", formatOf(xlsx, "B2"));
        assertEquals(CellType.NUMBER, rows.get(1).getCell(2).getType());
        assertEquals(new BigDecimal("1550.50"), rows.get(1).getCell(2).asNumber());
        assertEquals(new BigDecimal("3"), rows.get(1).getCell(3).asNumber());
        assertEquals(CellType.EMPTY, rows.get(2).getOptionalCell(1).map(Cell::getType).orElse(CellType.EMPTY));
        assertEquals(CellType.EMPTY, rows.get(2).getOptionalCell(2).map(Cell::getType).orElse(CellType.EMPTY));
    }

    @Test
    void freezesTheHeaderRowAndSizesColumnsToTheirContent() throws IOException {
        byte[] xlsx = write(List.of(Arrays.asList("62050219900101123X", "欧阳娜娜", 1, 1)));

        String sheet = part(xlsx, "xl/worksheets/sheet1.xml");

        assertTrue(sheet.contains("ySplit=\"1\"") && sheet.contains("state=\"frozen\""), sheet);
        var widths = new ArrayList<Double>();
        Matcher col = Pattern.compile("<col min=\"\\d+\" max=\"\\d+\" width=\"([0-9.]+)\"").matcher(sheet);
        while (col.find()) {
            widths.add(Double.valueOf(col.group(1)));
        }
        assertEquals(4, widths.size(), sheet);
        assertTrue(widths.get(0) >= 18, "an ID number fits: " + widths);
        assertTrue(widths.get(2) >= 10, "a Chinese header counts two per character: " + widths);
        assertTrue(part(xlsx, "xl/sharedStrings.xml").contains("count=\"0\""), "strings are inline, never collected");
    }

    @Test
    void streamsRowsOutInBlocks() throws IOException {
        var out = new ByteArrayOutputStream();
        try (var table = new XlsxTableWriter(out, "表", HEADINGS)) {
            for (int i = 0; i < XlsxTableWriter.BLOCK - 1; i++) {
                table.row(List.of("62050219900101123X", "张三", i, i));
            }
            int held = out.size();
            table.row(List.of("62050219900101123X", "张三", 1, 1));

            assertTrue(out.size() > held, "a full block is written out before the workbook ends");
            assertEquals(XlsxTableWriter.BLOCK, table.rows());
        }
        assertEquals(XlsxTableWriter.BLOCK + 1, read(out.toByteArray()).size());
    }

    @ParameterizedTest
    @CsvSource({"身份证号, 8", "620502199001011234, 18", "金额（元）, 10", "'', 0"})
    void measuresChineseAsTwoCharacters(String text, int width) {
        assertEquals(width, XlsxTableWriter.displayWidth(text));
    }
}
