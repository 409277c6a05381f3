package org.fupin.registry.internal;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fupin.database.api.Database;
import org.fupin.registry.api.Actor;
import org.fupin.registry.api.ExtensionField;
import org.fupin.registry.api.HouseholdQuery;
import org.fupin.registry.api.HouseholdSummary;
import org.fupin.registry.api.Page;
import org.fupin.registry.api.Violation;
import org.fupin.registry.model.Cause;
import org.fupin.registry.model.HouseholdAttribute;
import org.fupin.registry.model.HouseholdStatus;

/**
 * One household search as SQL. Region prefixes become index range scans ({@code code >= p AND code < p||':'},
 * ':' sorting right after '9'), names a range on the member name index, ID numbers the unique index.
 */
final class HouseholdSearch {
    private final Database database;
    private final HouseholdQuery query;
    private final Actor actor;
    private final Map<String, ExtensionField> declared;
    private final StringBuilder where = new StringBuilder(" WHERE 1=1");
    private final List<Object> parameters = new ArrayList<>();

    /** @param declared the extension fields declared now: a search by any other is refused */
    HouseholdSearch(Database database, HouseholdQuery query, Actor actor, Map<String, ExtensionField> declared) {
        this.database = database;
        this.query = query;
        this.actor = actor;
        this.declared = declared;
    }

    Page<HouseholdSummary> run() {
        String order = filter();
        // A name or ID number search finds its households through the member index, one household look-up per
        // matching person: the page and its total are taken from one pass over them (a window count) instead of
        // two. Region-only searches keep a separate count (-1 here: not counted yet), which reads an index alone,
        // while their page stops at its last row.
        String page = searchesPeople()
                ? "p.total FROM (SELECT h.id AS id, count(*) OVER () AS total FROM household h" + where + order
                        + " LIMIT ? OFFSET ?) p JOIN household h ON h.id = p.id " + SqlHouseholdRegistry.DOCUMENT_JOIN
                        + order
                : "-1 " + SqlHouseholdRegistry.FROM_HOUSEHOLD + where + order + " LIMIT ? OFFSET ?";
        return database.read(c -> {
            var items = new ArrayList<HouseholdSummary>();
            long total = -1;
            try (PreparedStatement select = c.prepareStatement("SELECT h.id, h.version, h.village_code, "
                    + SqlHouseholdRegistry.DOCUMENT + " ->> '$.villageGroup', h.head_name, h.head_id_number, "
                    + "h.member_count, h.attribute, h.main_cause, h.status, h.income_year, h.per_capita_fen, "
                    + page)) {
                int next = bind(select);
                select.setInt(next, query.size());
                select.setLong(next + 1, (long) query.page() * query.size());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        items.add(summary(rs));
                        total = rs.getLong(13);
                    }
                }
            }
            if (total < 0) {
                try (PreparedStatement count = c.prepareStatement("SELECT count(*) FROM household h" + where)) {
                    bind(count);
                    try (ResultSet rs = count.executeQuery()) {
                        total = rs.getLong(1);
                    }
                }
            }
            return new Page<>(items, query.page(), query.size(), total);
        });
    }

    /** The members of every matching household: the rows an export of the query has. */
    long members() {
        filter();
        return database.read(c -> {
            try (PreparedStatement sum = c.prepareStatement("SELECT coalesce(sum(h.member_count), 0) FROM household h"
                    + where)) {
                bind(sum);
                try (ResultSet rs = sum.executeQuery()) {
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Every matching household's stored JSON and version, in the query's order, handed to {@code sink}. */
    long forEach(DocSink sink) {
        String order = filter();
        return database.read(c -> {
            long rows = 0;
            try (PreparedStatement select = c.prepareStatement("SELECT h.id, h.version, "
                    + SqlHouseholdRegistry.DOCUMENT + " " + SqlHouseholdRegistry.FROM_HOUSEHOLD + where + order)) {
                bind(select);
                select.setFetchSize(500);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(rs.getString(1), rs.getLong(2), rs.getString(3));
                        rows++;
                    }
                }
            }
            return rows;
        });
    }

    /** Receives one household of an export. */
    @FunctionalInterface
    interface DocSink {
        void accept(String id, long version, String doc) throws java.sql.SQLException;
    }

    private String filter() {
        region(narrowest(actor.scope(), query.region()));
        if (query.status() != null) {
            where.append(" AND h.status = ?");
            parameters.add(query.status().name());
        }
        if (query.attribute() != null) {
            where.append(" AND h.attribute = ?");
            parameters.add(query.attribute().name());
        }
        if (query.cause() != null) {
            where.append(" AND h.id IN (SELECT household_id FROM household_cause WHERE cause = ?)");
            parameters.add(query.cause().name());
        }
        person();
        extensions();
        paired();
        return switch (query.sort()) {
            case HEAD_NAME -> " ORDER BY h.head_name, h.id";
            case UPDATED_DESC -> " ORDER BY h.updated_at DESC, h.id DESC";
            default -> " ORDER BY h.village_code, h.id";
        };
    }

    /** The narrower of the actor's scope and the requested region; a region outside the scope matches nothing. */
    static String narrowest(String scope, String requested) {
        if (requested == null || requested.isEmpty()) {
            return scope;
        }
        if (requested.startsWith(scope)) {
            return requested;
        }
        return scope.startsWith(requested) ? scope : "-";
    }

    private void region(String prefix) {
        if (prefix.isEmpty()) {
            return;
        }
        where.append(" AND h.village_code >= ? AND h.village_code < ?");
        parameters.add(prefix);
        parameters.add(prefix + ":");
    }

    /** Whether the query names a person (a name or an ID number), which the member table finds. */
    private boolean searchesPeople() {
        return query.text() != null && !query.text().isBlank();
    }

    private void person() {
        if (!searchesPeople()) {
            return;
        }
        String text = query.text();
        String t = text.strip().toUpperCase();
        if (t.matches("\\d{6,17}[\\dX]?")) {
            where.append(" AND h.id IN (SELECT household_id FROM member WHERE id_number >= ? AND id_number < ?)");
            parameters.add(t);
            parameters.add(t + ":");
        } else {
            // a name prefix: a range on the name index (U+10FFFF sorts after every character)
            where.append(" AND h.id IN (SELECT household_id FROM member WHERE name >= ? AND name < ?)");
            parameters.add(text.strip());
            parameters.add(text.strip() + "\uDBFF\uDFFF");
        }
    }

    /**
     * With or without a 帮扶责任人 now: the document's last pairing, not ended (a household never paired has none).
     */
    private void paired() {
        if (query.paired() == null) {
            return;
        }
        where.append(" AND (SELECT coalesce(json_array_length(a.after, '$.pairings'), 0) > 0 AND "
                + "json_extract(a.after, '$.pairings[#-1].endDate') IS NULL FROM audit a WHERE a.id = h.document_id) = ?");
        parameters.add(query.paired() ? 1L : 0L);
    }

    /**
     * Each extension field must have the value: read from the household's document (after the region has narrowed
     * the rows) and compared as the field's type, numbers by value, BOOLEAN as SQLite's 1 or 0.
     */
    private void extensions() {
        var problems = new ArrayList<Violation>();
        for (var wanted : new java.util.TreeMap<>(query.extensions()).entrySet()) {
            String key = wanted.getKey();
            ExtensionField field = declared.get(key);
            String text = wanted.getValue() == null ? "" : wanted.getValue().strip();
            if (field == null) {
                problems.add(Messages.violation("ext." + key, "extensions.unknown", key));
                continue;
            }
            Object value = searchValue(field, text);
            if (value == null) {
                problems.add(new Violation("ext." + key, Messages.text("extensions.type." + field.type().name(),
                        (org.fupin.registry.model.Labelled) field::label)));
                continue;
            }
            where.append(" AND (SELECT a.after ->> ? FROM audit a WHERE a.id = h.document_id) = ?");
            parameters.add("$.extensions.\"" + key + "\"");
            parameters.add(value);
        }
        Violations.throwIfAny(problems);
    }

    /** The query string's value as SQLite holds the JSON value, or {@code null} when it is not of the type. */
    private static Object searchValue(ExtensionField field, String text) {
        try {
            return switch (field.type()) {
                case INTEGER -> Long.valueOf(text);
                case DECIMAL, MONEY -> new BigDecimal(text).doubleValue();
                case BOOLEAN -> "true".equals(text) ? (Object) 1L : "false".equals(text) ? (Object) 0L : null;
                case DATE -> java.time.LocalDate.parse(text).toString();
                case CODE -> field.codes().contains(text) ? text : null;
                case TEXT -> text.isEmpty() ? null : text;
            };
        } catch (RuntimeException e) {
            return null;
        }
    }

    private int bind(PreparedStatement statement) throws SQLException {
        int i = 1;
        for (Object parameter : parameters) {
            statement.setObject(i++, parameter);
        }
        return i;
    }

    private static HouseholdSummary summary(ResultSet rs) throws SQLException {
        long fen = rs.getLong(12);
        BigDecimal perCapita = rs.wasNull() ? null : BigDecimal.valueOf(fen, 2);
        int year = rs.getInt(11);
        Integer incomeYear = rs.wasNull() ? null : year;
        return new HouseholdSummary(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getInt(7), HouseholdAttribute.valueOf(rs.getString(8)),
                Cause.valueOf(rs.getString(9)), HouseholdStatus.valueOf(rs.getString(10)), incomeYear, perCapita);
    }
}
