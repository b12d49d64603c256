package io.contactimport.contracts.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.contactimport.contracts.Topic;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The AsyncAPI document says of each public topic what {@link Topic} defines (name, partitions, limits) and points
 * each message at the schema its golden samples follow. (That it is a valid AsyncAPI 3 document is checked by the
 * AsyncAPI parser itself, in e2e-tests' AsyncApiDocumentIT.)
 */
class AsyncApiDocumentTest {

    private static final Map<Topic, String> PUBLIC = Map.of(
            Topic.CONTACT_CHANGES, "contactChanges", Topic.IMPORT_STATUS, "importStatus");

    @Test
    void eachPublicTopicIsDescribedAsItIsDefined() throws Exception {
        JsonNode document = document();
        assertEquals("3.0.0", document.path("asyncapi").asText());
        assertEquals(PUBLIC.size(), document.path("channels").size());
        PUBLIC.forEach((topic, channelName) -> {
            JsonNode channel = document.path("channels").path(channelName);
            assertEquals(topic.topicName(), channel.path("address").asText(), channelName);
            JsonNode kafka = channel.path("bindings").path("kafka");
            assertEquals(topic.topicName(), kafka.path("topic").asText());
            assertEquals(topic.partitions(), kafka.path("partitions").asInt(), channelName);
            assertEquals(topic.retention().toMillis(), kafka.path("topicConfiguration").path("retention.ms").asLong());
            assertEquals(topic.maxMessageBytes(),
                    kafka.path("topicConfiguration").path("max.message.bytes").asInt());
        });
    }

    @Test
    void eachMessageCarriesTheSchemaOfItsTopicsGoldenSamples() throws Exception {
        JsonNode document = document();
        for (GoldenSample sample : GoldenSample.values()) {
            if (sample.schema() == null) {
                continue;
            }
            JsonNode channel = document.path("channels").path(PUBLIC.get(sample.topic()));
            Set<String> payloads = new HashSet<>();
            channel.path("messages").forEach(reference -> {
                String name = reference.path("$ref").asText().replace("#/components/messages/", "");
                JsonNode message = document.path("components").path("messages").path(name);
                assertTrue(message.has("name"), name);
                payloads.add(message.path("payload").path("$ref").asText());
            });
            assertEquals(Set.of("./schemas/" + sample.schema()), payloads, sample.toString());
            assertNotNull(GoldenSample.class.getResource(GoldenSample.SCHEMAS + sample.schema()));
        }
    }

    private static JsonNode document() throws Exception {
        try (InputStream in = GoldenSample.class.getResourceAsStream("/META-INF/resources/events/asyncapi.yaml")) {
            return new YAMLMapper().readTree(in);
        }
    }
}
