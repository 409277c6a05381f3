package org.fupin.web.api;

import java.util.Objects;

/** One problem with one input field: {@code field} is the JSON path of the field as the client sent it. */
public record FieldError(String field, String message) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
