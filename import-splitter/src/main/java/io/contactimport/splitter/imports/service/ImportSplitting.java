package io.contactimport.splitter.imports.service;

import io.contactimport.contracts.imports.ImportRequested;
import io.contactimport.contracts.imports.Lane;
import io.contactimport.contracts.imports.ImportSplit;
import io.contactimport.splitter.properties.client.PropertyServiceClient;
import io.contactimport.splitter.properties.client.PropertyServiceClient.PropertyDefinition;
import io.contactimport.splitter.storage.ObjectStore;
import io.contactimport.support.faults.DependencyUnavailableException;
import io.contactimport.support.faults.Outages;
import io.contactimport.support.faults.TransientFailures;
import io.smallrye.faulttolerance.api.BeforeRetry;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.faulttolerance.api.RetryWhen;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * One import's split: its properties ensured, its file read from the store and cut into batches, and what came of it
 * as an {@link ImportSplit}. What is wrong with the request or the file is the split's error; a store, broker or
 * property-service that is unavailable is waited out, and the split starts over (its batches come out the same, and
 * the row-processors' ledger drops the ones already applied).
 */
@ApplicationScoped
public class ImportSplitting {

    private static final Logger LOG = Logger.getLogger(ImportSplitting.class);

    private final FileSplitter splitter;
    private final ObjectStore store;
    private final PropertyServiceClient properties;

    public ImportSplitting(FileSplitter splitter, ObjectStore store, @RestClient PropertyServiceClient properties) {
        this.splitter = splitter;
        this.store = store;
        this.properties = properties;
    }

    /** property-service's error answer. */
    record ApiErrorBody(String message) {
    }

    /** @param sinks a fresh sink for each attempt */
    @Retry(maxRetries = -1, delay = Outages.FIRST_DELAY_MS, maxDuration = Outages.MAX_WAIT_MINUTES,
            durationUnit = ChronoUnit.MINUTES, jitter = Outages.JITTER_MS)
    @ExponentialBackoff(maxDelay = Outages.MAX_DELAY_SECONDS, maxDelayUnit = ChronoUnit.SECONDS)
    @RetryWhen(exception = TransientFailures.Predicate.class)
    @BeforeRetry(Outages.LogWait.class)
    public ImportSplit split(ImportRequested request, Lane lane, Supplier<BatchSink<?>> sinks) {
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
        ObjectStore.StoredObject file = store.open(request.objectKey());
        try (file) {
            FileSplitter.Split split = splitter.split(request, lane, file, sinks.get());
            LOG.infof("import %s: %d rows in %d batches", request.importId(), split.rows(), split.batches());
            return ImportSplit.completed(request.importId(), request.teamId(), split.rows(), split.batches());
        } catch (FileSplitter.UnreadableFileException e) {
            if (file.failure() != null) {
                throw new DependencyUnavailableException("the object store stopped answering while import "
                        + request.importId() + " was read", file.failure());
            }
            return ImportSplit.failed(request.importId(), request.teamId(), e.split().rows(), e.split().batches(),
                    "invalid_file", e.getMessage());
        } catch (IOException e) {
            throw new DependencyUnavailableException("the object store did not close import " + request.importId(), e);
        }
    }

    private void ensureProperties(ImportRequested request) {
        List<PropertyDefinition> wanted = request.columnMap().properties().entrySet().stream()
                .map(entry -> new PropertyDefinition(entry.getKey(), entry.getValue().type().apiValue()))
                .toList();
        if (!wanted.isEmpty()) {
            properties.ensure(request.teamId(), wanted);
        }
    }
}
