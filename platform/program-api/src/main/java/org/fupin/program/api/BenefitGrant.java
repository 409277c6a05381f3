package org.fupin.program.api;

import java.math.BigDecimal;

import org.fupin.registry.model.LocalizedText;

/**
 * A benefit a step grants, as the rule computes it; the platform stores it as a {@link Benefit}.
 *
 * @param period      stable key of the period it is for; keys must sort in time order (reports list periods by key),
 *                    e.g. {@code 2026-09} for the autumn term 2026 and {@code 2027-02} for the spring term 2027
 * @param year        the calendar year reports count it in
 * @param periodLabel the period for people, e.g. 2026年秋季学期
 * @param amount      yuan, at most two decimals, not negative
 */
public record BenefitGrant(String period, int year, LocalizedText periodLabel, BigDecimal amount) {
    public BenefitGrant {
        if (amount == null || amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("amount must be yuan with at most two decimals: " + amount);
        }
    }
}
