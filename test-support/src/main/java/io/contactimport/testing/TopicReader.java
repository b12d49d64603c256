package io.contactimport.testing;

import io.contactimport.contracts.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/** A topic of the shared test stack read as a downstream consumer reads it: records as text, in a group of its own. */
public final class TopicReader {

    private TopicReader() {
    }

    /**
     * Reads {@code topic} from its current end. "latest" is resolved lazily: the position is taken here, before the
     * events under test are sent, or a position found after them would skip them.
     */
    public static KafkaConsumer<String, String> fromNow(Topic topic) {
        Properties props = new Properties();
        props.put("bootstrap.servers", LocalStackResource.sharedStack().kafkaBootstrapServers());
        props.put("group.id", "test-" + UUID.randomUUID());
        props.put("auto.offset.reset", "latest");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer());
        consumer.subscribe(List.of(topic.topicName()));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (consumer.assignment().isEmpty()) {
            if (System.nanoTime() > deadline) {
                consumer.close();
                throw new IllegalStateException("no partitions of " + topic.topicName() + " assigned within 30 s");
            }
            consumer.poll(Duration.ofMillis(100));
        }
        consumer.assignment().forEach(consumer::position);
        return consumer;
    }

    /** A record's header as text (the {@code ce_*} attributes of a CloudEvent), or null. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
