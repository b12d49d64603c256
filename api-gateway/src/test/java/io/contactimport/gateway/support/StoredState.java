package io.contactimport.gateway.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.contactimport.contracts.Topic;
import io.contactimport.testing.LocalStackResource;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** What a request left in PostgreSQL, S3 and Kafka for a team: a refused request must leave nothing. */
public final class StoredState {

    public static final String KEY = "re_test_gateway_key";

    private final Pool pool;

    public StoredState(Pool pool) {
        this.pool = pool;
    }

    /** The team of {@link #KEY}, the test profile's bootstrap key. */
    public UUID bootstrapTeam() {
        return pool.preparedQuery("SELECT team_id FROM gateway.api_keys WHERE name = 'bootstrap'")
                .execute().await().indefinitely().iterator().next().getUUID(0);
    }

    /** No request row, no stored object, no ImportRequested event for the bootstrap team. */
    public void assertNothingLeftBehind() {
        UUID team = bootstrapTeam();
        assertEquals(0L, requestCount(team));
        assertEquals(List.of(), objects(team));
        assertEquals(List.of(), requestedEvents(team));
    }

    public long requestCount(UUID team) {
        return pool.preparedQuery("SELECT count(*) FROM gateway.import_requests WHERE team_id = $1")
                .execute(Tuple.of(team)).await().indefinitely().iterator().next().getLong(0);
    }

    public List<String> objects(UUID team) {
        try (MinioClient s3 = MinioClient.builder().endpoint(LocalStackResource.sharedStack().s3Endpoint())
                .credentials("local-access-key", "local-secret-key-for-dev-only").region("us-east-1").build()) {
            List<String> keys = new ArrayList<>();
            for (var item : s3.listObjects(ListObjectsArgs.builder().bucket("contact-imports")
                    .prefix("imports/" + team + "/").recursive(true).build())) {
                keys.add(item.get().objectName());
            }
            return keys;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public List<String> requestedEvents(UUID team) {
        Properties props = new Properties();
        props.put("bootstrap.servers", LocalStackResource.sharedStack().kafkaBootstrapServers());
        props.put("group.id", "test-" + UUID.randomUUID());
        props.put("auto.offset.reset", "earliest");
        List<String> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topic.IMPORT_REQUESTED.topicName()));
            long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    if (record.value().contains("\"team_id\":\"" + team + "\"")) {
                        events.add(record.value());
                    }
                }
            }
        }
        return events;
    }
}
