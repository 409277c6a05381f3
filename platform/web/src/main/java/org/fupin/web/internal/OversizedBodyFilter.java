package org.fupin.web.internal;

import java.io.IOException;
import java.io.InputStream;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterDispatcher;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Lets a client that sends a too-large body read its 413. The API refuses an over-limit body (JSON, a CSV import,
 * a plugin jar) before reading it all; closing the connection then, while the client is still sending — browsers
 * and most HTTP libraries send the whole body without waiting for {@code 100-continue} — makes the client see a
 * connection reset instead of the answer. So after a 413, the rest of the body is read and thrown away, up to
 * {@code maxDiscardMebibytes}; only a body larger still is cut off. The same after any other refusal that came
 * before the body was read (401, a 403 of {@code @RolesAllowed}): left unread, the body made the server drop the
 * connection, and a client that had already sent its next request on it got no answer at all.
 */
@Component(service = Filter.class, configurationPid = OversizedBodyFilter.PID)
@Designate(ocd = OversizedBodyFilter.Config.class)
@HttpWhiteboardFilterPattern("/*")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=*)")
@HttpWhiteboardFilterDispatcher(DispatcherType.REQUEST)
public class OversizedBodyFilter implements Filter {
    static final String PID = "org.fupin.web.oversized";

    @ObjectClassDefinition(name = "Fupin oversized request bodies",
            description = "How much of a refused (413) body is read so that the client receives the answer")
    public @interface Config {
        @AttributeDefinition(name = "Largest refused body read to its end (MiB)", min = "0")
        int maxDiscardMebibytes() default 256;
    }

    private final long maxDiscard;

    @Activate
    public OversizedBodyFilter(Config config) {
        this.maxDiscard = config.maxDiscardMebibytes() * 1024L * 1024L;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, response);
        if (response instanceof HttpServletResponse http && http.getStatus() >= 400
                && request.getContentLengthLong() <= maxDiscard) {
            discard(request.getInputStream());
        }
    }

    /** Reads what is left of the body, at most the bound (a chunked body declares no length). */
    private void discard(InputStream body) {
        byte[] buffer = new byte[64 * 1024];
        long left = maxDiscard;
        try {
            for (int n; left > 0 && (n = body.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0;) {
                left -= n;
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away or the body was already consumed as a reader: nothing more to do
        }
    }
}
