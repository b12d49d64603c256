package io.contactimport.rowprocessor.batches.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class AnnouncementsInFlightTest {

    private final AnnouncementsInFlight inFlight = new AnnouncementsInFlight();
    private final TopicPartition partition = new TopicPartition("contact-imports.row-batches", 3);
    private final TopicPartition other = new TopicPartition("contact-imports.row-batches", 4);

    @Test
    void theNextAnnouncementWaitsUntilThePartitionsPreviousOneWasAcknowledged() {
        CompletableFuture<Void> previous = new CompletableFuture<>();
        inFlight.started(partition, previous);
        AtomicReference<String> outcome = subscribe(inFlight.previousAcknowledged(partition, null));
        assertEquals(null, outcome.get(), "waits while the previous one is in flight");
        assertEquals("acknowledged", subscribe(inFlight.previousAcknowledged(other, null)).get(),
                "another partition does not wait");
        previous.complete(null);
        assertEquals("acknowledged", outcome.get());
        assertEquals("acknowledged", subscribe(inFlight.previousAcknowledged(partition, null)).get());
    }

    @Test
    void aFailedAnnouncementFailsEveryLaterOneOfItsPartitionSoNoneOvertakesIt() {
        CompletableFuture<Void> previous = new CompletableFuture<>();
        inFlight.started(partition, previous);
        AtomicReference<String> waiting = subscribe(inFlight.previousAcknowledged(partition, null));
        previous.completeExceptionally(new IllegalStateException("outage ceiling reached"));
        assertTrue(waiting.get().startsWith("failed"), waiting.get());
        String later = subscribe(inFlight.previousAcknowledged(partition, null)).get();
        assertTrue(later.startsWith("failed"), "still refused afterwards: " + later);
        assertFalse(subscribe(inFlight.previousAcknowledged(other, null)).get().startsWith("failed"));
    }

    private static AtomicReference<String> subscribe(Uni<Void> previousAcknowledged) {
        AtomicReference<String> outcome = new AtomicReference<>();
        previousAcknowledged.subscribe().with(ignored -> outcome.set("acknowledged"),
                failure -> outcome.set("failed: " + failure.getMessage()));
        return outcome;
    }
}
