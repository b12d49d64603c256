package io.contactimport.gateway.imports.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactimport.contracts.imports.ImportRequested;
import io.contactimport.gateway.imports.repository.ImportRequests;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Announces accepted imports on Kafka after their request row committed, and re-announces what a crash or a broker
 * outage left unannounced (the row is the outbox). A duplicate announcement is harmless: the split is deterministic.
 */
@ApplicationScoped
public class ImportRequestedPublisher {

    private static final Logger LOG = Logger.getLogger(ImportRequestedPublisher.class);
    private static final int GRACE_SECONDS = 15;

    private final MutinyEmitter<ImportRequested> emitter;
    private final ImportRequests requests;
    private final ObjectMapper json;
    /** Read with every round of the re-announcer, for the gauges. */
    private final AtomicReference<ImportRequests.Backlog> backlog =
            new AtomicReference<>(new ImportRequests.Backlog(0, 0));

    public ImportRequestedPublisher(@Channel("import-requested") MutinyEmitter<ImportRequested> emitter,
                                    ImportRequests requests, ObjectMapper json, MeterRegistry metrics) {
        this.emitter = emitter;
        this.requests = requests;
        this.json = json;
        Gauge.builder("contact_imports.outbox.backlog", backlog, b -> b.get().requests())
                .description("Import requests stored but not yet acknowledged by Kafka").register(metrics);
        Gauge.builder("contact_imports.outbox.age", backlog, b -> b.get().oldestAgeSeconds()).baseUnit("seconds")
                .description("How long the oldest unacknowledged import request has waited").register(metrics);
    }

    public Uni<Void> publish(ImportRequested event) {
        return emitter.sendMessage(Message.of(event).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(event.importId().toString()).build()))
                .chain(() -> requests.markPublished(event.importId()));
    }

    @Scheduled(every = "10s", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> republishUnannounced() {
        return requests.backlog().invoke(backlog::set).chain(() -> requests.unpublished(GRACE_SECONDS))
                .onItem().transformToMulti(Multi.createFrom()::iterable)
                .onItem().transformToUniAndConcatenate(stored -> {
                    try {
                        LOG.infof("re-announcing import %s", stored.id());
                        return publish(json.readValue(stored.event(), ImportRequested.class));
                    } catch (Exception e) {
                        return Uni.createFrom().failure(e);
                    }
                })
                .collect().last().replaceWithVoid()
                .onFailure().invoke(e -> LOG.warn("re-announcing imports failed; will retry", e))
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
