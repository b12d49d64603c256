package io.contactimport.gateway.imports;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.contactimport.contracts.Topic;
import io.contactimport.contracts.golden.GoldenSample;
import io.contactimport.testing.LocalStackResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /contacts/imports/{id}} answered from the status topic. status-projector is not running here, so the
 * answer can only come from the events the gateway read.
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class ImportStatusPollTest {

    @Inject
    Pool pool;

    @Test
    void aStatusPollIsAnsweredFromTheImportsLatestStatusEvent() throws Exception {
        UUID team = pool.preparedQuery("SELECT team_id FROM gateway.api_keys WHERE name = 'bootstrap'")
                .execute().await().indefinitely().iterator().next().getUUID(0);
        String importId = UUID.randomUUID().toString();
        // The projector's event as the golden sample has it, for an import of this gateway's team.
        JsonObject event = new JsonObject(GoldenSample.IMPORT_COMPLETED.json()).put("id", importId)
                .put("team_id", team.toString());

        Properties config = new Properties();
        config.put("bootstrap.servers", LocalStackResource.sharedStack().kafkaBootstrapServers());
        Response answer;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            // The gateway reads from the newest event on: announce again until it has joined and answers.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            do {
                producer.send(new ProducerRecord<>(Topic.IMPORT_STATUS.topicName(), importId,
                        event.encode())).get();
                Thread.sleep(200);
                answer = given().header("Authorization", "Bearer re_test_gateway_key")
                        .when().get("/contacts/imports/" + importId);
            } while (answer.statusCode() != 200 && System.nanoTime() < deadline);
        }

        assertEquals(200, answer.statusCode(), answer.asString());
        JsonObject withoutTeam = event.copy();
        withoutTeam.remove("team_id");
        assertEquals(withoutTeam, new JsonObject(answer.asString()), "the event's import, without its team_id");
    }
}
