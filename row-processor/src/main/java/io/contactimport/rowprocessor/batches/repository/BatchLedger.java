package io.contactimport.rowprocessor.batches.repository;

import io.contactimport.contracts.batches.RowBatch;
import io.contactimport.contracts.batches.RowBatchProcessed;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** The applied-batch ledger: which batches are in the contacts table, and what they counted. */
@ApplicationScoped
public class BatchLedger {

    private final Pool pool;

    public BatchLedger(Pool pool) {
        this.pool = pool;
    }

    /**
     * Claims the batch inside the applying transaction. False when it was applied before; a concurrent claim by
     * another instance waits here until that transaction ends.
     */
    public Uni<Boolean> claim(SqlConnection connection, RowBatch batch) {
        return connection.preparedQuery("""
                        INSERT INTO contacts.applied_batches
                            (import_id, bucket, sequence, team_id, created, updated, skipped, failed)
                        VALUES ($1, $2, $3, $4, 0, 0, 0, 0)
                        ON CONFLICT DO NOTHING""")
                .execute(Tuple.of(batch.importId(), batch.bucket(), batch.sequence(), batch.teamId()))
                .map(result -> result.rowCount() == 1);
    }

    public Uni<Void> record(SqlConnection connection, RowBatchProcessed outcome) {
        return connection.preparedQuery("""
                        UPDATE contacts.applied_batches SET created = $4, updated = $5, skipped = $6, failed = $7
                        WHERE import_id = $1 AND bucket = $2 AND sequence = $3""")
                .execute(Tuple.tuple().addUUID(outcome.importId()).addInteger(outcome.bucket())
                        .addInteger(outcome.sequence()).addInteger(outcome.created()).addInteger(outcome.updated())
                        .addInteger(outcome.skipped()).addInteger(outcome.failed()))
                .replaceWithVoid();
    }

    /** The outcome stored when the batch was first applied. */
    public Uni<RowBatchProcessed> storedOutcome(RowBatch batch) {
        return pool.preparedQuery("""
                        SELECT created, updated, skipped, failed FROM contacts.applied_batches
                        WHERE import_id = $1 AND bucket = $2 AND sequence = $3""")
                .execute(Tuple.of(batch.importId(), batch.bucket(), batch.sequence()))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new RowBatchProcessed(batch.importId(), batch.teamId(), batch.bucket(), batch.sequence(),
                            row.getInteger(0), row.getInteger(1), row.getInteger(2), row.getInteger(3));
                });
    }
}
