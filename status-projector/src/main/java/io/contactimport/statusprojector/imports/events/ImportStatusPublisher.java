package io.contactimport.statusprojector.imports.events;

import io.contactimport.statusprojector.imports.repository.ImportProjection.StatusChange;
import io.contactimport.statusprojector.imports.repository.ImportQueries;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes {@code contact_import.<status>} CloudEvents (Kafka binary mode) carrying the import object, keyed by
 * import id. The event id is the import id and the status, so a consumer can drop a re-published duplicate.
 */
@ApplicationScoped
public class ImportStatusPublisher {

    private final ImportQueries queries;
    private final MutinyEmitter<JsonObject> events;

    public ImportStatusPublisher(ImportQueries queries, @Channel("import-status") MutinyEmitter<JsonObject> events) {
        this.queries = queries;
        this.events = events;
    }

    public Uni<Void> publish(StatusChange change) {
        return queries.find(change.teamId(), change.importId()).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            JsonObject data = found.get().put("team_id", change.teamId().toString());
            Message<JsonObject> message = Message.of(data)
                    .addMetadata(OutgoingCloudEventMetadata.builder()
                            .withId(change.importId() + ":" + change.status())
                            .withType("contact_import." + change.status())
                            .withSubject(change.importId().toString())
                            .build())
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                            .withKey(change.importId().toString()).build());
            return events.sendMessage(message);
        });
    }
}
