package org.fupin.programs.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.fupin.database.api.AuditLog;
import org.fupin.database.api.Database;
import org.fupin.registry.api.ConflictException;

/**
 * The records' tables ({@code db/programs/V4__records.sql}): a record's row and its events (creation, changes of its
 * values, actions, entries). Every write is one transaction with its audit record; a write that names a version
 * changes the row only while it still has that version.
 */
final class RecordStore {
    static final String ENTITY = "program-record";

    /** A record as stored, with its events in order. */
    record Row(String id, String program, String type, String householdId, String memberId, String applicationId,
            String region, String state, String dataJson, long version, String createdBy, Instant createdAt,
            Instant updatedAt, List<Event> events) {
    }

    /** What happened to a record: {@code kind} CREATE, EDIT, ACTION or ENTRY. */
    record Event(int seq, String kind, String name, LocalDate date, String fromState, String toState,
            BigDecimal amount, String dataJson, String note, String actor, Instant at) {
    }

    /** A page of records and how many match in all. */
    record Found(List<Row> rows, long total) {
    }

    private final Database database;
    private final AuditLog audit;

    RecordStore(Database database, AuditLog audit) {
        this.database = database;
        this.audit = audit;
    }

    void insert(Row row, Event created, String auditJson, Runnable rules, RecordLimitCheck limits) {
        database.write(c -> {
            rules.run();
            limits.enforce(c, row);
            try (var s = c.prepareStatement("INSERT INTO program_record VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, row.id());
                s.setString(2, row.program());
                s.setString(3, row.type());
                s.setString(4, row.householdId());
                s.setString(5, row.memberId());
                s.setString(6, row.applicationId());
                s.setString(7, row.region());
                s.setString(8, row.state());
                s.setString(9, row.dataJson());
                s.setLong(10, row.version());
                s.setString(11, row.createdBy());
                s.setString(12, row.createdAt().toString());
                s.setString(13, row.updatedAt().toString());
                s.executeUpdate();
            }
            insertEvent(c, row.id(), created);
            audit.append(c, created.actor(), ENTITY, row.id(), row.region(), "create", null, auditJson);
            return null;
        });
    }

    /**
     * Writes the record's next state and values with one more event, if it is still in the state {@code row} was read
     * in and, when one is given, has {@code expectedVersion}: else nothing is written and {@link ConflictException}
     * {@code stale_version} is thrown. Without a version, writes that leave the state alone (entries) all land.
     * {@code rules} (the program's, which read what is committed) run first in the same transaction, then
     * {@code limits} when given (new values, an action); either refusing writes nothing.
     */
    void advance(Row row, Long expectedVersion, String state, String dataJson, Event event, String auditAction,
            String beforeJson, String afterJson, Runnable rules, RecordLimitCheck limits) {
        advance(row, expectedVersion, state, dataJson, event, auditAction, beforeJson, afterJson, rules, limits, null);
    }

    /**
     * As {@link #advance(Row, Long, String, String, Event, String, String, String, Runnable, RecordLimitCheck)}, once
     * per idempotency key of the event's actor: with a key already stored nothing is written and the answer is false
     * (the request was sent before); otherwise the key is stored with the write.
     */
    boolean advance(Row row, Long expectedVersion, String state, String dataJson, Event event, String auditAction,
            String beforeJson, String afterJson, Runnable rules, RecordLimitCheck limits, String idempotencyKey) {
        return database.write(c -> {
            if (idempotencyKey != null && requested(c, event.actor(), idempotencyKey)) {
                return false;
            }
            rules.run();
            if (limits != null) {
                limits.enforce(c, new Row(row.id(), row.program(), row.type(), row.householdId(), row.memberId(),
                        row.applicationId(), row.region(), state, dataJson, row.version(), row.createdBy(),
                        row.createdAt(), event.at(), List.of()));
            }
            try (var s = c.prepareStatement("UPDATE program_record SET state = ?, data = ?, version = version + 1, "
                    + "updated_at = ? WHERE id = ? AND state = ? AND version = coalesce(?, version)")) {
                s.setString(1, state);
                s.setString(2, dataJson);
                s.setString(3, event.at().toString());
                s.setString(4, row.id());
                s.setString(5, row.state());
                s.setObject(6, expectedVersion);
                if (s.executeUpdate() != 1) {
                    throw new ConflictException("stale_version", Texts.text("record.stale",
                            expectedVersion == null ? row.version() : expectedVersion, currentVersion(c, row.id())));
                }
            }
            insertEvent(c, row.id(), event);
            audit.append(c, event.actor(), ENTITY, row.id(), row.region(), auditAction, beforeJson, afterJson);
            if (idempotencyKey != null) {
                try (var s = c.prepareStatement("INSERT INTO program_record_request VALUES (?, ?, ?, ?)")) {
                    s.setString(1, event.actor());
                    s.setString(2, idempotencyKey);
                    s.setString(3, row.id());
                    s.setString(4, event.at().toString());
                    s.executeUpdate();
                }
            }
            return true;
        });
    }

    /** Whether the user has already sent a request with this key that was stored. */
    boolean requested(String actor, String idempotencyKey) {
        return database.read(c -> requested(c, actor, idempotencyKey));
    }

    private static boolean requested(Connection c, String actor, String idempotencyKey) throws SQLException {
        try (var s = c.prepareStatement("SELECT 1 FROM program_record_request WHERE actor = ? AND idempotency_key = ?")) {
            s.setString(1, actor);
            s.setString(2, idempotencyKey);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    Optional<Row> find(String id) {
        return database.read(c -> load(c, "r.id = ?", List.of(id), 1, 0)).stream().findFirst();
    }

    /** Per entry type with amounts, the sum of the record's entries' amounts (in yuan). */
    java.util.Map<String, BigDecimal> totals(String id) {
        return database.read(c -> totals(c, id));
    }

    private static java.util.Map<String, BigDecimal> totals(Connection c, String id) throws SQLException {
        java.util.Map<String, BigDecimal> totals = new java.util.LinkedHashMap<>();
        try (var s = c.prepareStatement("SELECT name, SUM(amount_fen) FROM program_record_event WHERE record_id = ? "
                + "AND kind = 'ENTRY' AND amount_fen IS NOT NULL GROUP BY name ORDER BY min(seq)")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    totals.put(r.getString(1), BigDecimal.valueOf(r.getLong(2), 2));
                }
            }
        }
        return totals;
    }

    /** The record's row without its events, for a write (which reads no history). */
    Optional<Row> findRow(String id) {
        return database.read(c -> rows(c, "r.id = ?", List.of(id), 1, 0)).stream().findFirst();
    }

    /** Records of one type under a region prefix, optionally of one household or in one state, newest first. */
    Found search(String program, String type, String regionPrefix, String householdId, String state, int page,
            int size) {
        StringBuilder where = new StringBuilder("r.program = ? AND r.type = ? AND r.region >= ? AND r.region < ?");
        List<Object> arguments = new ArrayList<>(List.of(program, type, regionPrefix, regionPrefix + "\uffff"));
        if (householdId != null) {
            where.append(" AND r.household_id = ?");
            arguments.add(householdId);
        }
        if (state != null) {
            where.append(" AND r.state = ?");
            arguments.add(state);
        }
        return database.read(c -> {
            long total;
            try (var s = c.prepareStatement("SELECT count(*) FROM program_record r WHERE " + where)) {
                bind(s, arguments);
                try (ResultSet r = s.executeQuery()) {
                    total = r.next() ? r.getLong(1) : 0;
                }
            }
            return new Found(load(c, where.toString(), arguments, size, page * size), total);
        });
    }

    /** A record without its events, and per entry type the sum of its entries' amounts. */
    record Summed(Row row, java.util.Map<String, BigDecimal> totals) {
    }

    /**
     * A program's records of one type that concern a household or a region, oldest first: attached to the household
     * (to one of its members or applications too; {@code householdId} may be {@code null}), or to {@code region} or
     * a region above it.
     */
    static List<Summed> concerning(Database database, String program, String type, String householdId,
            String region) {
        List<Object> arguments = new ArrayList<>(List.of(program, type));
        arguments.add(householdId == null ? "" : householdId);
        List<String> regions = new ArrayList<>();
        for (int length : new int[] {12, 9, 6, 4, 2}) {
            if (length <= region.length()) {
                regions.add(region.substring(0, length));
            }
        }
        arguments.addAll(regions);
        String places = String.join(", ", java.util.Collections.nCopies(regions.size(), "?"));
        return database.read(c -> {
            List<Summed> rows = new ArrayList<>();
            try (var s = c.prepareStatement("SELECT id, household_id, member_id, application_id, region, state, data, "
                    + "version, created_by, created_at, updated_at FROM program_record WHERE program = ? AND type = ? "
                    + "AND (household_id = ? OR household_id IS NULL AND region IN (" + places + ")) "
                    + "ORDER BY created_at, id")) {
                bind(s, arguments);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        rows.add(new Summed(new Row(r.getString(1), program, type, r.getString(2), r.getString(3),
                                r.getString(4), r.getString(5), r.getString(6), r.getString(7), r.getLong(8),
                                r.getString(9), Instant.parse(r.getString(10)), Instant.parse(r.getString(11)),
                                List.of()), new java.util.LinkedHashMap<>()));
                    }
                }
            }
            for (Summed summed : rows) {
                summed.totals().putAll(totals(c, summed.row().id()));
            }
            return rows;
        });
    }

    private static List<Row> load(Connection c, String where, List<?> arguments, int limit, int offset)
            throws SQLException {
        List<Row> rows = rows(c, where, arguments, limit, offset);
        List<Row> withEvents = new ArrayList<>(rows.size());
        for (Row row : rows) {
            withEvents.add(new Row(row.id(), row.program(), row.type(), row.householdId(), row.memberId(),
                    row.applicationId(), row.region(), row.state(), row.dataJson(), row.version(), row.createdBy(),
                    row.createdAt(), row.updatedAt(), events(c, row.id())));
        }
        return withEvents;
    }

    private static List<Row> rows(Connection c, String where, List<?> arguments, int limit, int offset)
            throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (var s = c.prepareStatement("SELECT r.id, r.program, r.type, r.household_id, r.member_id, "
                + "r.application_id, r.region, r.state, r.data, r.version, r.created_by, r.created_at, r.updated_at "
                + "FROM program_record r WHERE " + where + " ORDER BY r.created_at DESC, r.id LIMIT ? OFFSET ?")) {
            bind(s, arguments);
            s.setInt(arguments.size() + 1, limit);
            s.setInt(arguments.size() + 2, offset);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new Row(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                            r.getString(6), r.getString(7), r.getString(8), r.getString(9), r.getLong(10),
                            r.getString(11), Instant.parse(r.getString(12)), Instant.parse(r.getString(13)),
                            List.of()));
                }
            }
        }
        return rows;
    }

    private static List<Event> events(Connection c, String id) throws SQLException {
        List<Event> events = new ArrayList<>();
        try (var s = c.prepareStatement("SELECT seq, kind, name, date, from_state, to_state, amount_fen, data, note, "
                + "actor, at FROM program_record_event WHERE record_id = ? ORDER BY seq")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long fen = r.getLong(7);
                    BigDecimal amount = r.wasNull() ? null : BigDecimal.valueOf(fen, 2);
                    String date = r.getString(4);
                    events.add(new Event(r.getInt(1), r.getString(2), r.getString(3),
                            date == null ? null : LocalDate.parse(date), r.getString(5), r.getString(6), amount,
                            r.getString(8), r.getString(9), r.getString(10), Instant.parse(r.getString(11))));
                }
            }
        }
        return events;
    }

    private static void insertEvent(Connection c, String id, Event event) throws SQLException {
        int seq;
        try (var s = c.prepareStatement("SELECT coalesce(max(seq), 0) + 1 FROM program_record_event WHERE record_id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                seq = r.next() ? r.getInt(1) : 1;
            }
        }
        try (var s = c.prepareStatement("INSERT INTO program_record_event VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, id);
            s.setInt(2, seq);
            s.setString(3, event.kind());
            s.setString(4, event.name());
            s.setString(5, event.date() == null ? null : event.date().toString());
            s.setString(6, event.fromState());
            s.setString(7, event.toState());
            if (event.amount() == null) {
                s.setNull(8, Types.INTEGER);
            } else {
                s.setLong(8, event.amount().movePointRight(2).longValueExact());
            }
            s.setString(9, event.dataJson());
            s.setString(10, event.note());
            s.setString(11, event.actor());
            s.setString(12, event.at().toString());
            s.executeUpdate();
        }
    }

    private static long currentVersion(Connection c, String id) throws SQLException {
        try (var s = c.prepareStatement("SELECT version FROM program_record WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : -1;
            }
        }
    }

    private static void bind(PreparedStatement s, List<?> arguments) throws SQLException {
        for (int i = 0; i < arguments.size(); i++) {
            s.setObject(i + 1, arguments.get(i));
        }
    }
}
