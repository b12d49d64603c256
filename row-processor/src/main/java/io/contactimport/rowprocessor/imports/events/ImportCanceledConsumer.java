package io.contactimport.rowprocessor.imports.events;

import io.contactimport.contracts.imports.ImportStatusChanged;
import io.contactimport.rowprocessor.imports.repository.CanceledImports;
import io.contactimport.support.observability.ImportLogContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Listens to import status changes for cancellations: from then on, the import's batches are not applied. */
@ApplicationScoped
public class ImportCanceledConsumer {

    private final CanceledImports canceled;

    public ImportCanceledConsumer(CanceledImports canceled) {
        this.canceled = canceled;
    }

    /** @param contactImport null when the record was not an import object: skipped, as it cancels nothing */
    @Incoming("import-status")
    public Uni<Void> onStatusChanged(ImportStatusChanged contactImport) {
        if (contactImport == null || contactImport.id() == null || !contactImport.canceled()) {
            return Uni.createFrom().voidItem();
        }
        ImportLogContext.enter(contactImport.id(), contactImport.teamId());
        return canceled.add(contactImport.id());
    }
}
