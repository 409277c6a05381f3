package org.fupin.database.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.fupin.database.api.AuditEntry;
import org.fupin.database.api.AuditLog;
import org.fupin.database.api.AuditPage;
import org.fupin.database.api.AuditQuery;
import org.fupin.database.api.Database;
import org.fupin.database.api.DatabaseException;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = AuditLog.class)
public class SqlAuditLog implements AuditLog {
    private static final String COLUMNS = "id, at, actor, entity, entity_id, action, before, after, region";
    private final Database database;
    private final Clock clock;
    private Connection preparedOn;
    private PreparedStatement preparedInsert;

    @Activate
    public SqlAuditLog(@Reference Database database, BundleContext context) {
        this(database, Clock.systemUTC());
        database.migrate("platform", context.getBundle(), "db/platform");
    }

    public SqlAuditLog(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Appends on the caller's connection. The insert is prepared once per connection and kept: every write goes
     * through the one writer connection, and preparing anew for each of an import's thousands of records cost
     * about a tenth of the writer's time.
     */
    @Override
    public synchronized void append(Connection connection, String actor, String entity, String entityId,
            String region, String action, String beforeJson, String afterJson) {
        try {
            PreparedStatement insert = insertOn(connection);
            insert.setNull(1, Types.INTEGER);
            bind(insert, clock.instant().toString(), actor, entity, action,
                    new Change(entityId, region, utf8(beforeJson), utf8(afterJson)));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new DatabaseException("audit append failed: " + e.getMessage(), e);
        }
    }

    /**
     * Ids are chosen here, after the largest one, rather than read back after each insert: the caller's write
     * transaction holds the database's write lock, so no other record can take them in between.
     */
    @Override
    public synchronized long[] appendAll(Connection connection, String actor, String entity, String action,
            List<Change> changes) {
        long[] ids = new long[changes.size()];
        if (changes.isEmpty()) {
            return ids;
        }
        try {
            PreparedStatement insert = insertOn(connection);
            String at = clock.instant().toString();
            long next = largestId(connection) + 1;
            for (int i = 0; i < ids.length; i++) {
                ids[i] = next++;
                insert.setLong(1, ids[i]);
                bind(insert, at, actor, entity, action, changes.get(i));
                insert.addBatch();
            }
            insert.executeBatch();
            return ids;
        } catch (SQLException e) {
            throw new DatabaseException("audit append failed: " + e.getMessage(), e);
        }
    }

    private static long largestId(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT coalesce(max(id), 0) FROM audit")) {
            return rs.getLong(1);
        }
    }

    /**
     * Documents are bound as UTF-8 bytes and cast back to TEXT in SQL ({@link #insertOn}), so a document arriving
     * as bytes is never turned into a string and back. Parameter 1, the id, is bound by the caller.
     */
    private static void bind(PreparedStatement insert, String at, String actor, String entity, String action,
            Change change) throws SQLException {
        insert.setString(2, at);
        insert.setString(3, actor);
        insert.setString(4, entity);
        insert.setString(5, change.entityId());
        insert.setString(6, action);
        insert.setBytes(7, change.beforeJson());
        insert.setBytes(8, change.afterJson());
        insert.setString(9, change.region());
    }

    private static byte[] utf8(String json) {
        return json == null ? null : json.getBytes(StandardCharsets.UTF_8);
    }

    private PreparedStatement insertOn(Connection connection) throws SQLException {
        if (connection != preparedOn || preparedInsert == null || preparedInsert.isClosed()) {
            if (preparedInsert != null && !preparedInsert.isClosed()) {
                preparedInsert.close();
            }
            preparedInsert = connection.prepareStatement(
                    "INSERT INTO audit (id, at, actor, entity, entity_id, action, before, after, region) "
                    + "VALUES (?,?,?,?,?,?,CAST(? AS TEXT),CAST(? AS TEXT),?)");
            preparedOn = connection;
        }
        return preparedInsert;
    }

    @Override
    public List<AuditEntry> entries(String entity, String entityId, int limit) {
        return database.read(c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM audit WHERE entity = ? AND entity_id = ? ORDER BY id LIMIT ?")) {
                query.setString(1, entity);
                query.setString(2, entityId);
                query.setInt(3, limit);
                return entries(query);
            }
        });
    }

    @Override
    public void appendExport(String actor, String scope, String what, String filterJson, long rows) {
        // a region-code prefix needs no JSON escaping; anything else is a caller's bug
        if (!scope.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("not a region-code prefix: " + scope);
        }
        String after = "{\"scope\":\"" + scope + "\",\"filter\":" + filterJson + ",\"rows\":" + rows + "}";
        database.write(c -> {
            append(c, actor, EXPORT, what, scope, EXPORT, null, after);
            return null;
        });
    }

    /**
     * Region codes are digits, so the records within a prefix are the index range [prefix, prefix + ":"): ':' sorts
     * right after '9'. Times compare as instants, not as text: Instant's text drops trailing zeros of the fraction.
     */
    @Override
    public AuditPage search(AuditQuery query) {
        String where = " FROM audit WHERE region >= ? AND region < ?"
                + " AND (?3 IS NULL OR entity = ?3) AND (?4 IS NULL OR entity_id = ?4) AND (?5 IS NULL OR actor = ?5)"
                + " AND (?6 IS NULL OR julianday(at) >= julianday(?6)) AND (?7 IS NULL OR julianday(at) < julianday(?7))";
        return database.read(c -> {
            long total;
            try (PreparedStatement count = c.prepareStatement("SELECT count(*)" + where)) {
                bindSearch(count, query);
                try (ResultSet rs = count.executeQuery()) {
                    total = rs.getLong(1);
                }
            }
            try (PreparedStatement page = c.prepareStatement("SELECT " + COLUMNS + where
                    + " ORDER BY id DESC LIMIT ?8 OFFSET ?9")) {
                bindSearch(page, query);
                page.setInt(8, query.size());
                page.setLong(9, (long) query.page() * query.size());
                return new AuditPage(entries(page), query.page(), query.size(), total);
            }
        });
    }

    private static void bindSearch(PreparedStatement statement, AuditQuery query) throws SQLException {
        statement.setString(1, query.scope());
        statement.setString(2, query.scope() + ":");
        statement.setString(3, query.entity());
        statement.setString(4, query.entityId());
        statement.setString(5, query.actor());
        statement.setString(6, query.from() == null ? null : query.from().toString());
        statement.setString(7, query.to() == null ? null : query.to().toString());
    }

    private static List<AuditEntry> entries(PreparedStatement query) throws SQLException {
        var entries = new ArrayList<AuditEntry>();
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                entries.add(new AuditEntry(rs.getLong(1), Instant.parse(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(9), rs.getString(6), rs.getString(7),
                        rs.getString(8)));
            }
        }
        return entries;
    }
}
