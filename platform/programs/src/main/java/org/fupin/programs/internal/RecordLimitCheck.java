package org.fupin.programs.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.fupin.program.api.RecordLimit;
import org.fupin.program.api.RecordType;
import org.fupin.program.declaration.ParameterValues;
import org.fupin.registry.api.ValidationException;
import org.fupin.registry.api.Violation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A record type's limits ({@link RecordLimit}), checked on the writer connection inside the transaction that creates
 * or changes a record, before anything is written: the records counted are read in the same transaction, so records
 * written together cannot pass a limit together. Parameters are resolved for the record's county and year before.
 */
final class RecordLimitCheck {
    private final String program;
    private final RecordType type;
    private final ParameterValues parameters;

    private final java.util.Optional<org.fupin.program.api.Form> form;

    RecordLimitCheck(String program, RecordType type, ParameterValues parameters,
            java.util.Optional<org.fupin.program.api.Form> form) {
        this.program = program;
        this.type = type;
        this.parameters = parameters;
        this.form = form;
    }

    /** Refuses the written record if, counted with the others, it would pass one of its type's limits. */
    void enforce(Connection c, RecordStore.Row written) throws SQLException {
        List<Violation> violations = new ArrayList<>();
        JsonNode values = Json.read(written.dataJson());
        for (RecordLimit limit : type.limits()) {
            if (!limit.states().contains(written.state()) || !selected(values, limit)) {
                continue;
            }
            BigDecimal adding = amount(values, limit);
            BigDecimal counted = counted(c, limit, written, values);
            BigDecimal max = max(c, limit, written.region().substring(0, 6), values);
            if (counted.add(adding).compareTo(max) > 0) {
                String field = limit.field() != null ? limit.field() : limit.perField();
                violations.add(new Violation(field == null ? limit.rule() : "data." + field,
                        limit.per() == RecordLimit.Per.FIELD
                                ? Texts.text("record.limit.field", label(limit.perField()),
                                        values.path(limit.perField()).asText(), plain(counted), plain(adding),
                                        plain(max), limit.rule())
                                : Texts.text("record.limit", Texts.text("limit.per." + limit.per()), plain(counted),
                                        plain(adding), plain(max), limit.rule())));
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    /** What one record adds: its field's value, or one record. */
    private static BigDecimal amount(JsonNode values, RecordLimit limit) {
        if (limit.field() == null) {
            return BigDecimal.ONE;
        }
        JsonNode value = values.path(limit.field());
        return value.isNumber() ? value.decimalValue() : BigDecimal.ZERO;
    }

    /** Whether the limit holds for a record with these values: every record, or those its {@code where} selects. */
    private static boolean selected(JsonNode values, RecordLimit limit) {
        return limit.where() == null || limit.where().in().contains(values.path(limit.where().field()).asText());
    }

    /**
     * The other records counted: of this type, in the limit's states, of the household, the county, the region or
     * with the same value of the limit's field, and among those the ones its {@code where} selects.
     */
    private BigDecimal counted(Connection c, RecordLimit limit, RecordStore.Row written, JsonNode values)
            throws SQLException {
        List<Object> arguments = new ArrayList<>(List.of(program, type.id(), written.id()));
        String whose = switch (limit.per()) {
            case HOUSEHOLD -> {
                arguments.add(written.householdId() == null ? "" : written.householdId());
                yield "household_id = ?";
            }
            case COUNTY -> {
                String county = written.region().substring(0, 6);
                arguments.add(county);
                arguments.add(county + "\uffff");
                yield "region >= ? AND region < ?";
            }
            case REGION -> {
                arguments.add(written.region());
                yield "region = ?";
            }
            case FIELD -> {
                arguments.add("$." + limit.perField());
                arguments.add(values.path(limit.perField()).asText());
                yield "json_extract(data, ?) = ?";
            }
        };
        arguments.addAll(limit.states());
        String sql = "SELECT data FROM program_record WHERE program = ? AND type = ? AND id <> ? AND " + whose
                + " AND state IN (" + String.join(", ", Collections.nCopies(limit.states().size(), "?")) + ")";
        BigDecimal total = BigDecimal.ZERO;
        try (var s = c.prepareStatement(sql)) {
            for (int i = 0; i < arguments.size(); i++) {
                s.setObject(i + 1, arguments.get(i));
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    JsonNode other = Json.read(r.getString(1));
                    if (selected(other, limit)) {
                        total = total.add(amount(other, limit));
                    }
                }
            }
        }
        return total;
    }

    private BigDecimal max(Connection c, RecordLimit limit, String county, JsonNode values) throws SQLException {
        if (limit.max() != null) {
            return limit.max();
        }
        if (limit.maxParameter() != null) {
            return parameters.value(limit.maxParameter());
        }
        if (limit.maxByField() != null) {
            // the checker has every option of the (required) code field mapped to a declared parameter
            return parameters.value(limit.maxByField().parameters().get(values.path(limit.maxByField().field())
                    .asText()));
        }
        RecordLimit.Balance balance = limit.maxBalance();
        BigDecimal times = balance.timesParameter() == null ? BigDecimal.ONE
                : parameters.value(balance.timesParameter());
        return balance(c, balance, county).multiply(times);
    }

    /** The county's records of the balance's type: their plus entries' amounts less their minus entries'. */
    private BigDecimal balance(Connection c, RecordLimit.Balance balance, String county) throws SQLException {
        BigDecimal total = BigDecimal.ZERO;
        try (var s = c.prepareStatement("SELECT e.name, SUM(e.amount_fen) FROM program_record_event e "
                + "JOIN program_record r ON r.id = e.record_id WHERE r.program = ? AND r.type = ? AND r.region >= ? "
                + "AND r.region < ? AND e.kind = 'ENTRY' AND e.amount_fen IS NOT NULL GROUP BY e.name")) {
            s.setString(1, program);
            s.setString(2, balance.record());
            s.setString(3, county);
            s.setString(4, county + "\uffff");
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    BigDecimal amount = BigDecimal.valueOf(r.getLong(2), 2);
                    if (r.getString(1).equals(balance.plus())) {
                        total = total.add(amount);
                    } else if (r.getString(1).equals(balance.minus())) {
                        total = total.subtract(amount);
                    }
                }
            }
        }
        return total;
    }

    /** A field of the record's form by its label, as people know it. */
    private Object label(String field) {
        return form.flatMap(f -> f.field(field)).<Object>map(org.fupin.program.api.Field::label).orElse(field);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
