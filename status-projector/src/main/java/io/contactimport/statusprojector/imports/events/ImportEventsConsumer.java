package io.contactimport.statusprojector.imports.events;

import io.contactimport.contracts.batches.RowBatchProcessed;
import io.contactimport.contracts.imports.ImportRequested;
import io.contactimport.contracts.imports.ImportSplit;
import io.contactimport.statusprojector.imports.service.StatusUpdates;
import io.contactimport.support.observability.ImportLogContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The three event streams that make up an import's status; each update is idempotent. */
@ApplicationScoped
public class ImportEventsConsumer {

    private final StatusUpdates updates;

    public ImportEventsConsumer(StatusUpdates updates) {
        this.updates = updates;
    }

    @Incoming("import-requested")
    public Uni<Void> onRequested(ImportRequested event) {
        ImportLogContext.enter(event.importId(), event.teamId());
        return updates.requested(event);
    }

    @Incoming("import-splits")
    public Uni<Void> onSplit(ImportSplit event) {
        ImportLogContext.enter(event.importId(), event.teamId());
        return updates.split(event);
    }

    @Incoming("batch-outcomes")
    public Uni<Void> onBatchProcessed(RowBatchProcessed event) {
        ImportLogContext.enter(event.importId(), event.teamId());
        return updates.batchProcessed(event);
    }
}
