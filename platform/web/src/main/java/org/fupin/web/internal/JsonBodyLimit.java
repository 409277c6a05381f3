package org.fupin.web.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.fupin.web.api.ApiException;
import org.fupin.web.api.FieldError;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

/**
 * Bounds JSON request bodies: a Content-Length over the limit is refused before anything is read, and a body
 * without one (chunked) is cut off where it passes the limit; either way 413 naming the limit. Other media types
 * are left alone: CSV imports and plugin jars have limits of their own, far larger.
 */
final class JsonBodyLimit implements ReaderInterceptor {
    private final long maxBytes;

    JsonBodyLimit(int maxKibibytes) {
        this.maxBytes = maxKibibytes * 1024L;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!isJson(context.getMediaType())) {
            return context.proceed();
        }
        String length = context.getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH);
        if (length != null && declaredLength(length) > maxBytes) {
            throw tooLarge();
        }
        context.setInputStream(new Bounded(context.getInputStream()));
        try {
            return context.proceed();
        } catch (IOException | RuntimeException e) {
            // Jackson passes our IOException through, but a deserializer may wrap it
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof LimitPassed) {
                    throw tooLarge();
                }
            }
            throw e;
        }
    }

    static boolean isJson(MediaType type) {
        return type != null && "application".equals(type.getType())
                && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            // the container refuses a malformed Content-Length before we see it; bound the stream regardless
            return -1;
        }
    }

    private ApiException tooLarge() {
        return new ApiException(413, "payload_too_large", "the JSON request body is over the limit of " + maxBytes
                + " bytes (" + maxBytes / 1024 + " KiB)",
                List.of(new FieldError("body", "at most " + maxBytes + " bytes")));
    }

    /** Thrown by the bounded stream; an IOException so that Jackson passes it on unwrapped. */
    private static final class LimitPassed extends IOException {
        private static final long serialVersionUID = 1L;

        LimitPassed() {
            super("request body larger than the limit");
        }
    }

    /** Counts what is read and fails on the first byte past the limit. */
    private final class Bounded extends FilterInputStream {
        private long read;

        Bounded(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long bytes) throws LimitPassed {
            read += bytes;
            if (read > maxBytes) {
                throw new LimitPassed();
            }
        }
    }
}
