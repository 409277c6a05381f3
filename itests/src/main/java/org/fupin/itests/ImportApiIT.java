package org.fupin.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Hashtable;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

import com.fasterxml.jackson.databind.JsonNode;

/** CSV import and export over real HTTP: encodings, rejections, idempotence, size limits. */
@Timeout(120)
class ImportApiIT {
    static final String HEADER = "户编号,村代码,识别标准,贫困户属性,主要致贫原因,姓名,性别,身份证号,与户主关系\n";
    static Api api;
    static int births;

    @BeforeAll
    static void waitForRegistry(@InjectBundleContext BundleContext context) throws InterruptedException {
        api = Api.admin(context);
        api.await("/api/v1/regions/620502101202", r -> r.status() == 200, Duration.ofSeconds(60));
    }

    static String id(boolean male) {
        births++;
        return RegistryApiIT.id(LocalDate.of(1940, 6, 1).plusDays(births * 3L), male ? 2 * births + 1 : 2 * births);
    }

    static String household(String key) {
        return key + ",620502101202,国家标准,低保贫困户,因残,赵大山,男," + id(true) + ",户主\n"
                + key + ",,,,,钱秀芳,女," + id(false) + ",配偶\n";
    }

    /** The import's result once its job succeeded; or, for a refusal, the error. */
    private JsonNode post(String path, byte[] body, int expected) throws Exception {
        var response = api.upload(path, body, "text/csv");
        if (expected != 200) {
            assertEquals(expected, response.status(), response.body());
            return response.json();
        }
        assertEquals(202, response.status(), response.body());
        assertTrue(response.header("Location").contains("/api/v1/jobs/"), response.header("Location"));
        var job = api.awaitJob(response);
        assertEquals("SUCCEEDED", job.json().path("state").asText(), job.body());
        return job.json().path("result");
    }

    @Test
    void importsGbkReportsRejectionsAndIsIdempotent() throws Exception {
        String csv = HEADER + household("1") + household("2")
                + "3,620502101202,国家标准,一般贫困户,因病,孙小,男,12345,户主\n";
        byte[] gbk = csv.getBytes(Charset.forName("GBK"));

        JsonNode dry = post("/api/v1/imports/households?dryRun=true", gbk, 200);
        JsonNode first = post("/api/v1/imports/households", gbk, 200);
        JsonNode again = post("/api/v1/imports/households", gbk, 200);

        assertEquals(true, dry.path("dryRun").asBoolean());
        assertEquals(2, dry.path("stored").asInt());
        assertEquals("GBK", first.path("charset").asText());
        assertEquals(2, first.path("stored").asInt());
        assertEquals(1, first.path("rejected").asInt());
        JsonNode rejection = first.path("rejections").get(0);
        assertEquals(6, rejection.path("line").asInt());
        assertEquals("身份证号", rejection.path("column").asText());
        assertEquals(0, again.path("stored").asInt());
        assertEquals(2, again.path("unchanged").asInt());
    }

    @Test
    void anImportIsAJobWhoseRejectionsDownloadAsCsvAndXlsxWithinTheRegion() throws Exception {
        String csv = HEADER + household("R1") + "R2,620502101202,国家标准,一般贫困户,因病,孙小,男,12345,户主\n"
                + "R3,620502101202,国家标准,一般贫困户,因病,孙大,男,54321,户主\n";
        var accepted = api.upload("/api/v1/imports/households", csv.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertEquals(202, accepted.status(), accepted.body());
        assertEquals("household-import", accepted.json().path("kind").asText());
        var job = api.awaitJob(accepted);
        String id = job.json().path("id").asText();
        assertEquals(2, job.json().path("counts").path("rejected").asInt(), job.body());
        assertEquals(100, job.json().path("percent").asInt(), job.body());

        var rejections = api.get("/api/v1/imports/households/" + id + "/rejections");
        assertEquals(200, rejections.status(), rejections.body());
        assertTrue(rejections.contentType().startsWith("text/csv"), rejections.contentType());
        assertTrue(rejections.body().startsWith("\uFEFF行号,户编号,列,原因"), rejections.body());
        assertEquals(3, rejections.body().strip().lines().count(), rejections.body());
        var xlsx = api.get("/api/v1/imports/households/" + id + "/rejections?format=xlsx");
        assertEquals(200, xlsx.status());
        assertTrue(xlsx.contentType().startsWith("application/vnd.openxmlformats"), xlsx.contentType());

        var listed = api.get("/api/v1/jobs?kind=household-import");
        assertTrue(listed.body().contains(id), listed.body());
        Api elsewhere = api.user("imp-maiji", "620503", null, "COUNTY_ADMIN");
        assertEquals(404, elsewhere.get("/api/v1/jobs/" + id).status(), "another county does not see it");
        assertEquals(404, elsewhere.get("/api/v1/imports/households/" + id + "/rejections").status());
        assertTrue(!elsewhere.get("/api/v1/jobs").body().contains(id));
    }

    @Test
    void aLargeImportShowsItsProgressAndCancellingKeepsWhatWasCommitted() throws Exception {
        var villages = api.get("/api/v1/regions?parent=620502101").json().path("regions");
        String village = villages.get(villages.size() - 1).path("code").asText();
        var csv = new StringBuilder(HEADER);
        for (int i = 0; i < 30_000; i++) {
            LocalDate born = LocalDate.of(1950, 1, 1).plusDays(i / 400);
            csv.append("L").append(i).append(',').append(village).append(",国家标准,一般贫困户,因病,李").append(i % 97)
                    .append(",男,").append(RegistryApiIT.id(born, 2 * (i % 400) + 101)).append(",户主\n");
        }
        var accepted = api.upload("/api/v1/imports/households", csv.toString().getBytes(StandardCharsets.UTF_8),
                "text/csv");
        String job = "/api/v1/jobs/" + accepted.json().path("id").asText();
        var running = api.await(job, r -> r.json().path("counts").path("stored").asLong() >= 5000
                || !"RUNNING".equals(r.json().path("state").asText()) && !"QUEUED".equals(r.json().path("state").asText()),
                Duration.ofSeconds(60));
        assertEquals("RUNNING", running.json().path("state").asText(), running.body());
        assertTrue(running.json().path("percent").asInt() > 0, running.body());
        assertTrue(running.json().path("estimatedEnd").isTextual(), running.body());

        var cancelled = api.send("POST", job + "/cancel", null);
        assertEquals(200, cancelled.status(), cancelled.body());
        var ended = api.awaitJob(accepted);
        assertEquals("CANCELLED", ended.json().path("state").asText(), ended.body());
        long stored = ended.json().path("result").path("stored").asLong();
        assertTrue(stored >= 5000 && stored < 30_000 && stored % 5000 == 0, ended.body());
        assertEquals(false, ended.json().path("result").path("complete").asBoolean());
        assertEquals(stored, api.get("/api/v1/households?region=" + village + "&size=1").json().path("total").asLong(),
                "what was committed stays, whole batches only");
    }

    @Test
    void aBadHeaderIs400NamingTheColumns() throws Exception {
        JsonNode error = post("/api/v1/imports/households", "户编号,村代码,年收入\n1,2,3\n".getBytes(StandardCharsets.UTF_8), 400);

        assertEquals("bad_csv_header", error.path("error").path("code").asText());
        assertTrue(error.path("error").path("message").asText().contains("年收入"), error.toString());
    }

    @Test
    void exportsExcelReadyCsv() throws Exception {
        post("/api/v1/imports/households", (HEADER + household("E1")).getBytes(StandardCharsets.UTF_8), 200);

        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                api.base().resolve("/api/v1/households?region=620502101202&format=csv"))
                .header("Authorization", "Bearer " + api.token()).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        byte[] body = response.body();
        assertEquals(0xEF, body[0] & 0xFF, "UTF-8 BOM so Excel reads Chinese");
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("户编号,村代码,"), text.substring(0, 40));
        assertTrue(text.contains("赵大山"));
    }

    @Test
    void anUploadWithoutLengthIs411AndAnOversizedOneIs413(@InjectService ConfigurationAdmin configurations)
            throws Exception {
        var chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                api.base().resolve("/api/v1/imports/households")).header("Content-Type", "text/csv")
                .header("Authorization", "Bearer " + api.token())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        (HEADER + household("C1")).getBytes(StandardCharsets.UTF_8)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(411, chunked.statusCode(), chunked.body());

        var config = configurations.getConfiguration("org.fupin.registry.import", "?");
        var limit = new Hashtable<String, Object>();
        limit.put("maxUploadMebibytes", 1);
        byte[] big = new byte[2 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        config.update(limit);
        try {
            JsonNode error = awaitStatus(big, 413);
            assertEquals("payload_too_large", error.path("error").path("code").asText());
            assertTrue(error.path("error").path("message").asText().contains("1048576"), error.toString());
        } finally {
            config.delete();
            // the resource restarts with its default limit: wait until it takes the 2 MiB body again (and refuses
            // its header), so later tests never meet it restarting
            awaitStatus("/api/v1/imports/households?dryRun=true", big, 400);
        }
    }

    private JsonNode awaitStatus(byte[] body, int status) throws Exception {
        return awaitStatus("/api/v1/imports/households", body, status);
    }

    private JsonNode awaitStatus(String path, byte[] body, int status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        api.base().resolve(path)).header("Content-Type", "text/csv")
                        .header("Authorization", "Bearer " + api.token())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (last.statusCode() == status) {
                    return api.parse(last.body());
                }
            } catch (IOException e) {
                // the server may close the connection on an oversized body before reading it
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + status + "; last: " + (last == null ? "none" : last.statusCode() + " " + last.body()));
    }

}
