package io.contactimport.splitter.imports.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactimport.contracts.imports.ImportRequested;
import io.contactimport.contracts.imports.ImportSplit;
import io.contactimport.splitter.imports.service.FileSplitter;
import io.contactimport.splitter.properties.client.PropertyServiceClient;
import io.contactimport.splitter.properties.client.PropertyServiceClient.PropertyDefinition;
import io.contactimport.splitter.storage.ObjectStore;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * ImportRequested → properties ensured → file split into row batches → ImportSplit. The request's offset is
 * committed only when all of this is done, so a crash re-splits the file; the batches come out identical and the
 * row-processors' ledger recognises them.
 */
@ApplicationScoped
public class ImportRequestedConsumer {

    private static final Logger LOG = Logger.getLogger(ImportRequestedConsumer.class);
    /** Storage or broker trouble is retried; the batches of a retried split are identical and deduplicated. */
    private static final int MAX_ATTEMPTS = 6;

    private final FileSplitter splitter;
    private final ObjectStore store;
    private final PropertyServiceClient properties;
    private final MutinyEmitter<byte[]> rowBatches;
    private final ObjectMapper json;
    private final MutinyEmitter<ImportSplit> splits;
    private final int maxInFlight;

    public ImportRequestedConsumer(FileSplitter splitter, ObjectStore store, @RestClient PropertyServiceClient properties,
                                   @Channel("row-batches") MutinyEmitter<byte[]> rowBatches, ObjectMapper json,
                                   @Channel("import-splits") MutinyEmitter<ImportSplit> splits,
                                   @ConfigProperty(name = "splitter.max-in-flight") int maxInFlight) {
        this.splitter = splitter;
        this.store = store;
        this.properties = properties;
        this.rowBatches = rowBatches;
        this.json = json;
        this.splits = splits;
        this.maxInFlight = maxInFlight;
    }

    @Incoming("import-requested")
    @Blocking
    public void onImportRequested(ImportRequested request) {
        LOG.infof("splitting import %s (%s, %d bytes)", request.importId(), request.fileName(), request.fileSize());
        for (int attempt = 1; ; attempt++) {
            try {
                publish(split(request));
                return;
            } catch (RuntimeException e) {
                if (attempt == MAX_ATTEMPTS) {
                    publish(ImportSplit.failed(request.importId(), request.teamId(), 0, 0, "application_error",
                            "The file could not be processed: " + e.getMessage()));
                    return;
                }
                LOG.warnf(e, "import %s: attempt %d failed, retrying", request.importId(), attempt);
                sleep(attempt);
            }
        }
    }

    private static void sleep(int attempt) {
        try {
            Thread.sleep(Math.min(30_000L, 500L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private ImportSplit split(ImportRequested request) {
        try {
            ensureProperties(request);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() != 422) {
                throw e;
            }
            // A property was created with another type since the gateway accepted the import.
            String message = e.getResponse().readEntity(ApiErrorBody.class).message();
            return ImportSplit.failed(request.importId(), request.teamId(), 0, 0, "validation_error", message);
        }
        try (InputStream file = store.open(request.objectKey())) {
            FileSplitter.Split split = splitter.split(request, file, new KafkaBatchSink(rowBatches, json, maxInFlight));
            LOG.infof("import %s: %d rows in %d batches", request.importId(), split.rows(), split.batches());
            return ImportSplit.completed(request.importId(), request.teamId(), split.rows(), split.batches());
        } catch (FileSplitter.UnreadableFileException e) {
            return ImportSplit.failed(request.importId(), request.teamId(), e.split().rows(), e.split().batches(),
                    "invalid_file", e.getMessage());
        } catch (Exception e) {
            throw new IllegalStateException("import " + request.importId() + " could not be split: " + e.getMessage(), e);
        }
    }

    /** property-service's error answer. */
    record ApiErrorBody(String message) {
    }

    private void ensureProperties(ImportRequested request) {
        List<PropertyDefinition> wanted = request.columnMap().properties().entrySet().stream()
                .map(entry -> new PropertyDefinition(entry.getKey(), entry.getValue().type().apiValue()))
                .toList();
        if (!wanted.isEmpty()) {
            properties.ensure(request.teamId(), wanted);
        }
    }

    private void publish(ImportSplit split) {
        splits.sendMessageAndAwait(Message.of(split).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(split.importId().toString()).build()));
    }
}
