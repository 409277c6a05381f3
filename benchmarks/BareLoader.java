import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The baseline for the import benchmark: the same CSV rows into the same SQLite schema (registry and audit
 * tables, same indexes and triggers, a JSON document per household stored once, in its audit record, which the
 * household row names; same pragmas), with plain JDBC batches
 * (addBatch/executeBatch, no generated keys, documents bound as UTF-8 bytes — what the platform's writer does)
 * committed every 5,000 households — and none of the platform's work: no validation, no duplicate check, no
 * audit of real records, no HTTP, one thread.
 *
 *   java -cp <sqlite-jdbc, commons-csv, commons-io, commons-codec, jackson jars> benchmarks/BareLoader.java \
 *        households.csv target/bare.db platform/database/src/main/resources/db/platform/V1__audit.sql \
 *        platform/registry/src/main/resources/db/registry/V*.sql
 */
public class BareLoader {
    public static void main(String[] args) throws Exception {
        Path csv = Path.of(args[0]);
        Path db = Path.of(args[1]);
        Files.deleteIfExists(db);
        var config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setCacheSize(-8192);
        config.setGetGeneratedKeys(false);
        var source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + db);
        var json = new ObjectMapper();
        try (Connection c = source.getConnection()) {
            for (int i = 2; i < args.length; i++) {
                // statements end with ";" at a line's end; a trigger's body holds several, up to its END
                String pending = "";
                for (String piece : Files.readString(Path.of(args[i])).replaceAll("(?m)^--.*$", "").split(";\\s*\\n")) {
                    pending = pending.isEmpty() ? piece.strip() : pending + ";\n" + piece.strip();
                    if (pending.startsWith("CREATE TRIGGER") && !pending.endsWith("END")) {
                        continue;
                    }
                    if (!pending.isEmpty()) {
                        c.createStatement().execute(pending.endsWith("END") ? pending + ";" : pending);
                    }
                    pending = "";
                }
            }
            c.setAutoCommit(false);
            var household = c.prepareStatement("INSERT INTO household (id, version, village_code, status, attribute, "
                    + "main_cause, head_name, head_id_number, member_count, document_id, created_at, updated_at) "
                    + "VALUES (?,1,?,?,?,?,?,?,?,?,?,?)");
            var member = c.prepareStatement("INSERT INTO member (id, household_id, id_number, name) VALUES (?,?,?,?)");
            var cause = c.prepareStatement("INSERT INTO household_cause (household_id, cause, main) VALUES (?,?,1)");
            var status = c.prepareStatement("INSERT INTO status_change (household_id, to_status, date, reason, actor, "
                    + "recorded_at) VALUES (?,?,?,?,?,?)");
            var audit = c.prepareStatement("INSERT INTO audit (id, at, actor, entity, entity_id, action, after) "
                    + "VALUES (?,?,?,?,?,?,CAST(? AS TEXT))");
            var batches = List.of(audit, household, member, cause, status);
            long started = System.nanoTime();
            long households = 0;
            long memberId = 0;
            String now = Instant.now().toString();
            try (var reader = new BufferedReader(new InputStreamReader(org.apache.commons.io.input.BOMInputStream.builder().setInputStream(Files.newInputStream(csv)).get(), StandardCharsets.UTF_8));
                    var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                String key = null;
                List<CSVRecord> rows = new ArrayList<>();
                for (CSVRecord row : parser) {
                    String k = row.get("户编号");
                    if (key != null && !k.equals(key)) {
                        memberId = store(rows, ++households, memberId, household, member, cause, status, audit, json, now);
                        rows.clear();
                        if (households % 5000 == 0) {
                            for (var batch : batches) {
                                batch.executeBatch();
                            }
                            c.commit();
                        }
                    }
                    key = k;
                    rows.add(row);
                }
                if (!rows.isEmpty()) {
                    store(rows, ++households, memberId, household, member, cause, status, audit, json, now);
                }
            }
            for (var batch : batches) {
                batch.executeBatch();
            }
            c.commit();
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("bare JDBC loader: %d households in %.1f s = %.0f households/s%n", households, seconds,
                    households / seconds);
        }
    }

    static long store(List<CSVRecord> rows, long id, long memberId, PreparedStatement household,
            PreparedStatement member, PreparedStatement cause, PreparedStatement status, PreparedStatement audit,
            ObjectMapper json, String now) throws Exception {
        CSVRecord head = rows.get(0);
        Map<String, Object> doc = new LinkedHashMap<>();
        head.toMap().forEach((k, v) -> doc.put(k, v));
        var members = new ArrayList<Map<String, String>>();
        for (CSVRecord row : rows) {
            members.add(row.toMap());
        }
        doc.put("members", members);
        byte[] text = json.writeValueAsBytes(doc);
        household.setLong(1, id);
        household.setString(2, head.get("村代码"));
        household.setString(3, "EXITED");
        household.setString(4, head.get("贫困户属性"));
        household.setString(5, head.get("主要致贫原因"));
        household.setString(6, head.get("姓名"));
        household.setString(7, head.get("身份证号"));
        household.setInt(8, rows.size());
        household.setLong(9, id); // the audit record's id: one record per household, numbered alike
        household.setString(10, now);
        household.setString(11, now);
        household.addBatch();
        for (CSVRecord row : rows) {
            member.setLong(1, ++memberId);
            member.setLong(2, id);
            member.setString(3, row.get("身份证号"));
            member.setString(4, row.get("姓名"));
            member.addBatch();
        }
        cause.setLong(1, id);
        cause.setString(2, head.get("主要致贫原因"));
        cause.addBatch();
        status.setLong(1, id);
        status.setString(2, "EXITED");
        status.setString(3, now.substring(0, 10));
        status.setString(4, "imported");
        status.setString(5, "bench");
        status.setString(6, now);
        status.addBatch();
        audit.setLong(1, id);
        audit.setString(2, now);
        audit.setString(3, "bench");
        audit.setString(4, "household");
        audit.setString(5, String.valueOf(id));
        audit.setString(6, "create");
        audit.setBytes(7, text);
        audit.addBatch();
        return memberId;
    }
}
