package io.contactimport.splitter.imports.events;

import io.contactimport.contracts.imports.ImportSplit;
import io.contactimport.support.faults.Outages;
import io.contactimport.support.faults.TransientFailures;
import io.smallrye.faulttolerance.api.BeforeRetry;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.faulttolerance.api.RetryWhen;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Announces how an import was split, keyed by import; waits out a broker that is down. */
@ApplicationScoped
public class ImportSplitPublisher {

    private final MutinyEmitter<ImportSplit> splits;

    public ImportSplitPublisher(@Channel("import-splits") MutinyEmitter<ImportSplit> splits) {
        this.splits = splits;
    }

    @Retry(maxRetries = -1, delay = Outages.FIRST_DELAY_MS, maxDuration = Outages.MAX_WAIT_MINUTES,
            durationUnit = ChronoUnit.MINUTES, jitter = Outages.JITTER_MS)
    @ExponentialBackoff(maxDelay = Outages.MAX_DELAY_SECONDS, maxDelayUnit = ChronoUnit.SECONDS)
    @RetryWhen(exception = TransientFailures.Predicate.class)
    @BeforeRetry(Outages.LogWait.class)
    public void publish(ImportSplit split) {
        splits.sendMessageAndAwait(Message.of(split).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(split.importId().toString()).build()));
    }
}
