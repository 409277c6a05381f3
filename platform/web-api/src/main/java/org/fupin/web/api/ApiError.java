package org.fupin.web.api;

import java.util.List;
import java.util.Objects;

/**
 * The body of every error response, wrapped as {@code {"error": …}}.
 *
 * @param code    stable, machine-readable reason such as {@code not_found} or {@code validation_failed}
 * @param message human-readable explanation in the caller's language
 * @param fields  field-level problems; empty when the error is not about input fields
 */
public record ApiError(String code, String message, List<FieldError> fields) {
    public ApiError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /** The JSON envelope {@code {"error": …}}. */
    public record Envelope(ApiError error) {
    }
}
