package org.fupin.demo.internal;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Village codes from a table in the format of the statistics bureau's division codes ({@code villages.csv}, plain
 * or gzipped: {@code code,name,streetCode,provinceCode,cityCode,areaCode}). Registered poor households live in
 * villages: of the codes under a prefix, the 村民委员会 (last three digits 200–399) are kept, and the urban
 * 居民委员会 (001–199) only when the prefix has no village.
 */
final class VillageCodes {
    /** The county whose villages ship with this bundle: 620502 秦州区, 天水市, 甘肃省. */
    static final String BUNDLED_COUNTY = "620502";
    private static final String BUNDLED = "villages-620502.csv";

    private VillageCodes() {
    }

    static List<String> bundled(String prefix) {
        try (InputStream in = VillageCodes.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED + " is missing from the bundle");
            }
            return read(in, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> read(InputStream raw, String prefix) throws IOException {
        InputStream in = new BufferedInputStream(raw);
        in.mark(2);
        boolean gzipped = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        var reader = new BufferedReader(new InputStreamReader(gzipped ? new GZIPInputStream(in) : in,
                StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (header == null || !header.startsWith("code,")) {
            throw new IOException("not a village table: the first column must be 'code', found " + header);
        }
        List<String> villages = new ArrayList<>();
        List<String> communities = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            int comma = line.indexOf(',');
            String code = comma < 0 ? line : line.substring(0, comma);
            if (code.length() == 12 && code.startsWith(prefix)) {
                (code.charAt(9) >= '2' ? villages : communities).add(code);
            }
        }
        return villages.isEmpty() ? communities : villages;
    }
}
