package io.contactimport.rowprocessor.imports.repository;

import io.contactimport.support.faults.Outages;
import io.contactimport.support.faults.TransientFailures;
import io.smallrye.faulttolerance.api.BeforeRetry;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.faulttolerance.api.RetryWhen;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.Retry;

/** Imports whose remaining rows must not be applied. */
@ApplicationScoped
public class CanceledImports {

    private final Pool pool;

    public CanceledImports(Pool pool) {
        this.pool = pool;
    }

    /** From the status topic: an outage of PostgreSQL is waited out, the cancellation is never dropped. */
    @Retry(maxRetries = -1, delay = Outages.FIRST_DELAY_MS, maxDuration = Outages.MAX_WAIT_MINUTES,
            durationUnit = ChronoUnit.MINUTES, jitter = Outages.JITTER_MS)
    @ExponentialBackoff(maxDelay = Outages.MAX_DELAY_SECONDS, maxDelayUnit = ChronoUnit.SECONDS)
    @RetryWhen(exception = TransientFailures.Predicate.class)
    @BeforeRetry(Outages.LogWait.class)
    public Uni<Void> add(UUID importId) {
        return pool.preparedQuery("INSERT INTO contacts.canceled_imports (import_id) VALUES ($1) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(importId)).replaceWithVoid();
    }

    /** Read inside the batch's transaction, so a batch is either applied before the cancellation or not at all. */
    public Uni<Boolean> contains(SqlConnection connection, UUID importId) {
        return connection.preparedQuery("SELECT 1 FROM contacts.canceled_imports WHERE import_id = $1")
                .execute(Tuple.of(importId)).map(rows -> rows.size() > 0);
    }
}
