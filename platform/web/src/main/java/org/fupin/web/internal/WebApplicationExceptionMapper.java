package org.fupin.web.internal;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Failures the JAX-RS runtime raises itself (no such path, wrong method, unsupported media type …) as JSON. */
final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Context
    private UriInfo uriInfo;

    @Context
    private Request request;

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String path = uriInfo == null ? "" : uriInfo.getRequestUri().getRawPath();
        Response response = switch (status) {
            case 400 -> ErrorResponses.of(400, "bad_request", "The request is malformed: " + safeMessage(e));
            case 404 -> ErrorResponses.of(404, "not_found", "No resource at " + path);
            case 405 -> ErrorResponses.of(405, "method_not_allowed",
                    "Method " + (request == null ? "" : request.getMethod()) + " is not allowed on " + path);
            case 406 -> ErrorResponses.of(406, "not_acceptable", "No representation matches the Accept header");
            case 413 -> ErrorResponses.of(413, "payload_too_large", "The request body is too large");
            case 415 -> ErrorResponses.of(415, "unsupported_media_type", "Content-Type "
                    + (headers == null ? "" : String.valueOf(headers.getMediaType()) + " ")
                    + "is not accepted by " + path);
            default -> ErrorResponses.of(status, status >= 500 ? "internal_error" : "request_failed",
                    e.getResponse().getStatusInfo().getReasonPhrase());
        };
        if (e instanceof NotAllowedException) {
            // keep the Allow header the runtime computed, so a client can see which methods exist
            String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
            if (allow != null) {
                return Response.fromResponse(response).header(HttpHeaders.ALLOW, allow).build();
            }
        }
        return response;
    }

    /** Only the runtime's own short messages go to the client, never a nested cause. */
    private static String safeMessage(WebApplicationException e) {
        return e.getCause() == null && e.getMessage() != null ? e.getMessage() : "invalid request";
    }
}
