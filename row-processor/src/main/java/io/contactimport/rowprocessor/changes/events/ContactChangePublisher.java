package io.contactimport.rowprocessor.changes.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.contactimport.contracts.changes.ContactChangeType;
import io.contactimport.contracts.changes.ContactChanged;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * Sends contact changes to {@code contacts.changes} as CloudEvents in Kafka's binary mode (the {@code ce_*}
 * headers; the {@link ContactChanged} as JSON), keyed by contact id so one contact's changes stay in order. An
 * import sends a million of them, so they skip the per-message machinery of a channel: the channel's producer is
 * handed a batch's records at once, with the headers that are the same for every record written once, and the
 * batch completes when the broker acknowledged all of them. A broker that is down is waited out; what is sent
 * again carries the same event ids.
 */
@ApplicationScoped
public class ContactChangePublisher {

    static final String CHANNEL = "contact-changes";

    private final KafkaClientService clients;
    private final ObjectWriter dataWriter;
    private final ContactChangesConfig config;
    private final String topic;
    private final Header specVersion = header("ce_specversion", "1.0");
    private final Header source;
    private final Header dataSchema;
    private final Header contentType = header("content-type", "application/json");
    private final Map<ContactChangeType, Header> types = new EnumMap<>(ContactChangeType.class);

    public ContactChangePublisher(KafkaClientService clients, ObjectMapper json, ContactChangesConfig config,
                                  @ConfigProperty(name = "mp.messaging.outgoing.contact-changes.topic") String topic) {
        this.clients = clients;
        this.dataWriter = json.writerFor(ContactChanged.class);
        this.config = config;
        this.topic = topic;
        this.source = header("ce_source", config.source());
        this.dataSchema = header("ce_dataschema", config.dataSchema());
        for (ContactChangeType type : ContactChangeType.values()) {
            types.put(type, header("ce_type", type.eventType()));
        }
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
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(changes.size());
        Header time = null;
        OffsetDateTime timeOf = null;
        ByteArrayBuilder value = new ByteArrayBuilder();
        try (JsonGenerator data = dataWriter.createGenerator(value)) {
            // One generator writes every event's data, each taken from the buffer in turn: a million calls of
            // writeValueAsBytes, each setting up its own, showed in a profile.
            data.setRootValueSeparator(null);
            for (ContactChange change : changes) {
                if (!change.time().equals(timeOf)) {
                    timeOf = change.time();
                    time = header("ce_time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(timeOf));
                }
                dataWriter.writeValue(data, change.data());
                data.flush();
                records.add(record(change, time, value.toByteArray()));
                value.reset();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        AtomicInteger pending = new AtomicInteger(records.size());
        KafkaProducer<String, byte[]> producer = clients.getProducer(CHANNEL);
        return producer.runOnSendingThread(kafka -> {
            for (ProducerRecord<String, byte[]> record : records) {
                kafka.send(record, (metadata, failure) -> {
                    if (failure != null) {
                        acknowledged.completeExceptionally(failure);
                    } else if (pending.decrementAndGet() == 0) {
                        acknowledged.complete(null);
                    }
                });
            }
        }).chain(() -> Uni.createFrom().completionStage(acknowledged));
    }

    private ProducerRecord<String, byte[]> record(ContactChange change, Header time, byte[] value) {
        String contactId = change.data().contactId().toString();
        List<Header> headers = List.of(specVersion, header("ce_id", change.id()), source, types.get(change.type()),
                time, header("ce_subject", contactId), dataSchema, contentType);
        return new ProducerRecord<>(topic, null, contactId, value, headers);
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
