package io.contactimport.support.kafka;

import io.contactimport.contracts.Topic;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The topics' names as configuration, from {@link Topic}: {@code topic.row-batches} is
 * {@code contact-imports.row-batches}, and so on ({@code ROW_BATCHES} → {@code row-batches}). The services' channels
 * say {@code mp.messaging.incoming.row-batches.topic=${topic.row-batches}}, so a name is written once, in
 * {@code contracts}. Below application.properties and the environment, which can still point a channel elsewhere.
 */
public class TopicNames implements ConfigSource {

    private static final Map<String, String> NAMES = Arrays.stream(Topic.values())
            .collect(Collectors.toUnmodifiableMap(
                    topic -> "topic." + topic.name().toLowerCase(Locale.ROOT).replace('_', '-'), Topic::topicName));

    @Override
    public Map<String, String> getProperties() {
        return NAMES;
    }

    @Override
    public Set<String> getPropertyNames() {
        return NAMES.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return NAMES.get(propertyName);
    }

    @Override
    public String getName() {
        return "contracts-topic-names";
    }

    @Override
    public int getOrdinal() {
        return 50;
    }
}
