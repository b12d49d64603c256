package io.contactimport.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A downstream consumer of the contact-import platform's public topics, to copy: {@code contacts.changes}
 * ({@code contact.created}, {@code contact.updated}, {@code contact.deleted}) and {@code contact-imports.status}
 * ({@code contact_import.created}, {@code .in_progress}, {@code .progress}, {@code .completed}, {@code .failed}).
 *
 * <p>Both are CloudEvents in Kafka's binary mode: the attributes are {@code ce_*} headers, the data is the record's
 * JSON value (its schema is at {@code ce_dataschema}; the AsyncAPI document in {@code docs/events/} describes all of
 * it). Delivery is at least once: after a crash of the producer or of this consumer an event can come again, with
 * the same {@code ce_id}. So handle an event idempotently, or keep the ids you handled where you keep its effect;
 * this example keeps the recent ones in memory. Offsets are committed after the events they cover were handled.
 *
 * <p>{@code java -cp … io.contactimport.examples.ContactChangesConsumer <bootstrap servers> <group id>} prints one
 * line per event.
 */
public final class ContactChangesConsumer implements AutoCloseable {

    public static final String CONTACT_CHANGES = "contacts.changes";
    public static final String IMPORT_STATUS = "contact-imports.status";

    private static final int REMEMBERED_IDS = 100_000;

    /** One CloudEvent: its attributes and its data. */
    public record Event(String id, String type, String source, String subject, String time, String dataSchema,
                        JsonNode data) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Boolean> handled = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_IDS;
        }
    };

    /** Reads from the start of the topics the first time the group runs; after that, where it left off. */
    public static Properties config(String bootstrapServers, String groupId) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return config;
    }

    public ContactChangesConsumer(Properties config) {
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(CONTACT_CHANGES, IMPORT_STATUS));
    }

    /** Joins the group and finds where each partition is read from, before returning. */
    public void start(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
            poll(Duration.ofMillis(100), event -> { });
        }
        consumer.assignment().forEach(consumer::position);
    }

    /** Hands each event not handled before to {@code handler}, in order per key, then commits their offsets. */
    public void poll(Duration timeout, Consumer<Event> handler) {
        boolean any = false;
        for (ConsumerRecord<String, byte[]> record : consumer.poll(timeout)) {
            any = true;
            Event event = event(record);
            if (handled.put(event.id(), Boolean.TRUE) == null) {
                handler.accept(event);
            }
        }
        if (any) {
            consumer.commitSync();
        }
    }

    private Event event(ConsumerRecord<String, byte[]> record) {
        try {
            return new Event(header(record, "ce_id"), header(record, "ce_type"), header(record, "ce_source"),
                    header(record, "ce_subject"), header(record, "ce_time"), header(record, "ce_dataschema"),
                    json.readTree(record.value()));
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON event at " + record.topic() + "/" + record.partition()
                    + "@" + record.offset(), e);
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: ContactChangesConsumer <bootstrap servers> <group id>");
            System.exit(2);
        }
        try (ContactChangesConsumer changes = new ContactChangesConsumer(config(args[0], args[1]))) {
            while (!Thread.currentThread().isInterrupted()) {
                changes.poll(Duration.ofSeconds(1), event -> System.out.println(describe(event)));
            }
        }
    }

    /** {@code contact.created ada@example.com (import 5f…)}, {@code contact_import.completed 5f… created=1 …}. */
    static String describe(Event event) {
        JsonNode data = event.data();
        if (event.type().startsWith("contact_import.")) {
            JsonNode counts = data.path("counts");
            return event.type() + " " + data.path("id").asText() + " created=" + counts.path("created").asLong()
                    + " updated=" + counts.path("updated").asLong() + " failed=" + counts.path("failed").asLong();
        }
        String importId = data.path("import_id").asText(null);
        String email = data.path("email").asText();
        return event.type() + " " + email + (importId == null ? "" : " (import " + importId + ")");
    }
}
