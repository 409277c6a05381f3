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

    RecordLimitCheck(String program, RecordType type, ParameterValues parameters) {
        this.program = program;
        this.type = type;
        this.parameters = parameters;
    }

    /** Refuses the written record if, counted with the others, it would pass one of its type's limits. */
    void enforce(Connection c, RecordStore.Row written) throws SQLException {
        List<Violation> violations = new ArrayList<>();
        JsonNode values = Json.read(written.dataJson());
        for (RecordLimit limit : type.limits()) {
            if (!limit.states().contains(written.state())) {
                continue;
            }
            BigDecimal adding = amount(values, limit);
            BigDecimal counted = counted(c, limit, written);
            BigDecimal max = max(c, limit, written.region().substring(0, 6));
            if (counted.add(adding).compareTo(max) > 0) {
                violations.add(new Violation(limit.field() == null ? limit.rule() : "data." + limit.field(),
                        Texts.text("record.limit", Texts.text("limit.per." + limit.per()), plain(counted),
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

    /** The other records counted: of this type, in the limit's states, of the household or the county. */
    private BigDecimal counted(Connection c, RecordLimit limit, RecordStore.Row written) throws SQLException {
        List<Object> arguments = new ArrayList<>(List.of(program, type.id(), written.id()));
        String whose;
        if (limit.per() == RecordLimit.Per.HOUSEHOLD) {
            whose = "household_id = ?";
            arguments.add(written.householdId() == null ? "" : written.householdId());
        } else {
            String county = written.region().substring(0, 6);
            whose = "region >= ? AND region < ?";
            arguments.add(county);
            arguments.add(county + "\uffff");
        }
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
                    total = total.add(amount(Json.read(r.getString(1)), limit));
                }
            }
        }
        return total;
    }

    private BigDecimal max(Connection c, RecordLimit limit, String county) throws SQLException {
        if (limit.max() != null) {
            return limit.max();
        }
        if (limit.maxParameter() != null) {
            return parameters.value(limit.maxParameter());
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

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
