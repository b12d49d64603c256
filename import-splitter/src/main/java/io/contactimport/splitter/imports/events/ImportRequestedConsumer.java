package io.contactimport.splitter.imports.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactimport.contracts.imports.ImportRequested;
import io.contactimport.contracts.imports.ImportSplit;
import io.contactimport.splitter.imports.service.ImportSplitting;
import io.contactimport.support.faults.TransientFailures;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * ImportRequested → split into row batches → ImportSplit. The request's offset is committed only when the split is
 * announced, so a crash re-splits the file; the batches come out identical and the row-processors' ledger recognises
 * them. An outage is waited out inside; anything else that fails the split fails the import, with the reason.
 */
@ApplicationScoped
public class ImportRequestedConsumer {

    private static final Logger LOG = Logger.getLogger(ImportRequestedConsumer.class);

    private final ImportSplitting splitting;
    private final ImportSplitPublisher splits;
    private final MutinyEmitter<byte[]> rowBatches;
    private final ObjectMapper json;
    private final int maxInFlight;

    public ImportRequestedConsumer(ImportSplitting splitting, ImportSplitPublisher splits,
                                   @Channel("row-batches") MutinyEmitter<byte[]> rowBatches, ObjectMapper json,
                                   @ConfigProperty(name = "splitter.max-in-flight") int maxInFlight) {
        this.splitting = splitting;
        this.splits = splits;
        this.rowBatches = rowBatches;
        this.json = json;
        this.maxInFlight = maxInFlight;
    }

    @Incoming("import-requested")
    @Blocking
    public void onImportRequested(ImportRequested request) {
        LOG.infof("splitting import %s (%s, %d bytes)", request.importId(), request.fileName(), request.fileSize());
        ImportSplit split;
        try {
            split = splitting.split(request, () -> new KafkaBatchSink(rowBatches, json, maxInFlight));
        } catch (RuntimeException e) {
            if (TransientFailures.isTransient(e)) {
                throw e;  // still down after the longest wait: an operator's turn (RELIABILITY.md)
            }
            LOG.errorf(e, "import %s could not be split", request.importId());
            split = ImportSplit.failed(request.importId(), request.teamId(), 0, 0, "application_error",
                    "The file could not be processed: " + e.getMessage());
        }
        splits.publish(split);
    }
}
