package io.contactimport.gateway.imports.events;

import io.contactimport.gateway.imports.service.LiveImports;
import io.contactimport.support.observability.ImportLogContext;
import io.vertx.core.json.JsonObject;
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

    @Incoming("import-status")
    public void onStatus(JsonObject contactImport) {
        ImportLogContext.enterImport(contactImport.getValue("id"));
        try {
            live.announced(contactImport);
        } catch (RuntimeException e) {
            // Not worth stopping the channel for: polls for that import are answered by the projector.
            LOG.warnf("status event skipped, not an import object: %s", e.getMessage());
        }
    }
}
