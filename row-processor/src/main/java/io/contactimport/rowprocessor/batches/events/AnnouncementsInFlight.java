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
 * acknowledges; its announcement starts only once the previous one ended. So a partition's changes reach Kafka in the
 * order they were applied, and at most one batch's announcement per partition waits in memory (during a broker outage
 * the consumer stops at the partition's next batch, as it did when it awaited each announcement).
 */
final class AnnouncementsInFlight {

    private final Map<TopicPartition, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();

    /**
     * Completes once the partition's announcement in flight has ended, succeeded or not (a failed one has nacked its
     * own batch), back on {@code context}: the next announcement is built there, not on a Kafka client's thread.
     */
    Uni<Void> previousEnded(TopicPartition partition, Context context) {
        CompletableFuture<Void> previous = inFlight.get(partition);
        if (previous == null || previous.isDone()) {
            return Uni.createFrom().voidItem();
        }
        Executor onContext = context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
        return Uni.createFrom().completionStage(previous).onFailure().recoverWithNull().replaceWithVoid()
                .emitOn(onContext);
    }

    /** The partition's announcement in flight is now this one. */
    void started(TopicPartition partition, CompletableFuture<Void> announcement) {
        inFlight.put(partition, announcement);
        announcement.whenComplete((ignored, failure) -> inFlight.remove(partition, announcement));
    }
}
