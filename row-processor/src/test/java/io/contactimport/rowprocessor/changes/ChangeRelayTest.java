package io.contactimport.rowprocessor.changes;

import static io.contactimport.testing.TopicReader.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.contactimport.contracts.Topic;
import io.contactimport.testing.LocalStackResource;
import io.contactimport.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contacts API's outbox relay when it stops between a send and the delete that follows it (a crash there leaves
 * exactly this: the change on Kafka and still in the outbox). Injected for real: PostgreSQL refuses the relay's
 * delete for as long as a trigger is there.
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class ChangeRelayTest {

    @Inject
    Pool pool;

    private final UUID team = UUID.randomUUID();

    @AfterEach
    void deletesAgain() {
        sql("DROP TRIGGER IF EXISTS relay_stops_before_delete ON contacts.change_outbox");
        sql("DROP FUNCTION IF EXISTS contacts.relay_stops_before_delete()");
    }

    @Test
    void aChangeSentButNotDeletedIsSentAgainWithTheSameIdAndThenForgotten() throws InterruptedException {
        sql("""
                CREATE FUNCTION contacts.relay_stops_before_delete() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'injected: the relay stopped between its send and its delete'; END $$""");
        sql("""
                CREATE TRIGGER relay_stops_before_delete BEFORE DELETE ON contacts.change_outbox
                FOR EACH STATEMENT EXECUTE FUNCTION contacts.relay_stops_before_delete()""");
        try (KafkaConsumer<String, String> changes = TopicReader.fromNow(Topic.CONTACT_CHANGES)) {
            // What the contacts API writes in a contact's transaction (ChangeOutbox.add).
            String contactId = UUID.randomUUID().toString();
            pool.preparedQuery("""
                            INSERT INTO contacts.change_outbox (team_id, contact_id, email, change_type, fields)
                            VALUES ($1, $2::uuid, 'relay@example.com', 'CREATED', '{"first_name": "Rel"}')""")
                    .execute(Tuple.of(team, contactId)).await().indefinitely();

            // Sent, not deleted: the relay's next runs send it again, as a relay started after a crash would.
            List<ConsumerRecord<String, String>> sent = awaitEvents(changes, contactId, 2);
            assertTrue(outboxHolds(), "still in the outbox while the delete is refused");

            deletesAgain();
            awaitTrue(() -> !outboxHolds(), "the outbox emptied once deletes were allowed again");
            sent.addAll(eventsFor(changes, contactId, Duration.ofSeconds(3)));
            assertEquals(1, sent.stream().map(event -> header(event, "ce_id")).distinct().count(),
                    "every copy carries the one event id a consumer drops duplicates by: " + sent);
            assertTrue(sent.stream().allMatch(event -> "contact.created".equals(header(event, "ce_type"))));
            assertTrue(sent.stream().allMatch(event -> event.value().equals(sent.get(0).value())));
            List<ConsumerRecord<String, String>> later = eventsFor(changes, contactId, Duration.ofSeconds(3));
            assertEquals(List.of(), later, "once deleted, it is not sent again");
        }
    }

    private List<ConsumerRecord<String, String>> awaitEvents(KafkaConsumer<String, String> changes, String contactId,
                                                             int atLeast) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (found.size() < atLeast && System.nanoTime() < deadline) {
            found.addAll(eventsFor(changes, contactId, Duration.ofMillis(200)));
        }
        assertTrue(found.size() >= atLeast, "expected the change sent at least " + atLeast + " times: " + found);
        return found;
    }

    private static List<ConsumerRecord<String, String>> eventsFor(KafkaConsumer<String, String> changes,
                                                                  String contactId, Duration during) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        long deadline = System.nanoTime() + during.toNanos();
        do {
            for (ConsumerRecord<String, String> record : changes.poll(Duration.ofMillis(100))) {
                if (contactId.equals(record.key())) {
                    found.add(record);
                }
            }
        } while (System.nanoTime() < deadline);
        return found;
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "within 30 s: " + what);
            Thread.sleep(100);
        }
    }

    private boolean outboxHolds() {
        return pool.preparedQuery("SELECT count(*) FROM contacts.change_outbox WHERE team_id = $1")
                .execute(Tuple.of(team)).await().indefinitely().iterator().next().getLong(0) > 0;
    }

    private void sql(String statement) {
        pool.query(statement).execute().await().indefinitely();
    }
}
