package org.fupin.programs.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.fupin.program.api.Benefit;
import org.fupin.program.api.StepRecord;

/**
 * An application as stored, before its data is read back through the program's form; {@code deadline} is the last
 * working day it may stay in its state, or {@code null}.
 */
record ApplicationRow(String id, String program, String householdId, String memberId, String village, String state,
        String dataJson, long version, LocalDate noticeEnds, LocalDate deadline, int filedYear, Instant createdAt,
        Instant updatedAt, List<StepRow> steps, List<Benefit> benefits) {

    record StepRow(String action, String fromState, String toState, String actor, Instant at, String note,
            String dataJson) {
    }

    /** A step ready to be written: the record and its data as JSON. */
    record NewStep(StepRecord record, String dataJson) {
    }
}
