package org.fupin.web.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.fupin.web.api.FieldError;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * A body that is not valid JSON, JSON of the wrong shape, or JSON past the parser's limits is the client's error:
 * 400 naming the field, the position or the limits, never a 500 and never Jackson's internal message.
 */
final class JsonProcessingExceptionMapper implements ExceptionMapper<JsonProcessingException> {
    @Override
    public Response toResponse(JsonProcessingException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamConstraintsException) {
                return ErrorResponses.of(400, "malformed_json", "The request body is over a limit: at most "
                        + ObjectMappers.MAX_NESTING_DEPTH + " levels of nesting and "
                        + ObjectMappers.MAX_STRING_LENGTH + " characters in a text");
            }
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = pathOf(mapping);
            String reason = e instanceof InvalidFormatException || e instanceof MismatchedInputException
                    ? "has the wrong type" + expected(mapping)
                    : "cannot be read";
            return ErrorResponses.of(400, "malformed_json", "The request body does not have the expected shape",
                    List.of(new FieldError(field, field + " " + reason)));
        }
        JsonLocation location = e.getLocation();
        String where = location == null ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return ErrorResponses.of(400, "malformed_json", "The request body is not valid JSON" + where);
    }

    private static String expected(JsonMappingException e) {
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return " (expected " + describe(mismatch.getTargetType()) + ")";
        }
        return "";
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "text";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isArray() || Iterable.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }

    static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
