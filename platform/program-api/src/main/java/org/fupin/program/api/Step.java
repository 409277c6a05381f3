package org.fupin.program.api;

import java.util.Map;

/**
 * A step a rule is asked about: filing an application ({@link #FILE}) or a workflow action on it.
 *
 * @param application the application as it stands before the step (for filing: the one being filed, id
 *                    {@code null}, in the initial state)
 * @param data        the step's form values, converted per {@link FieldType} (for filing: the application data)
 * @param note        the user's note, or {@code null}
 */
public record Step(String action, Application application, Map<String, Object> data, String note) {
    public static final String FILE = "file";

    public Step {
        data = data == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
    }

    public boolean isFiling() {
        return FILE.equals(action);
    }
}
