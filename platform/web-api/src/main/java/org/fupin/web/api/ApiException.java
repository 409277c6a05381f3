package org.fupin.web.api;

import java.util.List;

/**
 * Thrown by any resource to answer with a JSON error; the web bundle maps it to its status and body.
 * The message must be safe to show to the client: it never carries internal details.
 */
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final ApiError error;

    public ApiException(int status, String code, String message) {
        this(status, code, message, List.of());
    }

    public ApiException(int status, String code, String message, List<FieldError> fields) {
        super(message);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("not an error status: " + status);
        }
        this.status = status;
        this.error = new ApiError(code, message, fields);
    }

    public int status() {
        return status;
    }

    public ApiError error() {
        return error;
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message);
    }

    public static ApiException badRequest(String message, List<FieldError> fields) {
        return new ApiException(400, "bad_request", message, fields);
    }
}
