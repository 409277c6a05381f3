package org.fupin.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Every request the tests make through {@link Api} and its answer, one JSON line each, in the file the framework
 * property {@value #PROPERTY} names: after the OSGi tests, {@code OpenApiContractTest} validates each against
 * the published OpenAPI description, and checks that every operation in it was exercised.
 */
final class Exchanges {
    static final String PROPERTY = "fupin.itest.exchanges";
    /** Larger bodies (exports) are recorded without their content: their status and type are still checked. */
    private static final int LARGEST_BODY = 2 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FILE = System.getProperty(PROPERTY) == null ? null : Path.of(System.getProperty(PROPERTY));

    private Exchanges() {
    }

    static synchronized void record(String method, String path, int status, String contentType, String body) {
        if (FILE == null) {
            return;
        }
        ObjectNode line = JSON.createObjectNode().put("method", method).put("path", path).put("status", status)
                .put("contentType", contentType);
        if (body != null && body.length() <= LARGEST_BODY) {
            line.put("body", body);
        }
        try {
            Files.writeString(FILE, JSON.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
