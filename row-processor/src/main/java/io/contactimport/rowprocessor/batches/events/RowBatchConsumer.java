package io.contactimport.rowprocessor.batches.events;

import io.contactimport.contracts.batches.RowBatch;
import io.contactimport.contracts.batches.RowBatchProcessed;
import io.contactimport.rowprocessor.batches.service.BatchApplier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * One row batch in, one outcome out. The outcome is published after the batch's transaction committed and the
 * offset is committed only after the outcome was acknowledged: a crash anywhere redelivers the batch, and the
 * ledger turns the redelivery into a re-publication of the same outcome.
 */
@ApplicationScoped
public class RowBatchConsumer {

    private static final Logger LOG = Logger.getLogger(RowBatchConsumer.class);

    private final BatchApplier applier;
    private final MutinyEmitter<RowBatchProcessed> outcomes;

    public RowBatchConsumer(BatchApplier applier, @Channel("batch-outcomes") MutinyEmitter<RowBatchProcessed> outcomes) {
        this.applier = applier;
        this.outcomes = outcomes;
    }

    @Incoming("row-batches")
    public Uni<Void> consume(RowBatch batch) {
        return applier.apply(batch)
                .onFailure().invoke(e -> LOG.warnf(e, "batch %s failed, retrying", batch.id()))
                // Database trouble is transient or needs an operator; the batch is retried, never dropped.
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).atMost(30)
                .flatMap(outcome -> outcomes.sendMessage(Message.of(outcome).addMetadata(
                        OutgoingKafkaRecordMetadata.<String>builder().withKey(outcome.importId().toString()).build())));
    }
}
