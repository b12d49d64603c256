package io.contactimport.statusprojector.imports.events;

import io.contactimport.statusprojector.imports.repository.ImportProjection.StatusChange;
import io.contactimport.statusprojector.imports.repository.ImportQueries;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes {@code contact_import.<status>} CloudEvents (Kafka binary mode) carrying the import object, keyed by
 * import id, when an import's status changes; and {@code contact_import.progress} when its counts moved without a
 * status change (once per applied batch), so that consumers can follow the counts live. The event id names the
 * status, or the counts, so a consumer can drop a re-published duplicate.
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
        return publish(change.teamId(), change.importId(), change.status(), view -> change.status());
    }

    public Uni<Void> publishProgress(UUID teamId, UUID importId) {
        return publish(teamId, importId, "progress", view -> {
            JsonObject counts = view.getJsonObject("counts");
            long processed = counts.getLong("created") + counts.getLong("updated") + counts.getLong("skipped")
                    + counts.getLong("failed");
            return "progress:" + counts.getLong("total") + ":" + processed;
        });
    }

    private Uni<Void> publish(UUID teamId, UUID importId, String type, Function<JsonObject, String> idSuffix) {
        return queries.find(teamId, importId).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            JsonObject data = found.get().put("team_id", teamId.toString());
            Message<JsonObject> message = Message.of(data)
                    .addMetadata(OutgoingCloudEventMetadata.builder()
                            .withId(importId + ":" + idSuffix.apply(data))
                            .withType("contact_import." + type)
                            .withSubject(importId.toString())
                            .build())
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                            .withKey(importId.toString()).build());
            return events.sendMessage(message);
        });
    }
}
