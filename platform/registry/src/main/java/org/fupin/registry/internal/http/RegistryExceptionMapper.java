package org.fupin.registry.internal.http;

import java.util.List;
import java.util.Locale;

import org.fupin.registry.api.AccessDeniedException;
import org.fupin.registry.api.ConflictException;
import org.fupin.registry.api.NotFoundException;
import org.fupin.registry.api.NotSignedInException;
import org.fupin.registry.api.RegistryException;
import org.fupin.registry.api.ValidationException;
import org.fupin.web.api.ApiError;
import org.fupin.web.api.FieldError;
import org.fupin.web.api.Language;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Registry (and program) failures in the JSON error contract, in the caller's language: 422, 403, 404 and 409. */
@Component(service = ExceptionMapper.class)
@JakartarsExtension
@JakartarsName(RegistryExceptionMapper.NAME)
public class RegistryExceptionMapper implements ExceptionMapper<RegistryException> {
    static final String NAME = "fupin.registry.errors";

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(RegistryException e) {
        Locale language = Language.of(headers == null ? List.of() : headers.getAcceptableLanguages());
        int status;
        String code;
        List<FieldError> fields = List.of();
        if (e instanceof ValidationException validation) {
            status = 422;
            code = "validation_failed";
            fields = validation.violations().stream()
                    .map(v -> new FieldError(v.field(), v.message().in(language))).toList();
        } else if (e instanceof ConflictException conflict) {
            status = 409;
            code = conflict.code();
        } else if (e instanceof NotSignedInException) {
            status = 401;
            code = "authentication_required";
        } else if (e instanceof AccessDeniedException) {
            status = 403;
            code = "forbidden";
        } else if (e instanceof NotFoundException) {
            status = 404;
            code = "not_found";
        } else {
            status = 400;
            code = "bad_request";
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(new ApiError.Envelope(new ApiError(code, e.text().in(language), fields))).build();
    }
}
