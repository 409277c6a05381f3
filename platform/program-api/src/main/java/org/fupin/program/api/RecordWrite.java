package org.fupin.program.api;

import java.time.LocalDate;
import java.util.Map;

/**
 * A write to one of the program's records, as its rules see it before it is stored: the record's creation, new
 * values, one of its type's actions or a dated entry.
 *
 * @param kind   what the write does
 * @param name   the action or entry type ({@code null} for a creation or new values)
 * @param record the record as it stands before the write; for a creation, the record to be created (no id, its
 *               initial state, the new values)
 * @param data   the write's values, typed by their form: the record's form (creation, new values), the action's form
 *               (empty without one) or the entry type's form
 * @param date   an entry's date; {@code null} for the other writes
 */
public record RecordWrite(Kind kind, String name, ProgramRecord record, Map<String, Object> data, LocalDate date,
        String note) {
    public enum Kind {
        CREATE, EDIT, ACTION, ENTRY
    }

    public RecordWrite {
        data = Map.copyOf(data);
    }
}
