package org.fupin.web.internal;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Anything else is our fault: the client gets a 500 with an incident id and no internals; the log gets the
 * stack trace under the same id.
 */
final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Throwable e) {
        String incident = UUID.randomUUID().toString();
        LOG.error("Unhandled error, incident {}", incident, e);
        return ErrorResponses.of(500, "internal_error", "Internal error; incident " + incident);
    }
}
