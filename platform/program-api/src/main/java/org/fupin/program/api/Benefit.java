package org.fupin.program.api;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.fupin.registry.model.LocalizedText;

/** A stored benefit: which program gave how much to which household (and member), for which period, on which day. */
public record Benefit(String programId, String applicationId, String householdId, String memberId, String period,
        int year, LocalizedText periodLabel, BigDecimal amount, LocalDate grantedOn) {
}
