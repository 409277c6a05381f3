package org.fupin.web.internal;

import java.util.List;

import org.fupin.web.api.ApiError;
import org.fupin.web.api.FieldError;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds responses in the error contract {@code {"error":{"code","message","fields"}}}. */
final class ErrorResponses {
    static final MediaType JSON_UTF8 = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");

    private ErrorResponses() {
    }

    static Response of(int status, String code, String message) {
        return of(status, new ApiError(code, message, List.of()));
    }

    static Response of(int status, String code, String message, List<FieldError> fields) {
        return of(status, new ApiError(code, message, fields));
    }

    static Response of(int status, ApiError error) {
        return Response.status(status).type(JSON_UTF8).entity(new ApiError.Envelope(error)).build();
    }
}
