package io.contactimport.rowprocessor.batches;

import static io.contactimport.testing.TopicReader.header;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactimport.contracts.Topic;
import io.contactimport.contracts.batches.RowBatch;
import io.contactimport.contracts.batches.RowBatchProcessed;
import io.contactimport.contracts.imports.ColumnMap;
import io.contactimport.contracts.imports.OnConflict;
import io.contactimport.contracts.imports.PropertyType;
import io.contactimport.contracts.imports.TopicSubscription;
import io.contactimport.testing.InternalApi;
import io.contactimport.testing.LocalStackResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Row batches through real Kafka into real PostgreSQL, and their outcomes back out. */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class RowBatchConsumerTest {

    private static final List<String> HEADER = List.of("email", "first_name", "score");
    private static final ColumnMap MAP = new ColumnMap("email", "first_name", null, null,
            Map.of("score", new ColumnMap.PropertyColumn("score", PropertyType.NUMBER)));

    @Inject
    ObjectMapper json;

    @Inject
    Pool pool;

    private KafkaProducer<String, String> producer;
    private KafkaConsumer<String, String> outcomes;
    private final UUID team = UUID.randomUUID();

    @BeforeEach
    void connect() {
        InternalApi.callAsAService();
        String bootstrap = LocalStackResource.sharedStack().kafkaBootstrapServers();
        Properties producerProps = new Properties();
        producerProps.put("bootstrap.servers", bootstrap);
        producer = new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer());
        Properties consumerProps = new Properties();
        consumerProps.put("bootstrap.servers", bootstrap);
        consumerProps.put("group.id", "test-" + UUID.randomUUID());
        consumerProps.put("auto.offset.reset", "earliest");
        outcomes = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer());
        outcomes.subscribe(List.of(Topic.BATCH_OUTCOMES.topicName()));
    }

    @AfterEach
    void close() {
        producer.close();
        outcomes.close();
    }

    @Test
    void appliesABatchInFileOrderAndCountsEveryRow() throws Exception {
        UUID importId = UUID.randomUUID();
        send(batch(importId, 0, OnConflict.UPSERT,
                row(1, "Ada@Example.com", "Ada", "1"),
                row(2, "bob@example.com", "Bob", ""),
                row(3, "ada@example.com", "", "2.5"),
                row(4, "broken", "X", "1"),
                row(5, "carol@example.com", "Carol", "many")));

        RowBatchProcessed outcome = awaitOutcomes(importId, 1).get(0);
        assertEquals(List.of(2, 1, 0, 2), List.of(outcome.created(), outcome.updated(), outcome.skipped(), outcome.failed()));

        Row ada = contact("ada@example.com");
        assertEquals("Ada", ada.getString("first_name"), "an empty cell leaves the stored value");
        assertEquals("{\"score\": 2.5}", ada.getString("properties"), "later rows of an email win, key by key");
        assertEquals(List.of("invalid_email", "invalid_property_value"), failedReasons(importId));
    }

    @Test
    void aRowPostgresqlRefusesFailsAloneAndThePartitionKeepsFlowing() throws Exception {
        // 1e200000 is a number to us, but beyond what PostgreSQL's numeric (and so jsonb) can hold: the statement
        // holding it is refused, every time. Only that row may fail; the batch's other rows and the next batch on
        // the same partition are applied.
        UUID poisoned = UUID.randomUUID();
        send(batch(poisoned, 6, OnConflict.UPSERT,
                row(1, "ok1@example.com", "One", "1"),
                row(2, "huge@example.com", "Huge", "1e200000"),
                row(3, "ok2@example.com", "Two", "2"),
                row(4, "ok1@example.com", "Again", "")));
        UUID next = UUID.randomUUID();
        send(batch(next, 6, OnConflict.UPSERT, row(1, "after@example.com", "After", "3")));

        RowBatchProcessed outcome = awaitOutcomes(poisoned, 1).get(0);
        assertEquals(List.of(2, 1, 0, 1), List.of(outcome.created(), outcome.updated(), outcome.skipped(),
                outcome.failed()));
        assertEquals(List.of("rejected_by_database"), failedReasons(poisoned));
        String message = pool.preparedQuery("SELECT message FROM contacts.failed_rows WHERE import_id = $1")
                .execute(Tuple.of(poisoned)).await().indefinitely().iterator().next().getString(0);
        assertTrue(message.contains("value overflows numeric format"), message);
        assertEquals("Again", contact("ok1@example.com").getString("first_name"));
        assertEquals(1, awaitOutcomes(next, 1).get(0).created());
    }

    @Test
    void aRedeliveredBatchIsNotAppliedAgainAndRepublishesItsOutcome() throws Exception {
        UUID importId = UUID.randomUUID();
        RowBatch batch = batch(importId, 3, OnConflict.UPSERT, row(1, "dave@example.com", "Dave", "7"));
        send(batch);
        send(batch);

        List<RowBatchProcessed> both = awaitOutcomes(importId, 2);
        assertEquals(both.get(0), both.get(1));
        assertEquals(1, both.get(0).created());
        Long applied = pool.preparedQuery("SELECT count(*) FROM contacts.applied_batches WHERE import_id = $1")
                .execute(Tuple.of(importId)).await().indefinitely().iterator().next().getLong(0);
        assertEquals(1L, applied);
    }

    @Test
    void eachRowThatChangedAContactIsAnnouncedAndARedeliveryRepeatsTheSameEvents() throws Exception {
        Properties props = new Properties();
        props.put("bootstrap.servers", LocalStackResource.sharedStack().kafkaBootstrapServers());
        props.put("group.id", "test-" + UUID.randomUUID());
        props.put("auto.offset.reset", "earliest");
        try (KafkaConsumer<String, String> changes = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            changes.subscribe(List.of(Topic.CONTACT_CHANGES.topicName()));
            UUID importId = UUID.randomUUID();
            RowBatch batch = batch(importId, 5, OnConflict.UPSERT,
                    row(1, "Ada@Example.com", "Ada", "1"),
                    row(2, "bob@example.com", "Bob", ""),
                    row(3, "ada@example.com", "", "2.5"),
                    row(4, "broken", "X", "1"));
            send(batch);
            awaitOutcomes(importId, 1);
            send(batch);
            awaitOutcomes(importId, 2);

            // Different contacts are on different partitions: the order that holds is each contact's own.
            List<ConsumerRecord<String, String>> events = awaitChanges(changes, importId, 6);
            String adaId = contactId("ada@example.com");
            List<ConsumerRecord<String, String>> ada = events.stream().filter(e -> e.key().equals(adaId)).toList();
            assertEquals(List.of(importId + ":1", importId + ":3", importId + ":1", importId + ":3"),
                    ada.stream().map(event -> header(event, "ce_id")).toList(), "redelivered with the same ids");
            assertEquals(List.of("contact.created", "contact.updated", "contact.created", "contact.updated"),
                    ada.stream().map(event -> header(event, "ce_type")).toList());
            assertEquals(ada.subList(0, 2).stream().map(ConsumerRecord::value).toList(),
                    ada.subList(2, 4).stream().map(ConsumerRecord::value).toList());
            List<ConsumerRecord<String, String>> bob = events.stream().filter(e -> !e.key().equals(adaId)).toList();
            assertEquals(List.of(importId + ":2", importId + ":2"),
                    bob.stream().map(event -> header(event, "ce_id")).toList(), "no event for the failed row");
            ConsumerRecord<String, String> created = ada.get(0);
            assertEquals(adaId, header(created, "ce_subject"));
            assertEquals("1.0", header(created, "ce_specversion"));
            assertEquals("urn:contact-imports:row-processor", header(created, "ce_source"));
            assertEquals("application/json", header(created, "content-type"));
            assertTrue(header(created, "ce_dataschema").endsWith("/contact-changed.json"));
            assertTrue(header(created, "ce_time").startsWith("20"), header(created, "ce_time"));
            Map<String, Object> fields = fieldsOf("Ada", null, false, Map.of("score", 1));
            assertEquals(Map.of("team_id", team.toString(), "contact_id", adaId, "email", "ada@example.com",
                    "import_id", importId.toString(), "fields", fields), json.readValue(created.value(), Map.class));
            assertEquals(Map.of("properties", Map.of("score", 2.5)),
                    json.readValue(ada.get(1).value(), Map.class).get("fields"), "an update carries what it set");
        }
    }

    private static Map<String, Object> fieldsOf(String firstName, String lastName, boolean unsubscribed,
                                                Map<String, Object> properties) {
        Map<String, Object> fields = new java.util.HashMap<>();
        fields.put("first_name", firstName);
        fields.put("last_name", lastName);
        fields.put("unsubscribed", unsubscribed);
        fields.put("properties", properties);
        return fields;
    }

    private List<ConsumerRecord<String, String>> awaitChanges(KafkaConsumer<String, String> changes, UUID importId,
                                                              int expected) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (found.size() < expected && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : changes.poll(Duration.ofMillis(200))) {
                if (header(record, "ce_id").startsWith(importId + ":")) {
                    found.add(record);
                }
            }
        }
        assertEquals(expected, found.size(), "contact changes of " + importId + ": " + found);
        return found;
    }

    private String contactId(String email) {
        return pool.preparedQuery("SELECT id FROM contacts.contacts WHERE team_id = $1 AND email = $2")
                .execute(Tuple.of(team, email)).await().indefinitely().iterator().next().getUUID(0).toString();
    }

    @Test
    void skipLeavesExistingContactsUntouched() throws Exception {
        UUID first = UUID.randomUUID();
        send(batch(first, 1, OnConflict.UPSERT, row(1, "erin@example.com", "Erin", "1")));
        awaitOutcomes(first, 1);
        UUID second = UUID.randomUUID();
        send(batch(second, 1, OnConflict.SKIP, row(1, "erin@example.com", "Changed", "9"),
                row(2, "frank@example.com", "Frank", "")));

        RowBatchProcessed outcome = awaitOutcomes(second, 1).get(0);
        assertEquals(List.of(1, 0, 1, 0), List.of(outcome.created(), outcome.updated(), outcome.skipped(), outcome.failed()));
        assertEquals("Erin", contact("erin@example.com").getString("first_name"));
    }

    @Test
    void upsertNeverResubscribesSilentlyAndMergesPropertiesKeyByKey() throws Exception {
        List<String> header = List.of("email", "unsubscribed", "plan", "score");
        ColumnMap map = new ColumnMap("email", null, null, "unsubscribed", Map.of(
                "plan", new ColumnMap.PropertyColumn("plan", PropertyType.STRING),
                "score", new ColumnMap.PropertyColumn("score", PropertyType.NUMBER)));
        UUID first = UUID.randomUUID();
        send(new RowBatch(first, team, 2, 0, OnConflict.UPSERT, header, map, List.of(), List.of(), List.of(
                row(1, "gina@example.com", "yes", "pro", "1"),
                row(2, "hank@example.com", "yes", "free", ""))));
        awaitOutcomes(first, 1);

        UUID second = UUID.randomUUID();
        send(new RowBatch(second, team, 2, 0, OnConflict.UPSERT, header, map, List.of(), List.of(), List.of(
                row(1, "gina@example.com", "", "", "2"),
                row(2, "hank@example.com", "false", "team", ""))));
        RowBatchProcessed outcome = awaitOutcomes(second, 1).get(0);
        assertEquals(2, outcome.updated());

        Row gina = contactState("gina@example.com");
        assertEquals(true, gina.getBoolean("unsubscribed"), "an empty cell never re-subscribes");
        assertEquals(Map.of("plan", "pro", "score", 2), json.readValue(gina.getString("properties"), Map.class));
        Row hank = contactState("hank@example.com");
        assertEquals(false, hank.getBoolean("unsubscribed"), "an explicit false does");
        assertEquals(Map.of("plan", "team"), json.readValue(hank.getString("properties"), Map.class));
    }

    @Test
    void segmentsAndTopicsJoinCreatedAndUpdatedContactsButNotSkippedOnes() throws Exception {
        String segment = given().contentType("application/json").body("{\"name\": \"Newsletter\"}")
                .post("/internal/teams/" + team + "/segments").then().statusCode(201).extract().path("id");
        String topic = given().contentType("application/json")
                .body("{\"name\": \"Product news\", \"default_subscription\": \"opt_in\"}")
                .post("/internal/teams/" + team + "/topics").then().statusCode(201).extract().path("id");
        UUID first = UUID.randomUUID();
        send(batch(first, 4, OnConflict.UPSERT, row(1, "old@example.com", "Old", "")));
        awaitOutcomes(first, 1);

        UUID skipping = UUID.randomUUID();
        send(new RowBatch(skipping, team, 4, 0, OnConflict.SKIP, HEADER, MAP, List.of(UUID.fromString(segment)),
                List.of(new TopicSubscription(UUID.fromString(topic), false)),
                List.of(row(1, "old@example.com", "", ""), row(2, "new@example.com", "New", ""))));
        awaitOutcomes(skipping, 1);
        assertEquals(List.of("new@example.com"), segmentEmails(segment), "a skipped contact is left out");
        given().get("/internal/teams/" + team + "/contacts/old@example.com/topics").then().statusCode(200)
                .body("data[0].subscription", equalTo("opt_in"));
        given().get("/internal/teams/" + team + "/contacts/new@example.com/topics").then().statusCode(200)
                .body("data[0].id", equalTo(topic)).body("data[0].subscription", equalTo("opt_out"));

        UUID updating = UUID.randomUUID();
        send(new RowBatch(updating, team, 4, 0, OnConflict.UPSERT, HEADER, MAP, List.of(UUID.fromString(segment)),
                List.of(), List.of(row(1, "old@example.com", "Older", ""))));
        awaitOutcomes(updating, 1);
        assertEquals(List.of("new@example.com", "old@example.com"), segmentEmails(segment).stream().sorted().toList());
        given().get("/internal/teams/" + team + "/contacts/OLD@example.com/segments").then().statusCode(200)
                .body("data.name", equalTo(List.of("Newsletter")));
        given().get("/internal/teams/" + UUID.randomUUID() + "/segments/" + segment).then().statusCode(404)
                .body("name", equalTo("not_found"));
    }

    private List<String> segmentEmails(String segment) {
        return given().get("/internal/teams/" + team + "/segments/" + segment + "/contacts").then().statusCode(200)
                .extract().path("data.email");
    }

    private Row contactState(String email) {
        return pool.preparedQuery("SELECT unsubscribed, properties::text AS properties FROM contacts.contacts "
                        + "WHERE team_id = $1 AND email = $2")
                .execute(Tuple.of(team, email)).await().indefinitely().iterator().next();
    }

    private RowBatch batch(UUID importId, int bucket, OnConflict onConflict, RowBatch.Row... rows) {
        return new RowBatch(importId, team, bucket, 0, onConflict, HEADER, MAP, List.of(), List.of(), List.of(rows));
    }

    private static RowBatch.Row row(long number, String... cells) {
        return new RowBatch.Row(number, List.of(cells), false);
    }

    private void send(RowBatch batch) throws Exception {
        producer.send(new ProducerRecord<>(Topic.ROW_BATCHES.topicName(), batch.bucket(),
                Integer.toString(batch.bucket()), json.writeValueAsString(batch))).get();
    }

    /** Outcomes read from the topic so far: one poll may bring those of several imports. */
    private final List<RowBatchProcessed> seen = new ArrayList<>();

    private List<RowBatchProcessed> awaitOutcomes(UUID importId, int expected) throws Exception {
        List<RowBatchProcessed> found = new ArrayList<>(seen.stream().filter(o -> o.importId().equals(importId))
                .toList());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (found.size() < expected && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : outcomes.poll(Duration.ofMillis(200))) {
                RowBatchProcessed outcome = json.readValue(record.value(), RowBatchProcessed.class);
                seen.add(outcome);
                if (outcome.importId().equals(importId)) {
                    found.add(outcome);
                }
            }
        }
        assertTrue(found.size() >= expected, "expected " + expected + " outcomes for " + importId + ", got " + found);
        return found;
    }

    private Row contact(String email) {
        return pool.preparedQuery("SELECT first_name, properties::text AS properties FROM contacts.contacts "
                        + "WHERE team_id = $1 AND email = $2")
                .execute(Tuple.of(team, email)).await().indefinitely().iterator().next();
    }

    private List<String> failedReasons(UUID importId) {
        List<String> reasons = new ArrayList<>();
        pool.preparedQuery("SELECT reason FROM contacts.failed_rows WHERE import_id = $1 ORDER BY row_number")
                .execute(Tuple.of(importId)).await().indefinitely().forEach(r -> reasons.add(r.getString(0)));
        return reasons;
    }
}
