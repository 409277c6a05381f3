package org.fupin.demo.internal;

import org.fupin.registry.csv.HouseholdCsvWriter;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.fupin.registry.model.Household;
import org.fupin.registry.model.HouseholdStatus;
import org.fupin.registry.model.Labelled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HouseholdCsvWriterTest {
    private static final LocalDate TODAY = HouseholdGeneratorTest.TODAY;
    private static final List<String> VILLAGES = HouseholdGeneratorTest.VILLAGES;
    private static final Path SPEC = Path.of("../../docs/import-format.md");

    private static byte[] csv(long seed, int households) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (HouseholdCsvWriter writer = new HouseholdCsvWriter(bytes)) {
            for (Household household : new HouseholdGenerator(seed, TODAY).generate(VILLAGES, households)) {
                writer.write(household);
            }
        }
        return bytes.toByteArray();
    }

    private static List<List<String>> rows(byte[] csv) {
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(csv, 3), "UTF-8 BOM");
        return CsvRows.parse(new String(csv, 3, csv.length - 3, UTF_8));
    }

    /** The headers in the spec's two tables, in order; "不愁吃 / 不愁穿 / …" rows name several columns. */
    private static List<String> specHeaders() throws IOException {
        List<String> headers = new ArrayList<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(SPEC, UTF_8)) {
            if (line.startsWith("## ")) {
                inTable = line.equals("## Household columns") || line.equals("## Member columns");
            } else if (inTable && line.startsWith("| ") && !line.startsWith("| header ")) {
                String cell = line.substring(2, line.indexOf(" |", 1));
                headers.addAll(Arrays.asList(cell.split(" / ")));
            }
        }
        return headers;
    }

    @Test
    void theHeaderRowIsTheSpecs() throws IOException {
        List<String> spec = specHeaders();
        assertEquals(47, spec.size(), spec::toString);
        assertEquals(spec, HouseholdCsvWriter.HEADERS);
        assertEquals(spec, rows(csv(1, 0)).get(0));
    }

    @Test
    void oneRowPerMemberWithTheHouseholdColumnsOnItsFirstRowOnly() throws IOException {
        List<Household> households = new HouseholdGenerator(3, TODAY).generate(VILLAGES, 1_000);
        List<List<String>> rows = rows(csv(3, 1_000));
        long members = households.stream().mapToLong(h -> h.members().size()).sum();
        assertEquals(members, rows.size() - 1, "data rows");
        int columns = HouseholdCsvWriter.HEADERS.size();
        int village = HouseholdCsvWriter.HEADERS.indexOf("村代码");
        int idNumber = HouseholdCsvWriter.HEADERS.indexOf("身份证号");
        int row = 1;
        for (int key = 1; key <= households.size(); key++) {
            Household household = households.get(key - 1);
            for (int member = 0; member < household.members().size(); member++, row++) {
                List<String> fields = rows.get(row);
                assertEquals(columns, fields.size());
                assertEquals(String.valueOf(key), fields.get(0));
                assertEquals(member == 0 ? household.villageCode() : "", fields.get(village));
                assertEquals(household.members().get(member).idNumber(), fields.get(idNumber));
            }
        }
    }

    @Test
    void codeValuesAreWrittenAsChineseLabels() throws IOException {
        List<List<String>> rows = rows(csv(4, 200));
        List<String> headers = rows.get(0);
        Set<String> statuses = labels(HouseholdStatus.values());
        Set<String> yesNo = Set.of("是", "否", "");
        for (List<String> row : rows.subList(1, rows.size())) {
            String status = row.get(headers.indexOf("户状态"));
            assertTrue(status.isEmpty() || statuses.contains(status), status);
            assertTrue(Set.of("男", "女").contains(row.get(headers.indexOf("性别"))));
            assertTrue(Set.of("汉族", "回族").contains(row.get(headers.indexOf("民族"))));
            for (String column : List.of("不愁吃", "是否通电", "享受低保", "参加医保", "参加养老保险")) {
                assertTrue(yesNo.contains(row.get(headers.indexOf(column))), column);
            }
            assertFalse(row.get(headers.indexOf("燃料类型")).contains(","), "lists are joined with ;");
        }
        assertTrue(rows.stream().anyMatch(r -> r.get(headers.indexOf("燃料类型")).contains(";")));
    }

    private static Set<String> labels(Labelled[] values) {
        return Arrays.stream(values).map(v -> v.label().zh()).collect(Collectors.toSet());
    }

    @Test
    void theSameSeedWritesTheSameBytesAndAnotherSeedOthers() throws IOException {
        assertArrayEquals(csv(11, 1_000), csv(11, 1_000));
        assertFalse(Arrays.equals(csv(11, 1_000), csv(12, 1_000)));
    }

    @ParameterizedTest(name = "[{0}] is written as [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "三组              | 三组",
        "三组,东头         | \"三组,东头\"",
        "'say \"三组\"'    | '\"say \"\"三组\"\"\"'",
        "'三组\r\n东头'    | '\"三组\r\n东头\"'",
        "''                | ''"})
    void fieldsAreQuotedAsRfc4180Says(String group, String written) throws IOException {
        Household generated = new HouseholdGenerator(1, TODAY).next(VILLAGES.get(0));
        Household household = new Household(null, null, generated.villageCode(), group, generated.phone(),
                generated.bankName(), generated.bankAccount(), generated.identificationStandard(),
                generated.attribute(), generated.mainCause(), generated.otherCauses(), generated.status(),
                generated.identifiedYear(), generated.members(), generated.incomes(), generated.housing(),
                generated.assurances(), generated.pairings(), null, null, null, null);
        var bytes = new ByteArrayOutputStream();
        try (HouseholdCsvWriter writer = new HouseholdCsvWriter(bytes)) {
            writer.write(household);
        }
        String text = bytes.toString(UTF_8);
        String firstDataRow = text.substring(text.indexOf("\r\n") + 2);
        assertTrue(firstDataRow.startsWith("1," + household.villageCode() + "," + written + ","), firstDataRow);
        assertEquals(group, CsvRows.parse(firstDataRow).get(0).get(2));
    }

    @Test
    void writes100000HouseholdsWithoutHoldingThem() throws IOException {
        var counted = new OutputStream() {
            long bytes;

            @Override
            public void write(int b) {
                bytes++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes += len;
            }
        };
        long started = System.nanoTime();
        long members;
        try (HouseholdCsvWriter writer = new HouseholdCsvWriter(counted)) {
            new HouseholdGenerator(2020, TODAY).generate(VILLAGES, 100_000, household -> {
                try {
                    writer.write(household);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            members = writer.membersWritten();
            assertEquals(100_000, writer.householdsWritten());
        }
        System.out.printf("generated and wrote 100,000 households (%d rows, %.1f MB) in %d ms%n", members,
                counted.bytes / 1e6, (System.nanoTime() - started) / 1_000_000);
    }
}
