package io.contactimport.statusprojector.imports.events;

import io.contactimport.contracts.imports.ImportStatusChanged;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
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

    private final MutinyEmitter<ImportStatusChanged> events;

    public ImportStatusPublisher(@Channel("import-status") MutinyEmitter<ImportStatusChanged> events) {
        this.events = events;
    }

    /** @param type {@code created}, or the status the import reached */
    public Uni<Void> publishStatus(ImportStatusChanged contactImport, String type) {
        return publish(contactImport, type, type);
    }

    public Uni<Void> publishProgress(ImportStatusChanged contactImport) {
        return publish(contactImport, "progress", "progress:" + contactImport.counts().total() + ":"
                + contactImport.counts().processed());
    }

    private Uni<Void> publish(ImportStatusChanged contactImport, String type, String idSuffix) {
        String importId = contactImport.id().toString();
        return events.sendMessage(Message.of(contactImport)
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(importId + ":" + idSuffix)
                        .withType("contact_import." + type)
                        .withSubject(importId)
                        .build())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(importId).build()));
    }
}
