package org.fupin.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import org.fupin.web.api.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

class JsonBodyLimitTest {
    /** A request body as a resource receives it. */
    record Note(String text) {
    }

    private final ObjectMapper mapper = ObjectMappers.api();
    private final JsonBodyLimit limit = new JsonBodyLimit(1);

    @ParameterizedTest(name = "{0}, {1} bytes, Content-Length {2}: {3}")
    @CsvSource(textBlock = """
            application/json,                  1024,     , read
            application/json;charset=UTF-8,    1025,     , 413
            application/json,                  20000,    , 413
            application/json,                  1025, 1025, 413
            application/merge-patch+json,      1025,     , 413
            text/csv,                          20000,    , read
            application/octet-stream,          20000,    , read
            """)
    void boundsJsonBodiesOnly(String type, int bytes, Long contentLength, String outcome) throws IOException {
        var context = context(type, contentLength, body(bytes));

        if ("read".equals(outcome)) {
            assertEquals(bytes, ((Note) limit.aroundReadFrom(context)).text().length() + 12);
        } else {
            var refused = assertThrows(ApiException.class, () -> limit.aroundReadFrom(context));
            assertEquals(413, refused.status());
            assertEquals("payload_too_large", refused.error().code());
            assertEquals("the JSON request body is over the limit of 1024 bytes (1 KiB)", refused.getMessage());
            assertEquals("body", refused.error().fields().get(0).field());
        }
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeAnythingIsRead() throws IOException {
        var context = context("application/json", 1_000_000_000L, body(20));

        assertEquals(413, assertThrows(ApiException.class, () -> limit.aroundReadFrom(context)).status());
        verify(context, never()).proceed();
    }

    /** {"text":"aaa…"} of exactly {@code bytes} bytes. */
    private static byte[] body(int bytes) {
        return ("{\"text\":\"" + "a".repeat(bytes - 12) + "\"}\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A context whose proceed() reads the body with the API's Jackson configuration, as the JSON provider does. */
    private ReaderInterceptorContext context(String type, Long contentLength, byte[] body) throws IOException {
        var context = mock(ReaderInterceptorContext.class);
        var stream = new AtomicReference<InputStream>(new ByteArrayInputStream(body));
        var headers = new MultivaluedHashMap<String, String>();
        if (contentLength != null) {
            headers.putSingle("Content-Length", String.valueOf(contentLength));
        }
        when(context.getMediaType()).thenReturn(MediaType.valueOf(type));
        when(context.getHeaders()).thenReturn(headers);
        when(context.getInputStream()).thenAnswer(i -> stream.get());
        doAnswer(i -> {
            stream.set(i.getArgument(0));
            return null;
        }).when(context).setInputStream(any());
        when(context.proceed()).thenAnswer(i -> mapper.readValue(stream.get(), Note.class));
        return context;
    }
}
