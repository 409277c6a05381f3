package org.fupin.web.api;

import java.util.List;

/** Query parameters every resource reads the same way: 400 {@code bad_request} naming the parameter and the reason. */
public final class QueryParameters {
    private QueryParameters() {
    }

    /** A whole number within [{@code min}, {@code max}], or {@code defaultValue} (may be null) when absent. */
    public static Integer integer(String name, String value, Integer defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(name, "must be a whole number from " + min + " to " + max + ", got '" + value + "'");
    }

    public static ApiException invalid(String name, String reason) {
        return ApiException.badRequest("invalid query parameter " + name + ": " + reason,
                List.of(new FieldError(name, reason)));
    }
}
