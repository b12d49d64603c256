package io.contactimport.rowprocessor.batches.events;

import io.contactimport.contracts.batches.RowBatch;
import io.contactimport.rowprocessor.batches.service.AppliedBatch;
import io.contactimport.rowprocessor.batches.service.BatchApplier;
import io.contactimport.rowprocessor.batches.service.BatchApplier.Refusals;
import io.contactimport.rowprocessor.changes.events.ContactChangePublisher;
import io.contactimport.support.faults.TransientFailures;
import io.contactimport.support.observability.ImportLogContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * One row batch in; its contact changes and then its outcome out. Both are published after the batch's transaction
 * committed, and the batch is acknowledged (its offset may be committed) only after they were: a crash anywhere
 * redelivers the batch, and the ledger turns the redelivery into a re-publication of the same changes and outcome.
 * While Kafka acknowledges one batch's announcement, the partition's next batch is applied
 * ({@link AnnouncementsInFlight}). An outage of PostgreSQL or Kafka is waited out inside; a batch PostgreSQL refuses
 * for its data is applied again with only the refused rows failing, so a poison batch never stalls its partition.
 */
@ApplicationScoped
public class RowBatchConsumer {

    private static final Logger LOG = Logger.getLogger(RowBatchConsumer.class);

    private final BatchApplier applier;
    private final BatchOutcomePublisher outcomes;
    private final ContactChangePublisher changes;
    private final AnnouncementsInFlight inFlight = new AnnouncementsInFlight();

    public RowBatchConsumer(BatchApplier applier, BatchOutcomePublisher outcomes, ContactChangePublisher changes) {
        this.applier = applier;
        this.outcomes = outcomes;
        this.changes = changes;
    }

    /** The bulk lane: batches of large files, in order per partition. */
    @Incoming("row-batches")
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public Uni<Void> consume(Message<RowBatch> message) {
        return applyAndAnnounce(message);
    }

    /** The express lane: small files' batches, with a consumer of their own so they never wait behind bulk ones. */
    @Incoming("express-row-batches")
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public Uni<Void> consumeExpress(Message<RowBatch> message) {
        return applyAndAnnounce(message);
    }

    /**
     * Applies the batch and starts its announcement once the partition's previous one was acknowledged; completes
     * then, so the consumer takes the next batch while this one's is acknowledged. The message is acked after its
     * announcement, and nacked (the channel's failure strategy takes over) when the batch or its announcement failed
     * for good.
     */
    private Uni<Void> applyAndAnnounce(Message<RowBatch> message) {
        RowBatch batch = message.getPayload();
        ImportLogContext.enter(batch.importId(), batch.teamId());
        TopicPartition partition = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(kafka -> new TopicPartition(kafka.getTopic(), kafka.getPartition())).orElseThrow();
        Context context = Vertx.currentContext();
        return apply(batch)
                .call(() -> inFlight.previousAcknowledged(partition, context))
                .invoke(applied -> inFlight.started(partition, changes.publish(applied.changes())
                        .chain(() -> outcomes.publish(applied.outcome()))
                        .call(() -> Uni.createFrom().completionStage(message.ack()))
                        .onFailure().call(failure -> Uni.createFrom().completionStage(message.nack(failure)))
                        .subscribeAsCompletionStage()))
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> Uni.createFrom().completionStage(message.nack(failure)));
    }

    private Uni<AppliedBatch> apply(RowBatch batch) {
        return applier.apply(batch, Refusals.FAIL_THE_BATCH)
                .onFailure(RowBatchConsumer::isRefusal).recoverWithUni(refusal -> {
                    LOG.warnf("batch %s was refused (%s); applying it again with only the refused rows failing",
                            batch.id(), refusal.getMessage());
                    return applier.apply(batch, Refusals.FAIL_THE_REFUSED_ROWS);
                })
                .onFailure(RowBatchConsumer::isRefusal).recoverWithUni(refusal -> {
                    LOG.errorf(refusal, "batch %s was refused even row by row; failing every row of it", batch.id());
                    return applier.apply(batch, Refusals.FAIL_EVERY_ROW);
                });
    }

    /** Not an outage (those are waited out inside, up to the ceiling): the batch itself is what fails. */
    private static boolean isRefusal(Throwable failure) {
        return !TransientFailures.isTransient(failure);
    }
}
