package org.fupin.registry.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One step of a household's status history: 新识别 (from is null), 脱贫, 返贫, 剔除, 自然销户, …
 *
 * @param date   the date the change took effect (e.g. the announcement date)
 * @param reason why, in words; required for every change
 */
public record StatusChange(HouseholdStatus from, HouseholdStatus to, LocalDate date, String reason, String actor,
        Instant recordedAt) {
}
