package io.contactimport.rowprocessor.changes.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactimport.rowprocessor.changes.service.ContactChange;
import io.contactimport.rowprocessor.changes.service.ContactChangesConfig;
import io.contactimport.support.faults.Outages;
import io.contactimport.support.faults.TransientFailures;
import io.smallrye.faulttolerance.api.BeforeRetry;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.faulttolerance.api.RetryWhen;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaProducer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Callback;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * Sends contact changes to {@code contacts.changes} ({@link ContactChangeRecords}). An import sends a million of
 * them, so they skip the per-message machinery of a channel: the channel's producer is handed a batch's changes at
 * once, each written into its record as it is sent (so only the records in the producer's buffers are alive at a
 * time), then flushed; the batch completes when the broker acknowledged all of them. A broker that is down is
 * waited out; what is sent again carries the same event ids.
 */
@ApplicationScoped
public class ContactChangePublisher {

    static final String CHANNEL = "contact-changes";

    private final KafkaClientService clients;
    private final JsonFactory json;
    private final ContactChangesConfig config;
    private final String topic;

    public ContactChangePublisher(KafkaClientService clients, ObjectMapper json, ContactChangesConfig config,
                                  @ConfigProperty(name = "mp.messaging.outgoing.contact-changes.topic") String topic) {
        this.clients = clients;
        this.json = json.getFactory();
        this.config = config;
        this.topic = topic;
    }

    /** Sends the changes in their order; completes once the broker acknowledged every one of them. */
    @Retry(maxRetries = -1, delay = Outages.FIRST_DELAY_MS, maxDuration = Outages.MAX_WAIT_MINUTES,
            durationUnit = ChronoUnit.MINUTES, jitter = Outages.JITTER_MS)
    @ExponentialBackoff(maxDelay = Outages.MAX_DELAY_SECONDS, maxDelayUnit = ChronoUnit.SECONDS)
    @RetryWhen(exception = TransientFailures.Predicate.class)
    @BeforeRetry(Outages.LogWait.class)
    public Uni<Void> publish(List<ContactChange> changes) {
        if (changes.isEmpty() || !config.enabled()) {
            return Uni.createFrom().voidItem();
        }
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        AtomicInteger pending = new AtomicInteger(changes.size());
        Callback onAcknowledged = (metadata, failure) -> {
            if (failure != null) {
                acknowledged.completeExceptionally(failure);
            } else if (pending.decrementAndGet() == 0) {
                acknowledged.complete(null);
            }
        };
        KafkaProducer<byte[], byte[]> producer = clients.getProducer(CHANNEL);
        return producer.runOnSendingThread(kafka -> {
            try (ContactChangeRecords records = new ContactChangeRecords(topic, config.source(), config.dataSchema(),
                    json)) {
                for (ContactChange change : changes) {
                    kafka.send(records.of(change), onAcknowledged);
                }
            }
            // The records go out now, each partition's in one producer batch: no linger to wait out, and none
            // closing a batch halfway through the loop (this thread is the channel's own, for blocking calls).
            kafka.flush();
        }).chain(() -> Uni.createFrom().completionStage(acknowledged));
    }
}
