package io.contactimport.contracts.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each golden sample is exactly what its record writes, and a public event's sample follows its JSON Schema. */
class GoldenSamplesTest {

    private final ObjectMapper mapper = GoldenSample.wireMapper();

    @ParameterizedTest
    @EnumSource(GoldenSample.class)
    void theRecordReadsTheSampleAndWritesItBackUnchanged(GoldenSample sample) throws Exception {
        Object event = sample.read(mapper, sample.type());
        assertEquals(mapper.readTree(sample.json()), mapper.readTree(mapper.writeValueAsString(event)), sample.name());
    }

    @ParameterizedTest
    @EnumSource(GoldenSample.class)
    void aPublicEventFollowsItsSchema(GoldenSample sample) throws Exception {
        if (sample.schema() == null) {
            return;
        }
        Set<ValidationMessage> problems = schema(sample.schema()).validate(mapper.readTree(sample.json()));
        assertTrue(problems.isEmpty(), sample + ": " + problems);
    }

    static JsonSchema schema(String file) throws Exception {
        try (InputStream in = GoldenSample.class.getResourceAsStream(GoldenSample.SCHEMAS + file)) {
            JsonNode schema = new ObjectMapper().readTree(in);
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
        }
    }
}
