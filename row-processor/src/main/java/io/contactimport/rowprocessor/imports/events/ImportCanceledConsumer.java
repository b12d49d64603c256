package io.contactimport.rowprocessor.imports.events;

import io.contactimport.rowprocessor.imports.repository.CanceledImports;
import io.contactimport.support.observability.ImportLogContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Listens to import status changes for cancellations: from then on, the import's batches are not applied. */
@ApplicationScoped
public class ImportCanceledConsumer {

    private final CanceledImports canceled;

    public ImportCanceledConsumer(CanceledImports canceled) {
        this.canceled = canceled;
    }

    @Incoming("import-status")
    public Uni<Void> onStatusChanged(JsonObject contactImport) {
        ImportLogContext.enterImport(contactImport.getValue("id"));
        JsonObject error = contactImport.getJsonObject("error");
        if (!"failed".equals(contactImport.getString("status")) || error == null
                || !"canceled".equals(error.getString("name"))) {
            return Uni.createFrom().voidItem();
        }
        return canceled.add(UUID.fromString(contactImport.getString("id")));
    }
}
