package org.fupin.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * The published contract holds: every answer the OSGi integration tests received (recorded by {@code Exchanges} in
 * {@code target/api-exchanges.jsonl}) has its status documented for its operation in the OpenAPI description the
 * platform serves, and its JSON body validates against that response's schema; and every operation of the
 * description was exercised at least once. Runs in the verify phase, after the OSGi tests.
 */
class OpenApiContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IRI = "https://fupin.example/api/v1/openapi.json";
    private static final Path DESCRIPTION = Path.of("../platform/web/src/main/resources/org/fupin/web/openapi.json");
    private static final Path EXCHANGES = Path.of("target/api-exchanges.jsonl");
    private static final List<String> METHODS = List.of("get", "put", "post", "patch", "delete");

    record Template(String path, Pattern pattern, int parameters) {
    }

    static JsonNode spec;
    static List<Template> templates;
    static SchemaRegistry schemas;
    static List<JsonNode> exchanges;

    @BeforeAll
    static void load() throws IOException {
        String text = Files.readString(DESCRIPTION, StandardCharsets.UTF_8);
        spec = JSON.readTree(text);
        templates = new ArrayList<>();
        spec.path("paths").fieldNames().forEachRemaining(path -> templates.add(new Template(path,
                Pattern.compile(path.replaceAll("\\{[^/]+}", "[^/]+")), path.split("\\{", -1).length - 1)));
        // a literal segment wins over a parameter: /households/counts before /households/{id}
        templates.sort(Comparator.comparingInt(Template::parameters));
        schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(Map.of(IRI, text)));
        exchanges = new ArrayList<>();
        for (String line : Files.readAllLines(EXCHANGES, StandardCharsets.UTF_8)) {
            exchanges.add(JSON.readTree(line));
        }
    }

    @Test
    void theDescriptionIsServedAsCheckedIn() throws IOException {
        var served = exchanges.stream().filter(e -> e.path("path").asText().equals("/api/v1/openapi.json")
                && e.path("status").asInt() == 200).findFirst();
        assertTrue(served.isPresent(), "no test fetched /api/v1/openapi.json");
        assertEquals(spec, JSON.readTree(served.get().path("body").asText()));
    }

    @Test
    void everyAnswerIsDocumentedAndMatchesItsSchema() {
        var problems = new TreeMap<String, List<String>>();
        int checked = 0;
        int bodies = 0;
        for (JsonNode exchange : exchanges) {
            String method = exchange.path("method").asText().toLowerCase(java.util.Locale.ROOT);
            String path = exchange.path("path").asText();
            int status = exchange.path("status").asInt();
            Optional<Template> template = template(path);
            if (template.isEmpty() || !spec.path("paths").path(template.get().path()).has(method)) {
                continue; // an unknown path or a method the API has not (404, 405): not an operation
            }
            String operation = method.toUpperCase(java.util.Locale.ROOT) + " " + template.get().path();
            String pointer = "/paths/" + escape(template.get().path()) + "/" + method + "/responses";
            JsonNode responses = spec.at(pointer);
            String code = responses.has(String.valueOf(status)) ? String.valueOf(status)
                    : responses.has(status / 100 + "XX") ? status / 100 + "XX" : responses.has("default") ? "default"
                    : null;
            if (code == null) {
                problems.computeIfAbsent(operation, k -> new ArrayList<>()).add(status + " is not documented");
                continue;
            }
            checked++;
            String type = exchange.path("contentType").asText();
            if (!type.startsWith("application/json") || !exchange.has("body") || exchange.path("body").asText().isEmpty()) {
                continue;
            }
            String schemaPointer = pointer + "/" + escape(code) + "/content/application~1json/schema";
            if (spec.at(schemaPointer).isMissingNode()) {
                problems.computeIfAbsent(operation, k -> new ArrayList<>()).add(status + " has a JSON body the "
                        + "description does not declare");
                continue;
            }
            bodies++;
            var errors = schemas.getSchema(SchemaLocation.of(IRI + "#" + schemaPointer))
                    .validate(exchange.path("body").asText(), InputFormat.JSON,
                            context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
            for (var error : errors.stream().limit(3).toList()) {
                String body = exchange.path("body").asText();
                problems.computeIfAbsent(operation, k -> new ArrayList<>()).add(status + " " + error + " in "
                        + (body.length() > 300 ? body.substring(0, 300) + "…" : body));
            }
        }
        System.out.printf("%d answers checked against the OpenAPI description, %d JSON bodies validated%n", checked,
                bodies);
        assertTrue(checked > 500, "only " + checked + " answers checked");
        assertEquals(Map.of(), compact(problems), problems.size() + " operations answer outside the contract");
    }

    @Test
    void everyOperationWasExercised() {
        var operations = new TreeSet<String>();
        spec.path("paths").fields().forEachRemaining(path -> METHODS.stream().filter(path.getValue()::has)
                .forEach(method -> operations.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey())));
        for (JsonNode exchange : exchanges) {
            template(exchange.path("path").asText()).ifPresent(t -> operations.remove(
                    exchange.path("method").asText() + " " + t.path()));
        }
        assertEquals(new TreeSet<String>(), operations, "operations no integration test called");
    }

    private static Optional<Template> template(String path) {
        if (!path.startsWith("/api/v1/")) {
            return Optional.empty();
        }
        String relative = path.substring("/api/v1".length());
        return templates.stream().filter(t -> t.pattern().matcher(relative).matches()).findFirst();
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** At most five distinct problems per operation: enough to act on, short enough to read. */
    private static Map<String, List<String>> compact(Map<String, List<String>> problems) {
        var compact = new TreeMap<String, List<String>>();
        problems.forEach((operation, list) -> compact.put(operation, list.stream().distinct().limit(5).toList()));
        return compact;
    }
}
