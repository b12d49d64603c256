package io.contactimport.statusprojector.imports.events;

import io.contactimport.contracts.imports.ImportAdmitted;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Sends ImportAdmitted to the splitter, keyed by import id; a duplicate re-splits to the same batches. */
@ApplicationScoped
public class ImportAdmissionPublisher {

    private final MutinyEmitter<ImportAdmitted> admissions;

    public ImportAdmissionPublisher(@Channel("import-admitted") MutinyEmitter<ImportAdmitted> admissions) {
        this.admissions = admissions;
    }

    public Uni<Void> publish(ImportAdmitted admission) {
        return admissions.sendMessage(Message.of(admission).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(admission.request().importId().toString()).build()));
    }
}
