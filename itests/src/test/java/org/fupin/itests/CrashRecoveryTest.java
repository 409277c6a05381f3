package org.fupin.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.fupin.registry.csv.HouseholdCsvWriter;
import org.fupin.demo.internal.HouseholdGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * kill -9 in the middle of a large import: after a restart no household is half-stored and none that was
 * committed is lost — importing the same file again stores exactly the rest and finds the others unchanged.
 */
@Timeout(300)
class CrashRecoveryTest {
    static final int HOUSEHOLDS = 20_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path work;
    static final String PASSWORD = "crash-test-password";

    Process platform;
    int port;
    String token;

    @AfterEach
    void stop() throws InterruptedException {
        if (platform != null && platform.isAlive()) {
            platform.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void killedDuringImportLosesNothingCommittedAndLeavesNothingHalfStored() throws Exception {
        Path csv = work.resolve("households.csv");
        writeCsv(csv);
        Path dist = Path.of(System.getProperty("fupin.dist", "../distribution/target/fupin"));
        port = freePort();
        start(dist);

        var accepted = HTTP.send(importRequest(csv), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, accepted.statusCode(), accepted.body());
        String job = accepted.headers().firstValue("Location").orElseThrow();
        long before = awaitStoredBetween(1, HOUSEHOLDS - 1);
        platform.destroyForcibly(); // SIGKILL: no shutdown hook, no clean close
        platform.waitFor(10, TimeUnit.SECONDS);

        start(dist);
        long survived = total();
        JsonNode interrupted = JSON.readTree(HTTP.send(get(URI.create(job).getPath()),
                HttpResponse.BodyHandlers.ofString()).body());
        JsonNode again = finished(HTTP.send(importRequest(csv), HttpResponse.BodyHandlers.ofString()));

        assertTrue(survived >= before, "committed households lost: saw " + before + ", after restart " + survived);
        assertEquals(0, survived % 5000, "only whole batches commit, got " + survived);
        assertEquals("INTERRUPTED", interrupted.path("state").asText(), interrupted.toString());
        assertTrue(interrupted.path("counts").path("stored").asLong() <= survived, interrupted.toString());
        assertEquals(HOUSEHOLDS - survived, again.path("stored").asLong(), again.toString());
        assertEquals(survived, again.path("unchanged").asLong(), again.toString());
        assertEquals(0, again.path("rejected").asLong(), again.toString());
        assertEquals(HOUSEHOLDS, total());
    }

    /** The result of the import job an accepted upload started, once it ended. */
    private JsonNode finished(HttpResponse<String> accepted) throws Exception {
        assertEquals(202, accepted.statusCode(), accepted.body());
        String job = URI.create(accepted.headers().firstValue("Location").orElseThrow()).getPath();
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            JsonNode state = JSON.readTree(HTTP.send(get(job), HttpResponse.BodyHandlers.ofString()).body());
            if ("SUCCEEDED".equals(state.path("state").asText())) {
                return state.path("result");
            }
            assertTrue(List.of("QUEUED", "RUNNING").contains(state.path("state").asText()), state.toString());
            Thread.sleep(100);
        }
        throw new AssertionError("the import job did not end");
    }

    private void writeCsv(Path file) throws IOException {
        var known = List.of("620502101202", "620502101204", "620502101206", "620502101209", "620502101210");
        try (OutputStream out = Files.newOutputStream(file); var writer = new HouseholdCsvWriter(out)) {
            new HouseholdGenerator(77, LocalDate.of(2026, 11, 22)).generate(known, HOUSEHOLDS, h -> {
                try {
                    writer.write(h);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    /** Starts the platform (its first administrator's password from the environment) and signs in. */
    private void start(Path dist) throws Exception {
        var process = new ProcessBuilder(dist.resolve("bin/fupin").toString(), "--port", String.valueOf(port),
                "--data", work.resolve("data").toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("console.log").toFile()));
        process.environment().put("FUPIN_ADMIN_PASSWORD", PASSWORD);
        process.environment().put("FUPIN_ADMIN_REGION", "62");
        platform = process.start();
        token = null;
        // the first administrator is made in the background at the first start: sign in once the log says so
        // (guessing earlier would count as failed sign-ins and lock the account)
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            try {
                String console = Files.readString(work.resolve("console.log"), StandardCharsets.UTF_8);
                if (token == null && console.contains("created the province administrator 'admin'")
                        && HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/health"))
                                .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    var login = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/api/v1/auth/login")).header("Content-Type", "application/json").POST(HttpRequest
                                    .BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + PASSWORD
                                            + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, login.statusCode(), login.body());
                    token = JSON.readTree(login.body()).path("token").asText();
                }
                if (token != null && HTTP.send(get("/api/v1/regions/620502101202"),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("platform did not come up:\n" + Files.readString(work.resolve("console.log")));
    }

    private long awaitStoredBetween(long low, long high) throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            long total = total();
            if (total >= low && total <= high) {
                return total;
            }
            if (total > high) {
                throw new AssertionError("the import finished before it could be interrupted");
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the import never started storing");
    }

    private long total() throws Exception {
        return JSON.readTree(HTTP.send(get("/api/v1/households?region=620502&size=1"),
                HttpResponse.BodyHandlers.ofString()).body()).path("total").asLong();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).build();
    }

    private HttpRequest importRequest(Path csv) throws IOException {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/imports/households"))
                .header("Content-Type", "text/csv").header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(3))
                .POST(HttpRequest.BodyPublishers.ofFile(csv)).build();
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
