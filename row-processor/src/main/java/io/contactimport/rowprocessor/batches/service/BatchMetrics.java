package io.contactimport.rowprocessor.batches.service;

import io.contactimport.contracts.batches.RowBatchProcessed;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * What the row-processors did, for {@code /q/metrics}: rows by outcome ({@code contact_imports_rows_total}) and the
 * time a batch took from its first statement to its commit ({@code contact_imports_batch_apply_seconds}). Counted
 * once per batch, when its transaction committed; a redelivered batch, answered from the ledger, counts nothing.
 */
@ApplicationScoped
public class BatchMetrics {

    private final Counter created;
    private final Counter updated;
    private final Counter skipped;
    private final Counter failed;
    private final Timer apply;

    public BatchMetrics(MeterRegistry registry) {
        this.created = rows(registry, "created");
        this.updated = rows(registry, "updated");
        this.skipped = rows(registry, "skipped");
        this.failed = rows(registry, "failed");
        this.apply = Timer.builder("contact_imports.batch.apply").description("A row batch's transaction")
                .publishPercentileHistogram().register(registry);
    }

    private static Counter rows(MeterRegistry registry, String outcome) {
        return Counter.builder("contact_imports.rows").description("Rows applied by the row-processors")
                .tag("outcome", outcome).register(registry);
    }

    void applied(RowBatchProcessed outcome, long startedNanos) {
        created.increment(outcome.created());
        updated.increment(outcome.updated());
        skipped.increment(outcome.skipped());
        failed.increment(outcome.failed());
        apply.record(Duration.ofNanos(System.nanoTime() - startedNanos));
    }
}
