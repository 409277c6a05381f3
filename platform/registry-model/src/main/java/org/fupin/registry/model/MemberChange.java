package org.fupin.registry.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A member joining or leaving a household (人口自然变更), with the member as they were at that moment.
 *
 * @param joined true when the member joined, false when they left
 */
public record MemberChange(boolean joined, Member member, MemberChangeReason reason, LocalDate date, String note,
        String actor, Instant recordedAt) {
}
