package io.contactimport.support.kafka;

import io.contactimport.contracts.Topic;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Compares the topics a service uses with what the broker has: each must exist, have at least the partitions
 * {@link Topic} gives it (fewer would leave buckets without a partition of their own), and take the
 * largest message the service sends. Answers the problems, in words an operator acts on.
 */
public final class TopicCheck {

    /**
     * A topic a service reads or writes, the partitions it needs, and the largest message it sends there (0 when it
     * only reads).
     */
    public record Use(String topic, int partitions, int largestMessageBytes) {
        /** A use of a topic of {@link Topic} (which gives its partitions), or of another (one partition will do). */
        public static Use of(String topic, int largestMessageBytes) {
            return new Use(topic, Topic.byName(topic).map(Topic::partitions).orElse(1), largestMessageBytes);
        }
    }

    private static final long TIMEOUT_SECONDS = 10;

    private TopicCheck() {
    }

    /**
     * @throws TimeoutException or {@link ExecutionException} when the broker does not answer: not a verdict, ask again
     */
    public static List<String> problems(Admin admin, Collection<Use> uses)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, Integer> largest = uses.stream()
                .collect(Collectors.toMap(Use::topic, Use::largestMessageBytes, Math::max, TreeMap::new));
        Map<String, Integer> needed = uses.stream()
                .collect(Collectors.toMap(Use::topic, Use::partitions, Math::max));
        List<String> problems = new ArrayList<>();
        List<String> present = new ArrayList<>();
        for (var described : admin.describeTopics(largest.keySet()).topicNameValues().entrySet()) {
            String topic = described.getKey();
            TopicDescription description;
            try {
                description = described.getValue().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                    problems.add("topic " + topic + " does not exist" + creation(topic));
                    continue;
                }
                throw e;
            }
            present.add(topic);
            int partitions = description.partitions().size();
            if (partitions < needed.get(topic)) {
                problems.add("topic " + topic + " has " + partitions + " partitions, needs at least "
                        + needed.get(topic));
            }
        }
        if (!present.isEmpty()) {
            List<ConfigResource> resources = present.stream()
                    .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic)).toList();
            Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            for (var config : configs.entrySet()) {
                String topic = config.getKey().name();
                int accepted = Integer.parseInt(config.getValue().get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value());
                int sent = largest.get(topic);
                if (accepted < sent) {
                    problems.add("topic " + topic + " takes messages up to " + accepted + " bytes, this service sends"
                            + " up to " + sent + " (set its " + TopicConfig.MAX_MESSAGE_BYTES_CONFIG + " to " + sent
                            + ")");
                }
            }
        }
        return problems;
    }

    private static String creation(String topic) {
        return Topic.byName(topic).map(t -> " (create it with " + t.partitions() + " partitions, "
                + TopicConfig.MAX_MESSAGE_BYTES_CONFIG + "=" + t.maxMessageBytes() + "; the chart's topics Job does)")
                .orElse("");
    }
}
