package org.fupin.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import org.osgi.framework.BundleContext;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.util.tracker.ServiceTracker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A real HTTP client for the platform running in this framework; finds the port Jetty actually bound. */
public final class Api {
    public record Reply(int status, String contentType, String body, JsonNode json,
            java.net.http.HttpHeaders headers) {
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    private Api(URI base) {
        this.base = base;
    }

    /** Waits for the HTTP runtime to announce its endpoint. */
    public static Api of(BundleContext context) throws InterruptedException {
        var tracker = new ServiceTracker<HttpServiceRuntime, HttpServiceRuntime>(context, HttpServiceRuntime.class, null);
        tracker.open();
        try {
            if (tracker.waitForService(20_000) == null) {
                throw new AssertionError("no HttpServiceRuntime within 20 s");
            }
            Object endpoint = tracker.getServiceReference().getProperty("osgi.http.endpoint");
            String first = endpoint instanceof String[] all ? all[0] : endpoint instanceof java.util.Collection<?> c
                    ? String.valueOf(c.iterator().next()) : String.valueOf(endpoint);
            URI uri = URI.create(first);
            // the runtime may announce 0.0.0.0: talk to loopback
            return new Api(URI.create("http://127.0.0.1:" + uri.getPort()));
        } finally {
            tracker.close();
        }
    }

    public URI base() {
        return base;
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    /** Sends a JSON body (or none) with extra headers given as name, value, name, value … */
    public Reply send(String method, String path, String body, String... headers) {
        var request = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    /** Sends raw bytes (a jar, a CSV) with the given content type. */
    public Reply upload(String path, byte[] body, String contentType) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Repeats a GET until the reply satisfies the condition, or fails after the timeout with the last reply. */
    public Reply await(String path, Predicate<Reply> condition, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Reply last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = get(path);
                if (condition.test(last)) {
                    return last;
                }
            } catch (UncheckedIOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("GET " + path + " did not reach the expected state within " + timeout
                + "; last reply: " + (last == null ? "none" : last.status() + " " + last.body()));
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = type.startsWith("application/json") ? JSON.readTree(response.body()) : null;
            return new Reply(response.statusCode(), type, response.body(), json, response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
