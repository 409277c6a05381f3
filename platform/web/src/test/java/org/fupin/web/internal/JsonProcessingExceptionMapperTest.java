package org.fupin.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.fupin.web.api.ApiError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class JsonProcessingExceptionMapperTest {
    record Member(String name, int age, List<String> causes) {
    }

    record Household(String village, Member head, List<Member> members) {
    }

    private final ObjectMapper mapper = ObjectMappers.api();
    private final JsonProcessingExceptionMapper exceptionMapper = new JsonProcessingExceptionMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON at all               | {"village": 62                     | malformed_json |                    | The request body is not valid JSON at line 1, column 15
            number where text expected    | {"head":{"age":"old"}}             | malformed_json | head.age           | head.age has the wrong type (expected a number)
            object where list expected    | {"members":{"name":"x"}}           | malformed_json | members            | members has the wrong type (expected a list)
            wrong type inside a list item | {"members":[{"age":1},{"age":[]}]} | malformed_json | members[1].age     | members[1].age has the wrong type (expected a number)
            """)
    void namesTheFieldAndTheReason(String what, String body, String code, String field, String detail) {
        ApiError error = errorOf(body);

        assertEquals(code, error.code());
        if (field == null) {
            assertEquals(detail, error.message());
            assertEquals(List.of(), error.fields());
        } else {
            assertEquals(1, error.fields().size());
            assertEquals(field, error.fields().get(0).field());
            assertEquals(detail, error.fields().get(0).message());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"village": NaN}
            {"village": "a", "village": "b"}
            """)
    void rejectsWhatStrictJsonForbids(String body) {
        assertEquals("malformed_json", errorOf(body).code());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            nesting 65 levels deep in free-form data | 65 | 0      | false
            a text of 100001 characters in a record  | 1  | 100001 | true
            """)
    void refusesBodiesPastTheParserLimitsWithoutInternals(String what, int depth, int textLength, boolean record) {
        ApiError error = errorOf(nested(depth, textLength), record ? Household.class : JsonNode.class);

        assertEquals("malformed_json", error.code());
        assertEquals("The request body is over a limit: at most 64 levels of nesting and 100000 characters in a "
                + "text", error.message());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            nesting 64 levels deep          | 64     | 0
            a text of 100000 characters     | 1      | 100000
            """)
    void readsBodiesAtTheParserLimits(String what, int depth, int textLength) throws JsonProcessingException {
        mapper.readTree(nested(depth, textLength));
    }

    /** {"village":[[…"aaa…"…]]}: {@code depth} levels of an object and lists around a text (free-form data). */
    private static String nested(int depth, int textLength) {
        return "{\"village\":" + "[".repeat(depth - 1) + "\"" + "a".repeat(textLength) + "\"" + "]".repeat(depth - 1)
                + "}";
    }

    private ApiError errorOf(String body) {
        return errorOf(body, Household.class);
    }

    private ApiError errorOf(String body, Class<?> type) {
        try {
            mapper.readValue(body, type);
        } catch (JsonProcessingException e) {
            var response = exceptionMapper.toResponse(e);
            assertEquals(400, response.getStatus());
            return ((ApiError.Envelope) response.getEntity()).error();
        }
        throw new AssertionError("parsed without error: " + body);
    }
}
