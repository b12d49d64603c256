package io.contactimport.rowprocessor.batches.events;

import io.contactimport.contracts.batches.RowBatch;
import io.contactimport.rowprocessor.batches.service.BatchApplier;
import io.contactimport.rowprocessor.batches.service.BatchApplier.Refusals;
import io.contactimport.rowprocessor.changes.events.ContactChangePublisher;
import io.contactimport.support.faults.TransientFailures;
import io.contactimport.support.observability.ImportLogContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * One row batch in; its contact changes and then its outcome out. Both are published after the batch's transaction
 * committed, and the offset is committed only after they were acknowledged: a crash anywhere redelivers the batch,
 * and the ledger turns the redelivery into a re-publication of the same changes and outcome. An outage of PostgreSQL
 * or Kafka is waited out inside; a batch PostgreSQL refuses for its data is applied again with only the refused rows
 * failing, so a poison batch never stalls its partition.
 */
@ApplicationScoped
public class RowBatchConsumer {

    private static final Logger LOG = Logger.getLogger(RowBatchConsumer.class);

    private final BatchApplier applier;
    private final BatchOutcomePublisher outcomes;
    private final ContactChangePublisher changes;

    public RowBatchConsumer(BatchApplier applier, BatchOutcomePublisher outcomes, ContactChangePublisher changes) {
        this.applier = applier;
        this.outcomes = outcomes;
        this.changes = changes;
    }

    /** The bulk lane: batches of large files, in order per partition. */
    @Incoming("row-batches")
    public Uni<Void> consume(RowBatch batch) {
        return applyAndAnnounce(batch);
    }

    /** The express lane: small files' batches, with a consumer of their own so they never wait behind bulk ones. */
    @Incoming("express-row-batches")
    public Uni<Void> consumeExpress(RowBatch batch) {
        return applyAndAnnounce(batch);
    }

    private Uni<Void> applyAndAnnounce(RowBatch batch) {
        ImportLogContext.enter(batch.importId(), batch.teamId());
        return applier.apply(batch, Refusals.FAIL_THE_BATCH)
                .onFailure(RowBatchConsumer::isRefusal).recoverWithUni(refusal -> {
                    LOG.warnf("batch %s was refused (%s); applying it again with only the refused rows failing",
                            batch.id(), refusal.getMessage());
                    return applier.apply(batch, Refusals.FAIL_THE_REFUSED_ROWS);
                })
                .onFailure(RowBatchConsumer::isRefusal).recoverWithUni(refusal -> {
                    LOG.errorf(refusal, "batch %s was refused even row by row; failing every row of it", batch.id());
                    return applier.apply(batch, Refusals.FAIL_EVERY_ROW);
                })
                .call(applied -> changes.publish(applied.changes()))
                .chain(applied -> outcomes.publish(applied.outcome()));
    }

    /** Not an outage (those are waited out inside, up to the ceiling): the batch itself is what fails. */
    private static boolean isRefusal(Throwable failure) {
        return !TransientFailures.isTransient(failure);
    }
}
