package io.contactimport.rowprocessor.changes.events;

import io.contactimport.contracts.changes.ContactChanged;
import io.contactimport.rowprocessor.changes.service.ContactChange;
import io.contactimport.rowprocessor.changes.service.ContactChangesConfig;
import io.contactimport.support.faults.Outages;
import io.contactimport.support.faults.TransientFailures;
import io.smallrye.faulttolerance.api.BeforeRetry;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.faulttolerance.api.RetryWhen;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Sends contact changes to {@code contacts.changes} as CloudEvents (Kafka binary mode: {@code ce_*} headers, the
 * {@link ContactChanged} as JSON), keyed by contact id so one contact's changes stay in order. A batch's changes
 * are sent together and awaited together; a broker that is down is waited out, and what is sent again carries the
 * same event ids.
 */
@ApplicationScoped
public class ContactChangePublisher {

    private final MutinyEmitter<ContactChanged> events;
    private final ContactChangesConfig config;

    public ContactChangePublisher(
            @Channel("contact-changes") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
            MutinyEmitter<ContactChanged> events, ContactChangesConfig config) {
        this.events = events;
        this.config = config;
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
        List<Uni<Void>> sent = new ArrayList<>(changes.size());
        for (ContactChange change : changes) {
            String contactId = change.data().contactId().toString();
            sent.add(events.sendMessage(Message.of(change.data())
                    .addMetadata(OutgoingCloudEventMetadata.builder()
                            .withId(change.id())
                            .withType(change.type().eventType())
                            .withSubject(contactId)
                            .withTimestamp(change.time().toZonedDateTime())
                            .withDataSchema(config.dataSchema())
                            .build())
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(contactId).build())));
        }
        return Uni.join().all(sent).andFailFast().replaceWithVoid();
    }
}
