package io.contactimport.statusprojector.imports.events;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Sends {@code contact_import.<type>} CloudEvents (Kafka binary mode) carrying the import object, keyed by import
 * id: a status ({@code created}, {@code in_progress}, {@code completed}, {@code failed}), or {@code progress} when the
 * counts moved without a status change. The event id names the status, or the counts, so a consumer can drop a
 * duplicate that a retry sent again.
 */
@ApplicationScoped
public class ImportStatusPublisher {

    private final MutinyEmitter<JsonObject> events;

    public ImportStatusPublisher(@Channel("import-status") MutinyEmitter<JsonObject> events) {
        this.events = events;
    }

    public Uni<Void> publishStatus(JsonObject contactImport, String type) {
        return publish(contactImport, type, type);
    }

    public Uni<Void> publishProgress(JsonObject contactImport) {
        JsonObject counts = contactImport.getJsonObject("counts");
        long processed = counts.getLong("created") + counts.getLong("updated") + counts.getLong("skipped")
                + counts.getLong("failed");
        return publish(contactImport, "progress", "progress:" + counts.getLong("total") + ":" + processed);
    }

    private Uni<Void> publish(JsonObject contactImport, String type, String idSuffix) {
        String importId = contactImport.getString("id");
        return events.sendMessage(Message.of(contactImport)
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(importId + ":" + idSuffix)
                        .withType("contact_import." + type)
                        .withSubject(importId)
                        .build())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(importId).build()));
    }
}
