package io.contactimport.rowprocessor.batches.events;

import io.contactimport.contracts.batches.RowBatchProcessed;
import io.contactimport.support.faults.Outages;
import io.contactimport.support.faults.TransientFailures;
import io.smallrye.faulttolerance.api.BeforeRetry;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.faulttolerance.api.RetryWhen;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Announces a batch's outcome, keyed by import, once its transaction committed; waits out a broker that is down. */
@ApplicationScoped
public class BatchOutcomePublisher {

    private final MutinyEmitter<RowBatchProcessed> outcomes;

    public BatchOutcomePublisher(@Channel("batch-outcomes") MutinyEmitter<RowBatchProcessed> outcomes) {
        this.outcomes = outcomes;
    }

    @Retry(maxRetries = -1, delay = Outages.FIRST_DELAY_MS, maxDuration = Outages.MAX_WAIT_MINUTES,
            durationUnit = ChronoUnit.MINUTES, jitter = Outages.JITTER_MS)
    @ExponentialBackoff(maxDelay = Outages.MAX_DELAY_SECONDS, maxDelayUnit = ChronoUnit.SECONDS)
    @RetryWhen(exception = TransientFailures.Predicate.class)
    @BeforeRetry(Outages.LogWait.class)
    public Uni<Void> publish(RowBatchProcessed outcome) {
        return outcomes.sendMessage(Message.of(outcome).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(outcome.importId().toString()).build()));
    }
}
