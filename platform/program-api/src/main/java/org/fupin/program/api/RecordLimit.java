package org.fupin.program.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * A limit over a program's records of one type, enforced by the platform inside the transaction that creates or
 * changes a record, so that records created together cannot pass it: the sum of a number field (or the count) of the
 * records in the given states, per household or per county, at most a fixed amount, a parameter, or a multiple of a
 * balance kept by other records (a county lends at most ten times its risk fund).
 *
 * @param rule       stable id reported with the refusal, e.g. {@code microcredit.county-cap}
 * @param field      the number field of the record's form summed, or {@code null} to count records
 * @param per        whose records are counted together
 * @param states     the states of the records counted, the one written included
 * @param max        the largest sum or count, or {@code null}
 * @param maxParameter a declared parameter giving it for the county this year, or {@code null}
 * @param maxBalance the balance of other records giving it, or {@code null}; exactly one of the three is given
 */
public record RecordLimit(String rule, String field, Per per, List<String> states, BigDecimal max, String maxParameter,
        Balance maxBalance) {
    public enum Per {
        HOUSEHOLD, COUNTY
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
        int sources = (max == null ? 0 : 1) + (maxParameter == null ? 0 : 1) + (maxBalance == null ? 0 : 1);
        if (rule == null || rule.isBlank() || per == null || sources != 1) {
            throw new IllegalArgumentException("a record limit needs a rule id, whom it counts per and one maximum");
        }
    }
}
