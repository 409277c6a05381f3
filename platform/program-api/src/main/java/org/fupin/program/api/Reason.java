package org.fupin.program.api;

import org.fupin.registry.model.LocalizedText;

/**
 * Why a rule decided as it did.
 *
 * @param rule     stable rule id, e.g. {@code yulu.one-payment-per-term}
 * @param field    the form field the reason is about, or {@code null}
 * @param memberId the household member the reason is about, or {@code null}
 */
public record Reason(String rule, String field, String memberId, LocalizedText message) {
    public static Reason of(String rule, LocalizedText message) {
        return new Reason(rule, null, null, message);
    }

    public static Reason onField(String rule, String field, LocalizedText message) {
        return new Reason(rule, field, null, message);
    }

    public static Reason onMember(String rule, String memberId, LocalizedText message) {
        return new Reason(rule, null, memberId, message);
    }
}
