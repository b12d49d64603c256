package io.contactimport.statusprojector.imports;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactimport.contracts.Topic;
import io.contactimport.contracts.batches.RowBatchProcessed;
import io.contactimport.contracts.imports.ColumnMap;
import io.contactimport.contracts.imports.ImportRequested;
import io.contactimport.contracts.imports.ImportSplit;
import io.contactimport.contracts.imports.OnConflict;
import io.contactimport.testing.InternalApi;
import io.contactimport.testing.LocalStackResource;
import io.contactimport.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Events in any order and any number of times, through real Kafka: the status and counts come out exactly once. */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class ImportProjectionTest {

    @Inject
    ObjectMapper json;

    @Inject
    Pool pool;

    private final UUID team = UUID.randomUUID();

    @BeforeEach
    void callAsAService() {
        InternalApi.callAsAService();
    }

    private void send(Topic topic, UUID key, Object event) throws Exception {
        Properties props = new Properties();
        props.put("bootstrap.servers", LocalStackResource.sharedStack().kafkaBootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic.topicName(), key.toString(), json.writeValueAsString(event))).get();
        }
    }

    @Test
    void outcomesBeforeTheRequestAndDuplicatesStillCountOnce() throws Exception {
        UUID id = UUID.randomUUID();
        RowBatchProcessed first = new RowBatchProcessed(id, team, 0, 0, 3, 1, 0, 1);
        RowBatchProcessed second = new RowBatchProcessed(id, team, 5, 0, 2, 0, 0, 0);
        send(Topic.BATCH_OUTCOMES, id, first);
        send(Topic.BATCH_OUTCOMES, id, first);
        send(Topic.IMPORT_REQUESTED, id, new ImportRequested(id, team, "k", "people.csv", 120,
                new ColumnMap("email", null, null, null, Map.of()), OnConflict.UPSERT, List.of(), List.of(),
                Instant.now()));
        send(Topic.IMPORT_SPLITS, id, ImportSplit.completed(id, team, 7, 2));

        // The split and one of the two batches are in: in progress, the file's total known, one batch counted once.
        await(id, "counts.total", 7);
        given().when().get("/internal/teams/{team}/imports/{id}", team, id).then()
                .body("status", equalTo("in_progress")).body("counts.created", equalTo(3));

        send(Topic.BATCH_OUTCOMES, id, second);
        send(Topic.BATCH_OUTCOMES, id, second);
        await(id, "status", "completed");
        given().when().get("/internal/teams/{team}/imports/{id}", team, id).then()
                .body("counts.total", equalTo(7)).body("counts.created", equalTo(5))
                .body("counts.updated", equalTo(1)).body("counts.failed", equalTo(1))
                .body("completed_at", notNullValue()).body("file_name", equalTo("people.csv"));
        given().when().get("/internal/teams/{team}/imports/{id}", UUID.randomUUID(), id).then().statusCode(404);
    }

    @Test
    void anUnreadableFileFailsTheImportWithItsReason() throws Exception {
        UUID id = UUID.randomUUID();
        send(Topic.IMPORT_REQUESTED, id, new ImportRequested(id, team, "k", "bad.csv", 10,
                new ColumnMap("email", null, null, null, Map.of()), OnConflict.SKIP, List.of(), List.of(),
                Instant.now()));
        send(Topic.IMPORT_SPLITS, id, ImportSplit.failed(id, team, 0, 0, "invalid_file", "The file is empty."));
        await(id, "status", "failed");
        given().when().get("/internal/teams/{team}/imports/{id}", team, id).then()
                .body("error.name", equalTo("invalid_file")).body("error.message", equalTo("The file is empty."));
    }

    /**
     * The projector committed an import's completion but died before sending it (simulated: its announcement is
     * taken back after the fact). The redelivered event that completed it, or else the sweeper, announces
     * {@code contact_import.completed} — not a {@code progress} in its place.
     */
    @Test
    void aCompletionCommittedButNotSentIsAnnouncedByTheRedeliveryOrTheSweeper() throws Exception {
        UUID redelivered = UUID.randomUUID();
        UUID swept = UUID.randomUUID();
        for (UUID id : List.of(redelivered, swept)) {
            send(Topic.IMPORT_REQUESTED, id, new ImportRequested(id, team, "k", "one.csv", 10,
                    new ColumnMap("email", null, null, null, Map.of()), OnConflict.UPSERT, List.of(), List.of(),
                    Instant.now()));
            send(Topic.IMPORT_SPLITS, id, ImportSplit.completed(id, team, 1, 1));
            send(Topic.BATCH_OUTCOMES, id, new RowBatchProcessed(id, team, 0, 0, 1, 0, 0, 0));
            await(id, "status", "completed");
        }
        try (KafkaConsumer<String, String> status = TopicReader.fromNow(Topic.IMPORT_STATUS)) {
            for (UUID id : List.of(redelivered, swept)) {
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> "completed".equals(announced(id)));
                pool.preparedQuery("UPDATE status.imports SET announced = 'in_progress' WHERE id = $1")
                        .execute(Tuple.of(id)).await().indefinitely();
            }
            send(Topic.BATCH_OUTCOMES, redelivered, new RowBatchProcessed(redelivered, team, 0, 0, 1, 0, 0, 0));

            Map<String, List<String>> types = new HashMap<>();
            Awaitility.await().atMost(Duration.ofSeconds(40)).until(() -> {
                for (ConsumerRecord<String, String> record : status.poll(Duration.ofMillis(200))) {
                    types.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(
                            new String(record.headers().lastHeader("ce_type").value()) + "@"
                                    + new String(record.headers().lastHeader("ce_id").value()));
                }
                return types.containsKey(redelivered.toString()) && types.containsKey(swept.toString());
            });
            // Only the completion, under its one event id (the sweeper may have sent it too: a duplicate, same id).
            assertEquals(Set.of("contact_import.completed@" + redelivered + ":completed"),
                    new HashSet<>(types.get(redelivered.toString())));
            assertEquals(Set.of("contact_import.completed@" + swept + ":completed"),
                    new HashSet<>(types.get(swept.toString())));
        }
        assertEquals("completed", announced(redelivered));
    }

    private String announced(UUID id) {
        return pool.preparedQuery("SELECT announced FROM status.imports WHERE id = $1").execute(Tuple.of(id))
                .await().indefinitely().iterator().next().getString(0);
    }

    private void await(UUID id, String path, Object expected) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> expected.equals(
                given().when().get("/internal/teams/{team}/imports/{id}", team, id).then().extract().path(path)));
    }
}
