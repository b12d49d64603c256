package io.contactimport.rowprocessor.batches.events;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.apache.kafka.common.TopicPartition;

/**
 * Per partition, the announcement of the batch applied last (its contact changes, then its outcome) while the broker
 * has not acknowledged it yet. The partition's next batch is applied meanwhile, so PostgreSQL works while Kafka
 * acknowledges; its announcement starts only once the previous one was acknowledged. So a partition's changes reach
 * Kafka in the order they were applied, and at most one batch's announcement per partition waits in memory (during a
 * broker outage the consumer stops at the partition's next batch, as it did when it awaited each announcement).
 */
final class AnnouncementsInFlight {

    private final Map<TopicPartition, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();

    /**
     * Completes once the partition's announcement in flight was acknowledged, back on {@code context}: the next
     * announcement is built there, not on a Kafka client's thread. Fails when that announcement failed for good
     * (outage ceiling reached): the next batch must not be announced ahead of it, so it is nacked too and both are
     * redelivered, in order.
     */
    Uni<Void> previousAcknowledged(TopicPartition partition, Context context) {
        CompletableFuture<Void> previous = inFlight.get(partition);
        if (previous == null || previous.isDone() && !previous.isCompletedExceptionally()) {
            return Uni.createFrom().voidItem();
        }
        Executor onContext = context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
        return Uni.createFrom().completionStage(previous).emitOn(onContext);
    }

    /**
     * The partition's announcement in flight is now this one. A successful one is forgotten once acknowledged; a
     * failed one stays, so every later batch of the partition is refused until the channel restarts.
     */
    void started(TopicPartition partition, CompletableFuture<Void> announcement) {
        inFlight.put(partition, announcement);
        announcement.thenRun(() -> inFlight.remove(partition, announcement));
    }
}
