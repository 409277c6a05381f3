package org.fupin.demo.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GenerateCsvTest {
    @TempDir
    Path folder;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private int run(String... args) {
        return GenerateCsv.run(args, stdout, new PrintStream(stderr, true, UTF_8));
    }

    private static List<List<String>> rows(byte[] csv) {
        return CsvRows.parse(new String(csv, 3, csv.length - 3, UTF_8));
    }

    private static List<String> villageCodes(List<List<String>> rows) {
        return rows.subList(1, rows.size()).stream().map(r -> r.get(1)).filter(c -> !c.isEmpty()).toList();
    }

    @Test
    void writesTheBundledCountyByDefault() throws IOException {
        Path out = folder.resolve("households.csv");
        assertEquals(0, run("--households", "300", "--seed", "7", "--out", out.toString(), "--today", "2026-06-30"),
                stderr::toString);
        List<String> villages = villageCodes(rows(Files.readAllBytes(out)));
        assertEquals(300, villages.size());
        villages.forEach(code -> assertTrue(code.startsWith("620502") && code.charAt(9) >= '2', code));
        assertTrue(stderr.toString(UTF_8).startsWith("wrote 300 households"), stderr::toString);
    }

    @Test
    void readsAVillageTableAndKeepsTheVillagesUnderThePrefix() throws IOException {
        Path regions = folder.resolve("villages.csv.gz");
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(regions))) {
            gz.write(("code,name,streetCode,provinceCode,cityCode,areaCode\n"
                    + "620502001001,\"进步巷社区居委会\",620502001,62,6205,620502\n"
                    + "620502101202,\"北崖村民委员会\",620502101,62,6205,620502\n"
                    + "620503100201,\"甲村民委员会\",620503100,62,6205,620503\n"
                    + "620621100201,\"乙村民委员会\",620621100,62,6206,620621\n"
                    + "110101001001,\"多福巷社区居委会\",110101001,11,1101,110101\n").getBytes(UTF_8));
        }
        assertEquals(0, run("--households", "50", "--out", "-", "--regions", regions.toString(), "--county", "6205",
                "--today", "2026-06-30"), stderr::toString);
        assertEquals(List.of("620502101202", "620503100201"),
                villageCodes(rows(stdout.toByteArray())).stream().distinct().sorted().toList());

        stdout.reset();
        assertEquals(0, run("--households", "5", "--out", "-", "--regions", regions.toString(), "--county", "11"));
        assertEquals(List.of("110101001001"), villageCodes(rows(stdout.toByteArray())).stream().distinct().toList(),
                "a prefix without villages falls back to its communities");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "--out x.csv                          | 2",
        "--households many --out x.csv        | 2",
        "--households 5 --out x.csv --colour red | 2",
        "--households 5 --out x.csv --today 2026-13-01 | 2",
        "--households 5 --out - --county 62   | 1",
        "--households 5 --out - --county 9999 | 1"})
    void refusesWhatItCannotDo(String arguments, int status) {
        assertEquals(status, run(arguments.trim().split(" +")), stderr::toString);
    }
}
