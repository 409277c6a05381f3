package org.fupin.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import org.osgi.framework.BundleContext;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.util.tracker.ServiceTracker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real HTTP client for the platform running in this framework; finds the port Jetty actually bound. An
 * instance is anonymous, or signed in as one user ({@link #signIn}) and then sends that user's bearer token
 * with every request.
 */
public final class Api {
    /** The first province administrator (region 62) that itest.bndrun has the accounts bundle create. */
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "itest-admin-password";
    /** The password of the users the tests make. */
    public static final String USER_PASSWORD = "itest-user-password";

    public record Reply(int status, String contentType, String body, JsonNode json,
            java.net.http.HttpHeaders headers) {
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    private final String token;

    private Api(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /**
     * Signed in as the first province administrator as soon as the platform says it is ready: readiness waits for
     * that administrator (made in the background at the first start), so signing in cannot come too early.
     */
    public static Api admin(BundleContext context) throws InterruptedException {
        Api anonymous = of(context);
        anonymous.await("/api/v1/health", r -> r.status() == 200, Duration.ofSeconds(60));
        return anonymous.signIn(ADMIN, ADMIN_PASSWORD);
    }

    /** The same platform as {@code username}; fails unless the sign-in succeeds. */
    public Api signIn(String username, String password) {
        Reply reply = send("POST", "/api/v1/auth/login",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        if (reply.status() != 200) {
            throw new AssertionError("sign-in of " + username + " failed: " + reply.status() + " " + reply.body());
        }
        return new Api(base, reply.json().path("token").asText());
    }

    /**
     * Makes a user through the admin API (unless the name is taken already) and signs them in, with the
     * password {@value #USER_PASSWORD}. {@code agency} may be null.
     */
    public Api user(String username, String region, String agency, String role) {
        Reply created = send("POST", "/api/v1/admin/users", """
                {"username":"%s","displayName":"测试","password":"%s","region":"%s",%s"roles":["%s"]}"""
                .formatted(username, USER_PASSWORD, region, agency == null ? "" : "\"agency\":\"" + agency + "\",",
                        role));
        if (created.status() != 201 && created.status() != 409) {
            throw new AssertionError("user " + username + " not created: " + created.status() + " " + created.body());
        }
        return signIn(username, USER_PASSWORD);
    }

    /** The same platform without credentials. */
    public Api anonymous() {
        return new Api(base, null);
    }

    public String token() {
        return token;
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
            return new Api(URI.create("http://127.0.0.1:" + uri.getPort()), null);
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

    /**
     * Sends a body the server is expected to refuse on its size, once, the way browsers and most libraries send:
     * the whole body without waiting for {@code 100-continue}, on a connection of its own. The answer must arrive,
     * not a connection reset.
     */
    public Reply sendOversized(String method, String path, String contentType, byte[] body) {
        // a plain socket, as Python's http.client and browsers do it: the request whole, then the answer
        try (var socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(60_000);
            String head = method + " " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.length
                    + (token == null ? "" : "\r\nAuthorization: Bearer " + token) + "\r\nConnection: close\r\n\r\n";
            var out = socket.getOutputStream();
            out.write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            byte[] answer = socket.getInputStream().readAllBytes();
            int end = indexOf(answer, "\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0);
            String answerHead = new String(answer, 0, end, java.nio.charset.StandardCharsets.ISO_8859_1);
            int status = Integer.parseInt(answerHead.substring(9, 12));
            String type = answerHead.lines().filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:"))
                    .map(l -> l.substring(13).strip()).findFirst().orElse("");
            var content = new java.io.ByteArrayOutputStream();
            if (answerHead.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
                int at = end + 4;
                for (int size; ; at += size + 2) {
                    int line = indexOf(answer, new byte[] { '\r', '\n' }, at);
                    size = Integer.parseInt(new String(answer, at, line - at, java.nio.charset.StandardCharsets.US_ASCII)
                            .strip(), 16);
                    at = line + 2;
                    if (size == 0) {
                        break;
                    }
                    content.write(answer, at, size);
                }
            } else {
                content.write(answer, end + 4, answer.length - end - 4);
            }
            String text = content.toString(java.nio.charset.StandardCharsets.UTF_8);
            Exchanges.record(method, URI.create(path).getPath(), status, type, text);
            return new Reply(status, type, text, type.startsWith("application/json") ? parse(text) : null,
                    java.net.http.HttpHeaders.of(java.util.Map.of(), (name, value) -> true));
        } catch (IOException e) {
            throw new UncheckedIOException("no answer to a " + body.length + "-byte body, only " + e, e);
        }
    }

    private static int indexOf(byte[] bytes, byte[] part, int from) {
        for (int i = from; i <= bytes.length - part.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        throw new IllegalStateException("not an HTTP answer");
    }

    /** Sends raw bytes (a jar, a CSV) with the given content type. */
    public Reply upload(String path, byte[] body, String contentType) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /**
     * Follows the job an accepted request ({@code 202} with {@code Location}) started until it ends, and returns
     * its last state.
     */
    public Reply awaitJob(Reply accepted) throws InterruptedException {
        if (accepted.status() != 202) {
            throw new AssertionError("not accepted as a job: " + accepted.status() + " " + accepted.body());
        }
        String job = URI.create(accepted.header("Location")).getPath();
        return await(job, r -> r.status() == 200 && java.util.Set.of("SUCCEEDED", "FAILED", "CANCELLED",
                "INTERRUPTED").contains(r.json().path("state").asText()), Duration.ofSeconds(120));
    }

    /**
     * Sends every request at once (one thread each, released together) and returns the replies in the order of the
     * requests: for limits that must hold when requests race.
     */
    public static List<Reply> atOnce(List<java.util.function.Supplier<Reply>> requests) throws InterruptedException {
        var gate = new java.util.concurrent.CountDownLatch(1);
        Reply[] replies = new Reply[requests.size()];
        List<Thread> clients = new java.util.ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            int index = i;
            Thread client = new Thread(() -> {
                try {
                    gate.await();
                    replies[index] = requests.get(index).get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            client.start();
            clients.add(client);
        }
        gate.countDown();
        for (Thread client : clients) {
            client.join();
        }
        return List.of(replies);
    }

    /** The field the first reason of a refusal names, e.g. {@code data.student}. */
    public static String firstField(Reply refusal) {
        return refusal.json().path("error").path("fields").get(0).path("field").asText();
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
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpRequest sent = request.timeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> response = CLIENT.send(sent, HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            Exchanges.record(sent.method(), sent.uri().getPath(), response.statusCode(), type, response.body());
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
