package io.contactimport.splitter.imports.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactimport.contracts.imports.ImportAdmitted;
import io.contactimport.contracts.imports.ImportRequested;
import io.contactimport.contracts.imports.ImportSplit;
import io.contactimport.contracts.imports.Lane;
import io.contactimport.splitter.imports.service.ImportSplitting;
import io.contactimport.support.faults.TransientFailures;
import io.contactimport.support.observability.ImportLogContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * ImportAdmitted → split into row batches → ImportSplit, in the lane the admission names: every admission is read
 * twice, by a consumer group per lane, and each splits the files of its lane one after the other, so a small file is
 * split at once even while a large one is. The admission's offset is committed only when the split is announced, so a crash re-splits
 * the file; the batches come out identical and the row-processors' ledger recognises them. An outage is waited out
 * inside; anything else that fails the split fails the import, with the reason.
 */
@ApplicationScoped
public class ImportAdmittedConsumer {

    private static final Logger LOG = Logger.getLogger(ImportAdmittedConsumer.class);

    private final ImportSplitting splitting;
    private final ImportSplitPublisher splits;
    private final MutinyEmitter<byte[]> bulkBatches;
    private final MutinyEmitter<byte[]> expressBatches;
    private final ObjectMapper json;
    private final int maxInFlight;
    private final MeterRegistry metrics;

    public ImportAdmittedConsumer(ImportSplitting splitting, ImportSplitPublisher splits,
                                  @Channel("row-batches") MutinyEmitter<byte[]> bulkBatches,
                                  @Channel("express-row-batches") MutinyEmitter<byte[]> expressBatches,
                                  ObjectMapper json, @ConfigProperty(name = "splitter.max-in-flight") int maxInFlight,
                                  MeterRegistry metrics) {
        this.splitting = splitting;
        this.splits = splits;
        this.bulkBatches = bulkBatches;
        this.expressBatches = expressBatches;
        this.json = json;
        this.maxInFlight = maxInFlight;
        this.metrics = metrics;
    }

    @Incoming("bulk-admissions")
    @Blocking
    public void onBulkAdmission(ImportAdmitted admission) {
        splitIn(Lane.BULK, admission);
    }

    @Incoming("express-admissions")
    @Blocking
    public void onExpressAdmission(ImportAdmitted admission) {
        splitIn(Lane.EXPRESS, admission);
    }

    private void splitIn(Lane lane, ImportAdmitted admission) {
        if (admission.lane() != lane) {
            return;  // the other lane's consumer splits it
        }
        ImportRequested request = admission.request();
        ImportLogContext.enter(request.importId(), request.teamId());
        LOG.infof("splitting import %s (%s, %d bytes) in the %s lane", request.importId(), request.fileName(),
                request.fileSize(), lane.dbValue());
        MutinyEmitter<byte[]> batches = lane == Lane.EXPRESS ? expressBatches : bulkBatches;
        long started = System.nanoTime();
        ImportSplit split;
        try {
            split = splitting.split(request, lane, () -> new KafkaBatchSink(batches, json, maxInFlight));
        } catch (RuntimeException e) {
            if (TransientFailures.isTransient(e)) {
                throw e;  // still down after the longest wait: an operator's turn (RELIABILITY.md)
            }
            LOG.errorf(e, "import %s could not be split", request.importId());
            split = ImportSplit.failed(request.importId(), request.teamId(), 0, 0, "application_error",
                    "The file could not be processed: " + e.getMessage());
        }
        splits.publish(split);
        String laneTag = lane.dbValue();
        Timer.builder("contact_imports.split").description("Splitting one file, from admission to its last batch")
                .tag("lane", laneTag).register(metrics).record(Duration.ofNanos(System.nanoTime() - started));
        Counter.builder("contact_imports.split.rows").description("Rows cut into batches").tag("lane", laneTag)
                .register(metrics).increment(split.totalRows());
    }
}
