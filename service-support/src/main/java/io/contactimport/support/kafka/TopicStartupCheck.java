package io.contactimport.support.kafka;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * A service whose topics are wrong refuses to run, with one line saying what to fix: the Kafka channels it is
 * configured with are checked against the broker at start-up ({@link TopicCheck}). A broker that does not answer yet is
 * not wrong: the check is made again every {@value #RECHECK_MILLIS} ms until it answers, while the service starts.
 */
@ApplicationScoped
public class TopicStartupCheck {

    private static final Logger LOG = Logger.getLogger(TopicStartupCheck.class);
    private static final Pattern CHANNEL_TOPIC = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.(.+)\\.topic");
    private static final String KAFKA = "smallrye-kafka";
    private static final int DEFAULT_REQUEST_SIZE = 1024 * 1024;
    private static final long RECHECK_MILLIS = 10_000;

    private final Config config;
    private final Instance<Map<String, Object>> kafkaConfig;
    private final Vertx vertx;

    public TopicStartupCheck(Config config, @Any Instance<Map<String, Object>> kafkaConfig, Vertx vertx) {
        this.config = config;
        this.kafkaConfig = kafkaConfig.select(Identifier.Literal.of("default-kafka-broker"));
        this.vertx = vertx;
    }

    void onStart(@Observes StartupEvent start) {
        List<TopicCheck.Use> uses = uses();
        if (!uses.isEmpty() && kafkaConfig.isResolvable() && !check(uses)) {
            LOG.warn("Kafka does not answer yet; the topics are checked once it does");
            recheckLater(uses);
        }
    }

    /** The Kafka channels of this service, from its configuration: topic, and for producers their request size. */
    List<TopicCheck.Use> uses() {
        List<TopicCheck.Use> uses = new ArrayList<>();
        for (String name : config.getPropertyNames()) {
            Matcher channel = CHANNEL_TOPIC.matcher(name);
            if (!channel.matches()) {
                continue;
            }
            String prefix = "mp.messaging." + channel.group(1) + "." + channel.group(2) + ".";
            if (!KAFKA.equals(config.getOptionalValue(prefix + "connector", String.class).orElse(""))) {
                continue;
            }
            int largest = channel.group(1).equals("outgoing")
                    ? config.getOptionalValue(prefix + ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.class)
                            .orElse(DEFAULT_REQUEST_SIZE)
                    : 0;
            uses.add(TopicCheck.Use.of(config.getValue(name, String.class), largest));
        }
        return uses;
    }

    /** Answers whether the broker gave a verdict; a bad one ends the service. */
    private boolean check(List<TopicCheck.Use> uses) {
        try (Admin admin = Admin.create(adminProperties())) {
            List<String> problems = TopicCheck.problems(admin, uses);
            if (!problems.isEmpty()) {
                LOG.errorf("Refusing to start: %s.", String.join("; ", problems));
                Quarkus.asyncExit(1);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private void recheckLater(List<TopicCheck.Use> uses) {
        vertx.setTimer(RECHECK_MILLIS, timer -> vertx.executeBlocking(() -> check(uses), false)
                .onSuccess(answered -> {
                    if (!answered) {
                        recheckLater(uses);
                    }
                }));
    }

    private Properties adminProperties() {
        Properties properties = new Properties();
        kafkaConfig.get().forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                properties.put(key, value);
            }
        });
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        return properties;
    }
}
