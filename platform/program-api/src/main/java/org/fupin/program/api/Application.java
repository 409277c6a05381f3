package org.fupin.program.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An application (申请) to a program for a household, and for one member when the application form has a MEMBER
 * field. The platform stores it with the household's village code, so scoping and reports never need the plugin.
 *
 * @param data        the application form's values, converted per {@link FieldType}
 * @param noticeEnds  the last day of the running public notice, or {@code null}
 * @param steps       what happened to it, oldest first (filing included)
 * @param benefits    what it granted, oldest first
 * @param deadline    the last working day it may stay in its state ({@link State#deadlineParameter()}), or
 *                    {@code null}
 * @param overdue     its deadline has passed (on the platform's today)
 */
public record Application(String id, String programId, String householdId, String memberId, String villageCode,
        String state, Map<String, Object> data, long version, LocalDate noticeEnds, List<StepRecord> steps,
        List<Benefit> benefits, Instant createdAt, Instant updatedAt, LocalDate deadline, boolean overdue) {
    public Application(String id, String programId, String householdId, String memberId, String villageCode,
            String state, Map<String, Object> data, long version, LocalDate noticeEnds, List<StepRecord> steps,
            List<Benefit> benefits, Instant createdAt, Instant updatedAt) {
        this(id, programId, householdId, memberId, villageCode, state, data, version, noticeEnds, steps, benefits,
                createdAt, updatedAt, null, false);
    }

    public Application {
        data = data == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
        steps = steps == null ? List.of() : List.copyOf(steps);
        benefits = benefits == null ? List.of() : List.copyOf(benefits);
    }
}
