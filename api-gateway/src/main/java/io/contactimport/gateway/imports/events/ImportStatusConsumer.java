package io.contactimport.gateway.imports.events;

import io.contactimport.contracts.imports.ImportStatusChanged;
import io.contactimport.gateway.imports.service.LiveImports;
import io.contactimport.support.observability.ImportLogContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Every gateway instance follows the status topic (its own consumer group, newest events only) for status polls. */
@ApplicationScoped
public class ImportStatusConsumer {

    private static final Logger LOG = Logger.getLogger(ImportStatusConsumer.class);

    private final LiveImports live;

    public ImportStatusConsumer(LiveImports live) {
        this.live = live;
    }

    /**
     * @param contactImport null when the record was not an import object (fail-on-deserialization-failure is off:
     *                      not worth stopping the channel for, polls for that import are answered by the projector)
     */
    @Incoming("import-status")
    public void onStatus(ImportStatusChanged contactImport) {
        if (contactImport == null || contactImport.id() == null || contactImport.teamId() == null
                || contactImport.status() == null || contactImport.counts() == null) {
            LOG.warn("status event skipped, not an import object");
            return;
        }
        ImportLogContext.enter(contactImport.id(), contactImport.teamId());
        live.announced(contactImport);
    }
}
