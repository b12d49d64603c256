package io.contactimport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactimport.contracts.Topic;
import io.contactimport.e2e.support.RunningSystem;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a downstream system sees on {@code contact-imports.status} while an import runs. */
class ImportStatusEventsIT {

    private static final int ROWS = 30_000;

    private static RunningSystem system;

    @TempDir
    static Path files;

    /** One CloudEvent (binary mode): its type header and the import object it carries. */
    private record Event(String type, JsonPath contactImport) {
        long processed() {
            return contactImport.getLong("counts.created") + contactImport.getLong("counts.updated")
                    + contactImport.getLong("counts.skipped") + contactImport.getLong("counts.failed");
        }
    }

    @BeforeAll
    static void startSystem() {
        system = RunningSystem.shared();
    }

    @Test
    void anImportAnnouncesItsStatusesAndItsCountsAsTheyGrow() throws Exception {
        String key = system.newTeamKey();
        StringBuilder csv = new StringBuilder("email,first_name\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append("follower").append(i).append("@example.org,F").append(i).append('\n');
        }
        Path file = files.resolve("followers.csv");
        Files.writeString(file, csv);

        List<Event> events = new ArrayList<>();
        String id;
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(Topic.IMPORT_STATUS.topicName()));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.assignment().forEach(consumer::position);  // "latest" is resolved now, not after the import
            id = system.createImport(key, file, null);
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (events.stream().noneMatch(e -> e.type().equals("contact_import.completed"))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (id.equals(record.key())) {
                        Header type = record.headers().lastHeader("ce_type");
                        events.add(new Event(new String(type.value(), StandardCharsets.UTF_8),
                                JsonPath.from(record.value())));
                    }
                }
            }
        }

        List<String> types = events.stream().map(Event::type).toList();
        assertThat(types.get(0)).isEqualTo("contact_import.created");
        assertThat(types).contains("contact_import.in_progress", "contact_import.progress", "contact_import.completed");
        Event completed = events.stream().filter(e -> e.type().equals("contact_import.completed")).findFirst()
                .orElseThrow();
        assertThat(completed.contactImport().getMap("counts")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "total", ROWS, "created", ROWS, "updated", 0, "skipped", 0, "failed", 0));
        // Progress shows counts on their way: some but not all rows, never more than the file has.
        assertThat(events).filteredOn(e -> e.type().equals("contact_import.progress"))
                .anyMatch(e -> e.processed() > 0 && e.processed() < ROWS)
                .allMatch(e -> e.processed() <= ROWS);
        // Every event names its team, for consumers that serve many.
        assertThat(events).allMatch(e -> e.contactImport().getString("team_id") != null);

        // The API shows the same import as the completed event (ImportStatusPollTest: the gateway answers from them).
        Map<String, Object> expected = completed.contactImport().getMap("$");
        expected.remove("team_id");
        assertThat(system.awaitFinished(key, id).getMap("$")).isEqualTo(expected);
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "downstream-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(config);
    }
}
