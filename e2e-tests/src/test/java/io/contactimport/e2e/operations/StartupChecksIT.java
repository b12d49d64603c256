package io.contactimport.e2e.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactimport.e2e.support.RunningSystem;
import io.contactimport.stack.LocalStack;
import io.contactimport.stack.Service;
import io.contactimport.stack.ServiceFleet;
import io.contactimport.stack.StackException;
import io.contactimport.support.kafka.TopicCheck;
import io.contactimport.support.kafka.TopicCheck.Use;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

/** A service refuses to start, saying why in one line, when its topics are missing, too few or too small. */
class StartupChecksIT {

    @Test
    void theTopicCheckNamesEachProblem() throws Exception {
        RunningSystem system = RunningSystem.shared();
        try (Admin admin = admin(system)) {
            admin.createTopics(List.of(new NewTopic("startup-check.narrow", 1, (short) 1),
                    new NewTopic("startup-check.small", 4, (short) 1)
                            .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "100000"))))
                    .all().get(30, TimeUnit.SECONDS);

            assertThat(TopicCheck.problems(admin, List.of(
                    new Use("startup-check.narrow", 12, 0),
                    new Use("startup-check.small", 4, 8388608),
                    new Use("startup-check.missing", 1, 0),
                    Use.of("contact-imports.row-batches", 8388608)))).containsExactly(
                    "topic startup-check.narrow has 1 partitions, needs at least 12",
                    "topic startup-check.missing does not exist",
                    "topic startup-check.small takes messages up to 100000 bytes, this service sends up to 8388608"
                            + " (set its max.message.bytes to 8388608)");
        }
    }

    @Test
    void aServiceWithoutItsTopicRefusesToStart() throws Exception {
        RunningSystem system = RunningSystem.shared();
        ServiceFleet fleet = system.fleet();
        fleet.override(Service.ROW_PROCESSOR, Map.of("MP_MESSAGING_INCOMING_ROW_BATCHES_TOPIC", "startup-check.gone"));
        ServiceFleet.Instance instance = null;
        int port = LocalStack.freePort();
        try {
            instance = fleet.start(Service.ROW_PROCESSOR, port);
            assertThat(instance.process().awaitExit(Duration.ofSeconds(60))).isNotZero();
        } catch (StackException refused) {
            assertThat(refused.getMessage()).contains("exited with code");
        } finally {
            fleet.override(Service.ROW_PROCESSOR, Map.of());
            if (instance != null) {
                fleet.kill(instance);
            }
        }
        List<String> refusals = Files.readAllLines(fleet.logFile(Service.ROW_PROCESSOR, port));
        assertThat(refusals).filteredOn(line -> line.contains("Refusing to start")).singleElement().asString()
                .contains("topic startup-check.gone does not exist");
    }

    private static Admin admin(RunningSystem system) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrapServers());
        return Admin.create(properties);
    }
}
