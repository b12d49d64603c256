package io.contactimport.rowprocessor.batches.repository;

import io.contactimport.contracts.batches.RowBatch;
import io.contactimport.contracts.batches.RowBatchProcessed;
import io.contactimport.rowprocessor.contacts.repository.ContactUpsert.AppliedRow;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The applied-batch ledger: which batches are in the contacts table, and what they counted. */
@ApplicationScoped
public class BatchLedger {

    /** In {@code change_kinds}: one character per changed row, in the order of {@code changed_rows}. */
    public static final char CREATED = 'c';
    public static final char UPDATED = 'u';

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

    /**
     * Stores the batch's counts and, when contact changes are announced, which rows changed which contact (in file
     * order); answers when the batch's transaction began, the time of its changes.
     */
    public Uni<OffsetDateTime> record(SqlConnection connection, RowBatchProcessed outcome, List<AppliedRow> changes) {
        Long[] rows = null;
        UUID[] contacts = null;
        String kinds = null;
        if (changes != null) {
            rows = new Long[changes.size()];
            contacts = new UUID[changes.size()];
            StringBuilder kindsOfRows = new StringBuilder(changes.size());
            for (int i = 0; i < rows.length; i++) {
                AppliedRow change = changes.get(i);
                rows[i] = change.row().number();
                contacts[i] = change.contactId();
                kindsOfRows.append(change.created() ? CREATED : UPDATED);
            }
            kinds = kindsOfRows.toString();
        }
        return connection.preparedQuery("""
                        UPDATE contacts.applied_batches SET created = $4, updated = $5, skipped = $6, failed = $7,
                            changed_rows = $8, changed_contacts = $9, change_kinds = $10
                        WHERE import_id = $1 AND bucket = $2 AND sequence = $3
                        RETURNING applied_at""")
                .execute(Tuple.tuple().addUUID(outcome.importId()).addInteger(outcome.bucket())
                        .addInteger(outcome.sequence()).addInteger(outcome.created()).addInteger(outcome.updated())
                        .addInteger(outcome.skipped()).addInteger(outcome.failed())
                        .addArrayOfLong(rows).addArrayOfUUID(contacts).addString(kinds))
                .map(result -> result.iterator().next().getOffsetDateTime(0));
    }

    /** What a batch's first application stored; its changes are null when none were kept. */
    public record StoredBatch(RowBatchProcessed outcome, Long[] changedRows, UUID[] changedContacts,
                              String changeKinds, OffsetDateTime appliedAt) {
    }

    /** What was stored when the batch was first applied. */
    public Uni<StoredBatch> stored(RowBatch batch) {
        return pool.preparedQuery("""
                        SELECT created, updated, skipped, failed, changed_rows, changed_contacts, change_kinds,
                               applied_at
                        FROM contacts.applied_batches
                        WHERE import_id = $1 AND bucket = $2 AND sequence = $3""")
                .execute(Tuple.of(batch.importId(), batch.bucket(), batch.sequence()))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    RowBatchProcessed outcome = new RowBatchProcessed(batch.importId(), batch.teamId(),
                            batch.bucket(), batch.sequence(), row.getInteger(0), row.getInteger(1),
                            row.getInteger(2), row.getInteger(3));
                    return new StoredBatch(outcome, row.getArrayOfLongs(4), row.getArrayOfUUIDs(5), row.getString(6),
                            row.getOffsetDateTime(7));
                });
    }
}
