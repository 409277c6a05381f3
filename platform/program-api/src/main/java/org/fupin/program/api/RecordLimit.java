package org.fupin.program.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * A limit over a program's records of one type, enforced by the platform inside the transaction that creates or
 * changes a record, so that records created together cannot pass it: the sum of a number field (or the count) of the
 * records in the given states, per household, per county, per region or per value of a field (a cadre's households),
 * perhaps only of records with some values ({@code where}), at most a fixed amount, a parameter, a parameter chosen by
 * the written record's value of a code field (a cadre's quota by rank), or a multiple of a balance kept by other
 * records (a county lends at most ten times its risk fund).
 *
 * @param rule       stable id reported with the refusal, e.g. {@code microcredit.county-cap}
 * @param field      the number field of the record's form summed, or {@code null} to count records
 * @param per        whose records are counted together
 * @param states     the states of the records counted, the one written included
 * @param max        the largest sum or count, or {@code null}
 * @param maxParameter a declared parameter giving it for the county this year, or {@code null}
 * @param maxBalance the balance of other records giving it, or {@code null}
 * @param perField   for {@link Per#FIELD}: the field of the record's form whose value groups the records counted
 * @param where      only records with one of these values of a field are counted, and the limit holds only for such
 *                   a record; {@code null}: every record
 * @param maxByField the parameter giving the maximum, chosen by the written record's value of a code field, or
 *                   {@code null}; exactly one of {@code max}, {@code maxParameter}, {@code maxBalance} and this
 * @since 2.5
 */
public record RecordLimit(String rule, String field, Per per, List<String> states, BigDecimal max, String maxParameter,
        Balance maxBalance, String perField, Where where, ByField maxByField) {
    /**
     * Whose records are counted together: the written record's household, its county, its own region (one team per
     * village), or every record with its value of {@code perField} (wherever they are: a cadre's households).
     */
    public enum Per {
        HOUSEHOLD, COUNTY, REGION, FIELD
    }

    /** Records whose value of {@code field} is one of {@code in}. */
    public record Where(String field, List<String> in) {
        public Where {
            in = List.copyOf(in);
        }
    }

    /** The parameter named in {@code parameters} for the written record's value of the code field {@code field}. */
    public record ByField(String field, java.util.Map<String, String> parameters) {
        public ByField {
            parameters = java.util.Map.copyOf(parameters);
        }
    }

    public RecordLimit(String rule, String field, Per per, List<String> states, BigDecimal max, String maxParameter,
            Balance maxBalance) {
        this(rule, field, per, states, max, maxParameter, maxBalance, null, null, null);
    }

    /**
     * The balance of the county's records of type {@code record} — the amounts of their {@code plus} entries less
     * those of their {@code minus} entries ({@code null}: none) — times the value of the parameter
     * {@code timesParameter} ({@code null}: once).
     */
    public record Balance(String record, String plus, String minus, String timesParameter) {
    }

    public RecordLimit {
        states = List.copyOf(states);
        int sources = (max == null ? 0 : 1) + (maxParameter == null ? 0 : 1) + (maxBalance == null ? 0 : 1)
                + (maxByField == null ? 0 : 1);
        if (rule == null || rule.isBlank() || per == null || sources != 1) {
            throw new IllegalArgumentException("a record limit needs a rule id, whom it counts per and one maximum");
        }
        if ((per == Per.FIELD) != (perField != null)) {
            throw new IllegalArgumentException("a record limit counts per a field exactly when it names the field");
        }
    }
}
