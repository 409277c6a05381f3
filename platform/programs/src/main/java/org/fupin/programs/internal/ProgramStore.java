package org.fupin.programs.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fupin.database.api.AuditLog;
import org.fupin.database.api.Database;
import org.fupin.program.api.Benefit;
import org.fupin.program.api.Step;
import org.fupin.program.declaration.ParameterValues;
import org.fupin.programs.internal.ApplicationRow.NewStep;
import org.fupin.programs.internal.ApplicationRow.StepRow;
import org.fupin.registry.model.LocalizedText;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The programs' tables (see {@code db/programs}): enablement, parameter overrides, applications, steps and benefits.
 * Every write commits with its audit record.
 */
@Component(service = ProgramStore.class)
public class ProgramStore {

    /** One county's setting for one program. */
    record Enablement(String county, String program, boolean enabled, String changedBy, Instant changedAt) {
    }

    /** A page of applications and how many match in all. */
    record Found(List<ApplicationRow> rows, long total) {
    }

    private final Database database;
    private final AuditLog audit;

    @Activate
    public ProgramStore(@Reference Database database, @Reference AuditLog audit, BundleContext context) {
        this(database, audit);
        database.migrate("programs", context.getBundle(), "db/programs");
    }

    ProgramStore(Database database, AuditLog audit) {
        this.database = database;
        this.audit = audit;
    }

    /** A program as the catalogue last offered it: enough to show it and scope its data once it is removed. */
    record KnownProgram(String id, LocalizedText name, String agency, LocalizedText agencyName, String bundle,
            String version) {
    }

    // ---- programs seen ----

    void remember(KnownProgram program, Instant now) {
        database.write(c -> {
            try (var s = c.prepareStatement("INSERT INTO program_known VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (id) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en, "
                    + "agency = excluded.agency, agency_zh = excluded.agency_zh, agency_en = excluded.agency_en, "
                    + "bundle = excluded.bundle, version = excluded.version, seen_at = excluded.seen_at")) {
                s.setString(1, program.id());
                s.setString(2, program.name().zh());
                s.setString(3, program.name().en());
                s.setString(4, program.agency());
                s.setString(5, program.agencyName().zh());
                s.setString(6, program.agencyName().en());
                s.setString(7, program.bundle());
                s.setString(8, program.version());
                s.setString(9, now.toString());
                s.executeUpdate();
            }
            return null;
        });
    }

    /** Every program ever offered here, by id. */
    List<KnownProgram> known() {
        return database.read(c -> {
            try (var s = c.prepareStatement("SELECT id, name_zh, name_en, agency, agency_zh, agency_en, bundle, version "
                    + "FROM program_known ORDER BY id"); ResultSet r = s.executeQuery()) {
                List<KnownProgram> result = new ArrayList<>();
                while (r.next()) {
                    result.add(new KnownProgram(r.getString(1), new LocalizedText(r.getString(2), r.getString(3)),
                            r.getString(4), new LocalizedText(r.getString(5), r.getString(6)), r.getString(7),
                            r.getString(8)));
                }
                return result;
            }
        });
    }

    // ---- enablement ----

    List<Enablement> enablements(String county) {
        return database.read(c -> {
            try (var s = c.prepareStatement("SELECT county, program, enabled, changed_by, changed_at "
                    + "FROM program_enablement WHERE county = ? ORDER BY program")) {
                s.setString(1, county);
                List<Enablement> result = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        result.add(new Enablement(r.getString(1), r.getString(2), r.getInt(3) == 1, r.getString(4),
                                Instant.parse(r.getString(5))));
                    }
                }
                return result;
            }
        });
    }

    boolean enabled(String county, String program) {
        return enablements(county).stream().anyMatch(e -> e.program().equals(program) && e.enabled());
    }

    void setEnabled(String county, String program, boolean enabled, String actor, Instant now) {
        database.write(c -> {
            boolean before = false;
            try (var s = c.prepareStatement(
                    "SELECT enabled FROM program_enablement WHERE county = ? AND program = ?")) {
                s.setString(1, county);
                s.setString(2, program);
                try (ResultSet r = s.executeQuery()) {
                    before = r.next() && r.getInt(1) == 1;
                }
            }
            try (var s = c.prepareStatement("INSERT INTO program_enablement VALUES (?, ?, ?, ?, ?) "
                    + "ON CONFLICT (county, program) DO UPDATE SET enabled = excluded.enabled, "
                    + "changed_by = excluded.changed_by, changed_at = excluded.changed_at")) {
                s.setString(1, county);
                s.setString(2, program);
                s.setInt(3, enabled ? 1 : 0);
                s.setString(4, actor);
                s.setString(5, now.toString());
                s.executeUpdate();
            }
            audit.append(c, actor, "program-enablement", county + "/" + program, county,
                    enabled ? "enable" : "disable", "{\"enabled\":" + before + "}", "{\"enabled\":" + enabled + "}");
            return null;
        });
    }

    // ---- parameters ----

    List<ParameterValues.RegionValue> overrides(String program) {
        return database.read(c -> {
            try (var s = c.prepareStatement("SELECT region, from_year, name, value FROM program_parameter "
                    + "WHERE program = ? ORDER BY region, from_year, name")) {
                s.setString(1, program);
                List<ParameterValues.RegionValue> result = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        result.add(new ParameterValues.RegionValue(r.getString(1), r.getInt(2), r.getString(3),
                                new BigDecimal(r.getString(4))));
                    }
                }
                return result;
            }
        });
    }

    void setOverrides(String program, String region, int fromYear, Map<String, BigDecimal> values, String actor,
            Instant now) {
        database.write(c -> {
            try (var s = c.prepareStatement("INSERT INTO program_parameter VALUES (?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (program, region, from_year, name) DO UPDATE SET value = excluded.value, "
                    + "changed_by = excluded.changed_by, changed_at = excluded.changed_at")) {
                for (var entry : values.entrySet()) {
                    s.setString(1, program);
                    s.setString(2, region);
                    s.setInt(3, fromYear);
                    s.setString(4, entry.getKey());
                    s.setString(5, entry.getValue().toPlainString());
                    s.setString(6, actor);
                    s.setString(7, now.toString());
                    s.addBatch();
                }
                s.executeBatch();
            }
            StringBuilder after = new StringBuilder("{\"fromYear\":" + fromYear);
            values.forEach((name, value) -> after.append(",\"").append(name).append("\":").append(value.toPlainString()));
            audit.append(c, actor, "program-parameters", program + "/" + region, region, "set", null, after + "}");
            return null;
        });
    }

    // ---- applications ----

    /**
     * Stores a filed application with its first step and benefits, unless {@code limits} refuse it: they are checked
     * in the same transaction, before anything is written.
     */
    void insert(ApplicationRow row, NewStep filing, List<Benefit> benefits, LimitCheck limits, String actor,
            String auditJson) {
        database.write(c -> {
            limits.enforce(c, new LimitCheck.Write(row.id(), row.program(), row.householdId(), row.memberId(), Step.FILE,
                    benefits));
            try (var s = c.prepareStatement("INSERT INTO program_application (id, program, household_id, member_id, "
                    + "village, state, data, version, notice_ends, filed_year, created_at, updated_at, deadline) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, row.id());
                s.setString(2, row.program());
                s.setString(3, row.householdId());
                s.setString(4, row.memberId());
                s.setString(5, row.village());
                s.setString(6, row.state());
                s.setString(7, row.dataJson());
                s.setLong(8, row.version());
                s.setString(9, row.noticeEnds() == null ? null : row.noticeEnds().toString());
                s.setInt(10, row.filedYear());
                s.setString(11, row.createdAt().toString());
                s.setString(12, row.updatedAt().toString());
                s.setString(13, row.deadline() == null ? null : row.deadline().toString());
                s.executeUpdate();
            }
            insertStep(c, row.id(), 1, filing);
            insertBenefits(c, row.id(), benefits);
            audit.append(c, actor, "application", row.id(), row.village(), "file", null, auditJson);
            return null;
        });
    }

    /**
     * Moves an application on, if it is still at {@code expectedVersion}; returns false when another step got there
     * first (nothing is written then). {@code limits} are checked in the same transaction; when they refuse, nothing
     * is written either. {@code alsoWrite} runs last inside the transaction (another bundle's write joins it): when it
     * throws, nothing is written.
     */
    boolean advance(ApplicationRow row, long expectedVersion, String toState, LocalDate noticeEnds,
            LocalDate deadline, Instant now, NewStep step, List<Benefit> benefits, LimitCheck limits,
            Runnable alsoWrite, String actor, String beforeJson, String afterJson) {
        String id = row.id();
        return database.write(c -> {
            try (var s = c.prepareStatement("UPDATE program_application SET state = ?, version = version + 1, "
                    + "notice_ends = ?, deadline = ?, updated_at = ? WHERE id = ? AND version = ?")) {
                s.setString(1, toState);
                s.setString(2, noticeEnds == null ? null : noticeEnds.toString());
                s.setString(3, deadline == null ? null : deadline.toString());
                s.setString(4, now.toString());
                s.setString(5, id);
                s.setLong(6, expectedVersion);
                if (s.executeUpdate() == 0) {
                    return false;
                }
            }
            limits.enforce(c, new LimitCheck.Write(id, row.program(), row.householdId(), row.memberId(),
                    step.record().action(),
                    benefits));
            insertStep(c, id, nextSeq(c, "program_step", id), step);
            insertBenefits(c, id, benefits);
            audit.append(c, actor, "application", id, row.village(), step.record().action(), beforeJson, afterJson);
            alsoWrite.run();
            return true;
        });
    }

    private static void insertBenefits(Connection c, String id, List<Benefit> benefits) throws SQLException {
        if (benefits.isEmpty()) {
            return;
        }
        int seq = nextSeq(c, "program_benefit", id);
        try (var s = c.prepareStatement("INSERT INTO program_benefit VALUES (?, ?, ?, ?, ?, "
                + "(SELECT village FROM program_application WHERE id = ?), ?, ?, ?, ?, ?, ?)")) {
            for (Benefit b : benefits) {
                s.setString(1, id);
                s.setInt(2, seq++);
                s.setString(3, b.programId());
                s.setString(4, b.householdId());
                s.setString(5, b.memberId());
                s.setString(6, id);
                s.setString(7, b.period());
                s.setInt(8, b.year());
                s.setString(9, b.periodLabel().zh());
                s.setString(10, b.periodLabel().en());
                s.setLong(11, b.amount().movePointRight(2).longValueExact());
                s.setString(12, b.grantedOn().toString());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static int nextSeq(Connection c, String table, String id) throws SQLException {
        try (var s = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) + 1 FROM " + table + " WHERE application_id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    private static void insertStep(Connection c, String id, int seq, NewStep step) throws SQLException {
        try (var s = c.prepareStatement("INSERT INTO program_step VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            var record = step.record();
            s.setString(1, id);
            s.setInt(2, seq);
            s.setString(3, record.action());
            s.setString(4, record.fromState());
            s.setString(5, record.toState());
            s.setString(6, record.actor());
            s.setString(7, record.at().toString());
            s.setString(8, record.note());
            s.setString(9, step.dataJson());
            s.executeUpdate();
        }
    }

    java.util.Optional<ApplicationRow> find(String id) {
        return database.read(c -> load(c, "a.id = ?", List.of(id), "", -1, 0)).stream().findFirst();
    }

    /** An application that counts against a program's limits on open applications: in a state that is not terminal. */
    record OpenApplication(String id, String householdId, String memberId) {
    }

    /**
     * The program's applications in one of {@code states}, oldest first: of one household, or (with {@code household}
     * null) of every household under {@code regionPrefix}.
     */
    List<OpenApplication> inStates(String program, List<String> states, String regionPrefix, String household) {
        if (states.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT id, household_id, member_id FROM program_application WHERE program = ? AND "
                + (household != null ? "household_id = ?" : "village >= ? AND village < ?") + " AND state IN ("
                + String.join(",", java.util.Collections.nCopies(states.size(), "?")) + ") ORDER BY created_at, id";
        return database.read(c -> {
            try (var s = c.prepareStatement(sql)) {
                int i = 1;
                s.setString(i++, program);
                if (household != null) {
                    s.setString(i++, household);
                } else {
                    s.setString(i++, regionPrefix);
                    s.setString(i++, regionPrefix + "\uffff");
                }
                for (String state : states) {
                    s.setString(i++, state);
                }
                List<OpenApplication> result = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        result.add(new OpenApplication(r.getString(1), r.getString(2), r.getString(3)));
                    }
                }
                return result;
            }
        });
    }

    /** Every application of a household (all programs), oldest first. */
    List<ApplicationRow> ofHousehold(String householdId) {
        return database.read(c -> load(c, "a.household_id = ?", List.of(householdId), "", -1, 0));
    }

    /** Applications of a program under a region prefix, optionally in one state, newest first. */
    Found search(String program, String regionPrefix, String state, String householdId, int page, int size) {
        return search(program, regionPrefix, state, householdId, null, page, size);
    }

    /** As {@link #search(String, String, String, String, int, int)}; with {@code overdueOn}, only those overdue then. */
    Found search(String program, String regionPrefix, String state, String householdId, LocalDate overdueOn,
            int page, int size) {
        StringBuilder where = new StringBuilder("a.program = ? AND a.village >= ? AND a.village < ?");
        List<Object> arguments = new ArrayList<>(List.of(program, regionPrefix, regionPrefix + "\uffff"));
        if (overdueOn != null) {
            where.append(" AND a.deadline < ?");
            arguments.add(overdueOn.toString());
        }
        if (state != null) {
            where.append(" AND a.state = ?");
            arguments.add(state);
        }
        if (householdId != null) {
            where.append(" AND a.household_id = ?");
            arguments.add(householdId);
        }
        return page(where.toString(), arguments, " ORDER BY a.created_at DESC, a.id", page, size);
    }

    /** One page of the applications {@code where} selects, in {@code order}, with how many it selects in all. */
    private Found page(String where, List<Object> arguments, String order, int page, int size) {
        return database.read(c -> {
            long total;
            try (var s = c.prepareStatement("SELECT COUNT(*) FROM program_application a WHERE " + where)) {
                bind(s, arguments);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    total = r.getLong(1);
                }
            }
            return new Found(load(c, where, arguments, order, size, (long) page * size), total);
        });
    }

    /**
     * Applications of a program under a region prefix that are on notice on {@code today}: in one of {@code states}
     * (the states with a notice) and their notice not yet over; by village, then oldest first.
     */
    Found onNotice(String program, String regionPrefix, List<String> states, LocalDate today, int page,
            int size) {
        if (states.isEmpty()) {
            return new Found(List.of(), 0);
        }
        String where = "a.program = ? AND a.village >= ? AND a.village < ? AND a.notice_ends >= ? AND a.state IN ("
                + String.join(",", java.util.Collections.nCopies(states.size(), "?")) + ")";
        List<Object> arguments = new ArrayList<>(List.of(program, regionPrefix, regionPrefix + "\uffff",
                today.toString()));
        arguments.addAll(states);
        return page(where, arguments, " ORDER BY a.village, a.updated_at, a.id", page, size);
    }

    private static List<ApplicationRow> load(Connection c, String where, List<?> arguments, String order, int limit,
            long offset) throws SQLException {
        Map<String, ApplicationRow> rows = new LinkedHashMap<>();
        String sql = "SELECT a.id, a.program, a.household_id, a.member_id, a.village, a.state, a.data, a.version, "
                + "a.notice_ends, a.filed_year, a.created_at, a.updated_at, a.deadline FROM program_application a "
                + "WHERE " + where
                + (order.isEmpty() ? " ORDER BY a.created_at, a.id" : order)
                + (limit > 0 ? " LIMIT " + limit + " OFFSET " + offset : "");
        try (var s = c.prepareStatement(sql)) {
            bind(s, arguments);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String notice = r.getString(9);
                    String deadline = r.getString(13);
                    rows.put(r.getString(1), new ApplicationRow(r.getString(1), r.getString(2), r.getString(3),
                            r.getString(4), r.getString(5), r.getString(6), r.getString(7), r.getLong(8),
                            notice == null ? null : LocalDate.parse(notice),
                            deadline == null ? null : LocalDate.parse(deadline), r.getInt(10),
                            Instant.parse(r.getString(11)), Instant.parse(r.getString(12)), new ArrayList<>(),
                            new ArrayList<>()));
                }
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<StepRow>> steps = new HashMap<>();
        Map<String, List<Benefit>> benefits = new HashMap<>();
        String ids = String.join(",", java.util.Collections.nCopies(rows.size(), "?"));
        try (var s = c.prepareStatement("SELECT application_id, action, from_state, to_state, actor, at, note, data "
                + "FROM program_step WHERE application_id IN (" + ids + ") ORDER BY application_id, seq")) {
            bind(s, List.copyOf(rows.keySet()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    steps.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(new StepRow(r.getString(2),
                            r.getString(3), r.getString(4), r.getString(5), Instant.parse(r.getString(6)),
                            r.getString(7), r.getString(8)));
                }
            }
        }
        try (var s = c.prepareStatement("SELECT application_id, program, household_id, member_id, period, year, "
                + "period_zh, period_en, amount_fen, granted_on FROM program_benefit WHERE application_id IN (" + ids
                + ") ORDER BY application_id, seq")) {
            bind(s, List.copyOf(rows.keySet()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    benefits.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(new Benefit(r.getString(2),
                            r.getString(1), r.getString(3), r.getString(4), r.getString(5), r.getInt(6),
                            new LocalizedText(r.getString(7), r.getString(8)),
                            BigDecimal.valueOf(r.getLong(9), 2), LocalDate.parse(r.getString(10))));
                }
            }
        }
        return rows.values().stream().map(row -> new ApplicationRow(row.id(), row.program(), row.householdId(),
                row.memberId(), row.village(), row.state(), row.dataJson(), row.version(), row.noticeEnds(),
                row.deadline(), row.filedYear(), row.createdAt(), row.updatedAt(),
                steps.getOrDefault(row.id(), List.of()), benefits.getOrDefault(row.id(), List.of()))).toList();
    }

    private static void bind(PreparedStatement s, List<?> arguments) throws SQLException {
        for (int i = 0; i < arguments.size(); i++) {
            s.setObject(i + 1, arguments.get(i));
        }
    }

    Database database() {
        return database;
    }
}
