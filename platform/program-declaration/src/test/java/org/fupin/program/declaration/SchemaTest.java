package org.fupin.program.declaration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.fupin.program.declaration.internal.ProgramJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/** The published JSON Schema of program.json accepts what the reader accepts and names the same properties. */
class SchemaTest {
    static final String SCHEMA = "/org/fupin/program/declaration/program.schema.json";

    static Schema schema() throws IOException {
        try (InputStream in = SchemaTest.class.getResourceAsStream(SCHEMA)) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                            InputFormat.JSON);
        }
    }

    @Test
    void theExampleDeclarationIsValid() throws IOException {
        assertEquals(List.of(), schema().validate(ProgramDeclarationsTest.JSON, InputFormat.JSON).stream()
                .map(e -> e.getMessage()).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            an unknown property    | "householdStatuses"=>"statuses"
            an unknown field type  | "MONEY"=>"CASH"
            a bad program id       | "health"=>"Health!"
            a CODE without options | "options": ["INPATIENT", "OUTPATIENT"]=>"required": false
            a grant with both      | {"amountField": "amount"}=>{"amountField": "amount", "amountParameter": "yearCap"}
            a limit with no span   | "within": "YEAR",=>
            a missing workflow     | "workflow"=>"flow"
            a household field for nobody | "editors": ["PROGRAM_OFFICER"]}=>"editors": []}
            a household MEMBER field | "type": "BOOLEAN", "editors"=>"type": "MEMBER", "editors"
            a record without states | "initial": "OPEN", "states"=>"initial": "OPEN", "statez"
            """)
    void whatTheReaderRefusesTheSchemaRefuses(String what, String change) throws IOException {
        String[] edit = change.split("=>", -1);
        String json = ProgramDeclarationsTest.JSON.replace(edit[0], edit[1]);

        assertFalse(schema().validate(json, InputFormat.JSON).isEmpty(), what);
        assertFalse(ProgramDeclarationsTest.read(json, ProgramDeclarationsTest.ZH, ProgramDeclarationsTest.EN)
                .usable(), what);
    }

    @Test
    void theSchemaNamesExactlyTheReadersProperties() throws IOException {
        JsonNode schema;
        try (InputStream in = SchemaTest.class.getResourceAsStream(SCHEMA)) {
            schema = new ObjectMapper().readTree(in);
        }
        JsonNode defs = schema.path("$defs");
        assertEquals(names(ProgramJson.class), properties(schema));
        assertEquals(names(ProgramJson.FormJson.class), properties(defs.path("form")));
        assertEquals(names(ProgramJson.FieldJson.class), properties(defs.path("field")));
        assertEquals(names(ProgramJson.WorkflowJson.class), properties(defs.path("workflow")));
        assertEquals(names(ProgramJson.StateJson.class), properties(defs.path("state")));
        assertEquals(names(ProgramJson.TransitionJson.class), properties(defs.path("transition")));
        assertEquals(names(ProgramJson.GrantJson.class), properties(defs.path("transition").path("properties")
                .path("grant")));
        assertEquals(names(ProgramJson.LimitJson.class), properties(defs.path("limit")));
        assertEquals(names(ProgramJson.ReportJson.class), properties(defs.path("report")));
        assertEquals(names(ProgramJson.DimensionJson.class), properties(defs.path("report").path("properties")
                .path("dimensions").path("items")));
        assertEquals(names(ProgramJson.ParameterJson.class), properties(defs.path("parameter")));
        assertEquals(names(ProgramJson.HouseholdFieldJson.class), properties(defs.path("householdField")));
        assertEquals(names(ProgramJson.RecordJson.class), properties(defs.path("record")));
        assertEquals(names(ProgramJson.EntryJson.class), properties(defs.path("record").path("properties")
                .path("entries").path("items")));
    }

    private static Set<String> names(Class<? extends Record> type) {
        Set<String> names = new TreeSet<>();
        for (RecordComponent component : type.getRecordComponents()) {
            JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
            JsonProperty onField = Arrays.stream(type.getDeclaredFields())
                    .filter(f -> f.getName().equals(component.getName()))
                    .map(f -> f.getAnnotation(JsonProperty.class)).filter(a -> a != null).findFirst().orElse(null);
            JsonProperty property = renamed != null ? renamed : onField != null ? onField
                    : component.getAnnotation(JsonProperty.class);
            names.add(property != null ? property.value() : component.getName());
        }
        return names;
    }

    private static Set<String> properties(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }
}
