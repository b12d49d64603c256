package io.contactimport.e2e.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.contactimport.contracts.Topic;
import io.contactimport.e2e.support.RunningSystem;
import io.contactimport.examples.ContactChangesConsumer;
import io.contactimport.examples.ContactChangesConsumer.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The consumer example (examples/contact-changes-consumer) against the whole system: it sees one
 * {@code contact.created} per contact an import created, one {@code contact.updated} per row that updated one, the
 * import's {@code contact_import.completed}, and the contacts API's changes.
 */
class ContactChangesIT {

    private static final int CONTACTS = 3_000;
    private static final int UPDATES = 200;

    private static RunningSystem system;

    @TempDir
    static Path files;

    @BeforeAll
    static void startSystem() {
        system = RunningSystem.shared();
    }

    @Test
    void theConsumerExampleSeesEveryContactAnImportChangedAndItsCompletion() throws Exception {
        assertThat(List.of(ContactChangesConsumer.CONTACT_CHANGES, ContactChangesConsumer.IMPORT_STATUS))
                .containsExactly(Topic.CONTACT_CHANGES.topicName(), Topic.IMPORT_STATUS.topicName());
        String key = system.newTeamKey();
        StringBuilder csv = new StringBuilder("email,first_name\n");
        for (int i = 0; i < CONTACTS; i++) {
            csv.append("reader").append(i).append("@example.net,R").append(i).append('\n');
        }
        for (int i = 0; i < UPDATES; i++) {
            csv.append("READER").append(i).append("@example.net,Renamed").append(i).append('\n');
        }
        csv.append("not-an-email,Nobody\n");
        Path file = files.resolve("readers.csv");
        Files.writeString(file, csv);

        List<Event> events = new ArrayList<>();
        try (ContactChangesConsumer consumer = new ContactChangesConsumer(startingNow())) {
            consumer.start(Duration.ofSeconds(30));
            String importId = system.createImport(key, file, null);
            Predicate<Event> completed = e -> e.type().equals("contact_import.completed")
                    && e.data().path("id").asText().equals(importId);
            awaitEvent(consumer, events, completed);
            String teamId = events.stream().filter(completed).findFirst().orElseThrow().data().path("team_id")
                    .asText();
            // The changes were sent before the completion, but other partitions may still be fetched after it.
            Predicate<Event> changedByImport = e -> e.type().startsWith("contact.")
                    && importId.equals(e.data().path("import_id").asText());
            awaitCount(consumer, events, changedByImport, CONTACTS + UPDATES);
            List<Event> ofImport = events.stream().filter(changedByImport).toList();

            List<Event> created = ofImport.stream().filter(e -> e.type().equals("contact.created")).toList();
            assertThat(created).hasSize(CONTACTS);
            Set<String> emails = new HashSet<>();
            created.forEach(e -> emails.add(e.data().path("email").asText()));
            assertThat(emails).hasSize(CONTACTS).contains("reader0@example.net", "reader2999@example.net");
            assertThat(created).allMatch(e -> e.data().path("team_id").asText().equals(teamId))
                    .allMatch(e -> e.subject().equals(e.data().path("contact_id").asText()))
                    .allMatch(e -> e.dataSchema().endsWith("/contact-changed.json"));
            List<Event> updated = ofImport.stream().filter(e -> e.type().equals("contact.updated")).toList();
            assertThat(updated).hasSize(UPDATES)
                    .allMatch(e -> e.data().path("fields").path("first_name").asText().startsWith("Renamed"));
            Map<String, Object> counts = system.awaitFinished(key, importId).getMap("counts");
            assertThat(counts).containsEntry("created", CONTACTS).containsEntry("updated", UPDATES)
                    .containsEntry("failed", 1);

            // The contacts API's changes, through the outbox.
            String id = system.as(key).body("{\"email\":\"api@example.net\",\"first_name\":\"Api\"}")
                    .post("/contacts").then().statusCode(201).extract().path("id");
            system.as(key).body("{\"last_name\":\"Changed\"}").patch("/contacts/" + id).then().statusCode(200);
            system.as(key).body("").delete("/contacts/" + id).then().statusCode(200);
            Predicate<Event> ofContact = e -> e.type().startsWith("contact.") && id.equals(e.subject());
            awaitEvent(consumer, events, e -> ofContact.test(e) && e.type().equals("contact.deleted"));
            List<Event> api = events.stream().filter(ofContact).toList();
            assertThat(api).extracting(Event::type)
                    .containsExactly("contact.created", "contact.updated", "contact.deleted");
            assertThat(api.get(0).data().path("import_id").isNull()).isTrue();
            assertThat(api.get(0).data().path("fields").path("first_name").asText()).isEqualTo("Api");
            assertThat(api.get(1).data().path("fields").toString()).isEqualTo("{\"last_name\":\"Changed\"}");
            assertThat(api).allMatch(e -> e.data().path("email").asText().equals("api@example.net"));

            List<Event> ours = new ArrayList<>(ofImport);
            ours.addAll(api);
            events.stream().filter(e -> e.type().startsWith("contact_import.")
                    && e.data().path("id").asText().equals(importId)).forEach(ours::add);
            assertFollowTheirSchemas(ours);
        }
    }

    /** Each event's data follows the JSON Schema its {@code ce_dataschema} names, as the gateway serves it. */
    private static void assertFollowTheirSchemas(List<Event> events) {
        Map<String, JsonSchema> schemas = new HashMap<>();
        for (Event event : events) {
            JsonSchema schema = schemas.computeIfAbsent(event.dataSchema(), url -> JsonSchemaFactory
                    .getInstance(SpecVersion.VersionFlag.V7).getSchema(given().get(url).then().statusCode(200)
                            .extract().asString()));
            assertThat(schema.validate(event.data())).as("%s %s", event.type(), event.id()).isEmpty();
        }
        assertThat(schemas.keySet()).allMatch(url -> url.startsWith(system.api() + "/events/schemas/")).hasSize(2);
    }

    /** A new group that reads what is sent from now on: the topics hold every other test's events too. */
    private static Properties startingNow() {
        Properties config = ContactChangesConsumer.config(system.kafkaBootstrapServers(),
                "contact-changes-it-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        return config;
    }

    /** Until {@code count} events match, and then one more poll, which would bring one too many. */
    private static void awaitCount(ContactChangesConsumer consumer, List<Event> events, Predicate<Event> matching,
                                   int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (events.stream().filter(matching).count() < count && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200), events::add);
        }
        consumer.poll(Duration.ofMillis(500), events::add);
    }

    private static void awaitEvent(ContactChangesConsumer consumer, List<Event> events, Predicate<Event> awaited) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (events.stream().noneMatch(awaited) && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200), events::add);
        }
        assertThat(events).as("events seen").anyMatch(awaited);
    }
}
