package org.fupin.program.api;

import java.time.Instant;
import java.util.Map;

/** One workflow step as recorded: who took which action when, from which state to which, with note and data. */
public record StepRecord(String action, String fromState, String toState, String actor, Instant at, String note,
        Map<String, Object> data) {
    public StepRecord {
        data = data == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
    }
}
