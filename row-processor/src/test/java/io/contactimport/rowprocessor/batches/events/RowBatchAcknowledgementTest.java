package io.contactimport.rowprocessor.batches.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactimport.contracts.batches.RowBatch;
import io.contactimport.contracts.batches.RowBatchProcessed;
import io.contactimport.contracts.imports.OnConflict;
import io.contactimport.rowprocessor.batches.service.AppliedBatch;
import io.contactimport.rowprocessor.batches.service.BatchApplier;
import io.contactimport.rowprocessor.changes.events.ContactChangePublisher;
import io.contactimport.rowprocessor.changes.service.ContactChange;
import io.contactimport.rowprocessor.changes.service.ContactChangesConfig;
import io.contactimport.rowprocessor.changes.service.ImportChanges;
import io.contactimport.rowprocessor.contacts.repository.ContactUpsert.AppliedRow;
import io.contactimport.rowprocessor.contacts.service.ContactRow;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

/**
 * A batch's offset may be committed only after its announcement (its contact changes, then its outcome) was
 * acknowledged by the broker: acked any earlier, a crash in between would lose the announcement, since the batch would
 * not be redelivered. The consumer itself moves on to the next batch meanwhile. Here the applier and both publishers
 * are stand-ins whose acknowledgements the test gives.
 */
class RowBatchAcknowledgementTest {

    private static final UUID IMPORT = UUID.randomUUID();
    private static final UUID TEAM = UUID.randomUUID();

    private final CompletableFuture<Void> changesAcknowledged = new CompletableFuture<>();
    private final CompletableFuture<Void> outcomeAcknowledged = new CompletableFuture<>();
    private final AtomicBoolean outcomeSent = new AtomicBoolean();
    private final AtomicBoolean acked = new AtomicBoolean();
    private final AtomicReference<Throwable> nacked = new AtomicReference<>();
    private final RowBatchConsumer consumer = new RowBatchConsumer(new AppliedAtOnce(), new OutcomesAsGiven(),
            new ChangesAsGiven());

    @Test
    void theBatchIsAckedOnlyOnceItsChangesAndThenItsOutcomeWereAcknowledged() {
        consumer.consume(message(0)).await().indefinitely();
        assertFalse(acked.get(), "the consumer took the next batch, but this one is not acked yet");
        assertFalse(outcomeSent.get(), "the outcome follows the changes");
        changesAcknowledged.complete(null);
        assertTrue(outcomeSent.get());
        assertFalse(acked.get(), "not acked while the outcome is unacknowledged");
        outcomeAcknowledged.complete(null);
        assertTrue(acked.get());
        assertNull(nacked.get());
    }

    @Test
    void aBatchWhoseAnnouncementFailedIsNackedNotAcked() {
        consumer.consume(message(1)).await().indefinitely();
        changesAcknowledged.completeExceptionally(new IllegalStateException("outage ceiling reached"));
        assertFalse(acked.get());
        assertFalse(outcomeSent.get(), "no outcome for changes that did not reach the broker");
        assertEquals("outage ceiling reached", nacked.get().getMessage());
    }

    private Message<RowBatch> message(int sequence) {
        RowBatch batch = new RowBatch(IMPORT, TEAM, 0, sequence, OnConflict.UPSERT, List.of("email"), null, null, null,
                List.of(new RowBatch.Row(1, List.of("ada@example.com"), false)));
        ConsumerRecord<String, RowBatch> record = new ConsumerRecord<>("contact-imports.row-batches", 3, sequence,
                IMPORT.toString(), batch);
        return Message.of(batch, List.of(new IncomingKafkaRecordMetadata<>(record, "row-batches")),
                () -> {
                    acked.set(true);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    nacked.set(failure);
                    return CompletableFuture.completedFuture(null);
                });
    }

    /** The batch's transaction committed at once, with one change to announce. */
    private static final class AppliedAtOnce extends BatchApplier {
        AppliedAtOnce() {
            super(null, null, null, null, null, null, null, null, null, null, null);
        }

        @Override
        public Uni<AppliedBatch> apply(RowBatch batch, Refusals refusals) {
            RowBatchProcessed outcome = new RowBatchProcessed(batch.importId(), batch.teamId(), batch.bucket(),
                    batch.sequence(), 1, 0, 0, 0);
            AppliedRow ada = new AppliedRow(new ContactRow(1, "ada@example.com", null, null, null, null),
                    UUID.randomUUID(), true);
            return Uni.createFrom().item(new AppliedBatch(outcome,
                    new ImportChanges().of(batch, List.of(ada), OffsetDateTime.now())));
        }
    }

    private final class ChangesAsGiven extends ContactChangePublisher {
        ChangesAsGiven() {
            super(null, new ObjectMapper(), new Enabled(), "contacts.changes");
        }

        @Override
        public Uni<Void> publish(List<ContactChange> changes) {
            return Uni.createFrom().completionStage(changesAcknowledged);
        }
    }

    private final class OutcomesAsGiven extends BatchOutcomePublisher {
        OutcomesAsGiven() {
            super(null);
        }

        @Override
        public Uni<Void> publish(RowBatchProcessed outcome) {
            outcomeSent.set(true);
            return Uni.createFrom().completionStage(outcomeAcknowledged);
        }
    }

    private static final class Enabled implements ContactChangesConfig {
        @Override
        public boolean enabled() {
            return true;
        }

        @Override
        public String source() {
            return "/contact-imports";
        }

        @Override
        public String dataSchema() {
            return "http://example.com/contact-changed.json";
        }

        @Override
        public String relayEvery() {
            return "1s";
        }
    }
}
