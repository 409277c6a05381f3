package org.fupin.registry.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

/**
 * Loads the shipped division table (five gzipped CSV files, NBS 2023) into the {@code region} table. Column
 * layout per file: code, name, then the parent codes; the parent is the code one level up.
 */
final class RegionLoader {
    static final String DATASET = "NBS-2023";

    /** Files in loading order, with the column holding each row's parent code (-1: none). */
    private static final String[] FILES = {"provinces", "cities", "areas", "streets", "villages"};
    private static final int[] PARENT_COLUMN = {-1, 2, 2, 2, 2};

    private final Function<String, InputStream> resources;

    /** @param resources opens a shipped file by name, e.g. {@code regions/villages.csv.gz} */
    RegionLoader(Function<String, InputStream> resources) {
        this.resources = resources;
    }

    /** Inserts the regions of levels {@code from}..{@code to} (1 province … 5 village); returns the row count. */
    int load(Connection connection, int from, int to) throws SQLException {
        int rows = 0;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO region (code, name, level, parent) VALUES (?, ?, ?, ?)")) {
            for (int level = from - 1; level < to; level++) {
                rows += loadFile(insert, FILES[level], level + 1, PARENT_COLUMN[level]);
            }
        }
        return rows;
    }

    private int loadFile(PreparedStatement insert, String file, int level, int parentColumn) throws SQLException {
        String name = "regions/" + file + ".csv.gz";
        int rows = 0;
        try (InputStream raw = resources.apply(name);
                var reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw, 1 << 16),
                        StandardCharsets.UTF_8))) {
            reader.readLine(); // header
            String line;
            while ((line = reader.readLine()) != null) {
                String[] columns = parse(line);
                insert.setString(1, columns[0]);
                insert.setString(2, columns[1]);
                insert.setInt(3, level);
                insert.setString(4, parentColumn < 0 ? null : columns[parentColumn]);
                insert.addBatch();
                if (++rows % 10_000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
        return rows;
    }

    /** The files quote names only, and names contain no quotes or commas; codes are plain digits. */
    static String[] parse(String line) {
        var columns = new java.util.ArrayList<String>(6);
        int i = 0;
        while (i <= line.length()) {
            if (i < line.length() && line.charAt(i) == '"') {
                int end = line.indexOf('"', i + 1);
                columns.add(line.substring(i + 1, end));
                i = end + 2;
            } else {
                int end = line.indexOf(',', i);
                if (end < 0) {
                    end = line.length();
                }
                columns.add(line.substring(i, end));
                i = end + 1;
            }
        }
        return columns.toArray(String[]::new);
    }
}
