package org.fupin.web.internal;

import org.fupin.web.api.ApiException;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** A resource's deliberate error: its status and body as given. */
final class ApiExceptionMapper implements ExceptionMapper<ApiException> {
    @Override
    public Response toResponse(ApiException e) {
        return ErrorResponses.of(e.status(), e.error());
    }
}
