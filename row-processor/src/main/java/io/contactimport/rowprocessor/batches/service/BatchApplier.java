package io.contactimport.rowprocessor.batches.service;

import io.contactimport.contracts.batches.RowBatch;
import io.contactimport.contracts.batches.RowBatchProcessed;
import io.contactimport.rowprocessor.batches.repository.BatchLedger;
import io.contactimport.rowprocessor.contacts.repository.ContactUpsert;
import io.contactimport.rowprocessor.changes.service.ContactChangesConfig;
import io.contactimport.rowprocessor.changes.service.ImportChanges;
import io.contactimport.rowprocessor.contacts.repository.ContactUpsert.AppliedRow;
import io.contactimport.rowprocessor.contacts.repository.ContactUpsert.RoundResult;
import io.contactimport.rowprocessor.contacts.service.ContactRow;
import io.contactimport.rowprocessor.contacts.service.FailedRow;
import io.contactimport.rowprocessor.contacts.service.RowReader;
import io.contactimport.rowprocessor.failedrows.repository.FailedRowStore;
import io.contactimport.rowprocessor.imports.repository.CanceledImports;
import io.contactimport.rowprocessor.segments.repository.SegmentMembers;
import io.contactimport.rowprocessor.topics.repository.TopicSubscriptions;
import io.contactimport.support.faults.Outages;
import io.contactimport.support.faults.TransientFailures;
import io.smallrye.faulttolerance.api.BeforeRetry;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.faulttolerance.api.RetryWhen;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.sqlclient.DatabaseException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Applies one row batch in one transaction together with its ledger row and its failed rows, so that the batch
 * is in the database either completely, once, or not at all.
 */
@ApplicationScoped
public class BatchApplier {

    /** One attempt at a batch's transaction may take this long; a slower one is given up and tried again. */
    static final long ATTEMPT_TIMEOUT_SECONDS = 120;

    private final Pool pool;
    private final RowReader reader;
    private final ContactUpsert upsert;
    private final FailedRowStore failedRows;
    private final BatchLedger ledger;
    private final CanceledImports canceled;
    private final SegmentMembers segmentMembers;
    private final TopicSubscriptions topicSubscriptions;
    private final BatchMetrics metrics;
    private final ImportChanges changes;
    private final ContactChangesConfig changesConfig;

    public BatchApplier(Pool pool, RowReader reader, ContactUpsert upsert, FailedRowStore failedRows,
                        BatchLedger ledger, CanceledImports canceled, SegmentMembers segmentMembers,
                        TopicSubscriptions topicSubscriptions, BatchMetrics metrics, ImportChanges changes,
                        ContactChangesConfig changesConfig) {
        this.pool = pool;
        this.reader = reader;
        this.upsert = upsert;
        this.failedRows = failedRows;
        this.ledger = ledger;
        this.canceled = canceled;
        this.segmentMembers = segmentMembers;
        this.topicSubscriptions = topicSubscriptions;
        this.metrics = metrics;
        this.changes = changes;
        this.changesConfig = changesConfig;
    }

    /** What to do when PostgreSQL refuses a batch's statements for a reason of its data. */
    public enum Refusals {
        /** The batch fails, to be retried the other way: a batch PostgreSQL accepts never pays for isolation. */
        FAIL_THE_BATCH,
        /**
         * The poison path: the same transaction, with each round written under a savepoint and split in halves where
         * PostgreSQL refuses it, so that only the rows it refuses fail ({@code rejected_by_database}, with its
         * message) and the others are applied once, as always. A few statements more per refused row.
         */
        FAIL_THE_REFUSED_ROWS,
        /**
         * The last resort, for a batch that fails even row by row (a statement other than the rows' own was
         * refused): none of its rows is applied, each is failed with the reason, and the partition moves on.
         */
        FAIL_EVERY_ROW
    }

    /**
     * The batch's outcome and contact changes: made now, or the stored ones when the batch was applied before
     * (the changes then rebuilt from the batch's rows and the ledger, with the same event ids). A database that is
     * unavailable (or a transaction that takes too long) is waited out: the whole transaction runs again.
     */
    @Retry(maxRetries = -1, delay = Outages.FIRST_DELAY_MS, maxDuration = Outages.MAX_WAIT_MINUTES,
            durationUnit = ChronoUnit.MINUTES, jitter = Outages.JITTER_MS)
    @ExponentialBackoff(maxDelay = Outages.MAX_DELAY_SECONDS, maxDelayUnit = ChronoUnit.SECONDS)
    @RetryWhen(exception = TransientFailures.Predicate.class)
    @BeforeRetry(Outages.LogWait.class)
    @Timeout(value = ATTEMPT_TIMEOUT_SECONDS, unit = ChronoUnit.SECONDS)
    public Uni<AppliedBatch> apply(RowBatch batch, Refusals refusals) {
        boolean isolateRefusedRows = refusals != Refusals.FAIL_THE_BATCH;
        RowReader.ReadRows rows = refusals == Refusals.FAIL_EVERY_ROW ? everyRowFailed(batch) : reader.read(batch);
        Function<SqlConnection, Uni<AppliedBatch>> work = connection -> ledger.claim(connection, batch)
                .flatMap(claimed -> {
                    if (!claimed) {
                        return Uni.createFrom().<AppliedBatch>nullItem();
                    }
                    return canceled.contains(connection, batch.importId()).flatMap(isCanceled -> isCanceled
                            ? notApplied(connection, batch)
                            : applyClaimed(connection, batch, rows, isolateRefusedRows));
                });
        // A Vert.x transaction rolls back at the first failed statement, savepoint or not: the poison path runs
        // its own BEGIN and COMMIT.
        long started = System.nanoTime();
        return (isolateRefusedRows ? pool.withConnection(connection -> inOwnTransaction(connection, work))
                : pool.withTransaction(work))
                .invoke(applied -> {
                    if (applied != null) {
                        metrics.applied(applied.outcome(), started);
                    }
                })
                .flatMap(applied -> applied != null ? Uni.createFrom().item(applied) : appliedBefore(batch));
    }

    private Uni<AppliedBatch> appliedBefore(RowBatch batch) {
        return ledger.stored(batch).map(stored -> new AppliedBatch(stored.outcome(), stored.changedRows() == null
                ? List.of()
                : changes.stored(batch, reader.read(batch).valid(), stored.changedRows(), stored.changedContacts(),
                        stored.changeKinds(), stored.appliedAt())));
    }

    /** The batch's rows as failed rows, none applied. */
    private RowReader.ReadRows everyRowFailed(RowBatch batch) {
        RowReader.ReadRows read = reader.read(batch);
        List<FailedRow> failed = new ArrayList<>(read.failed());
        for (ContactRow row : read.valid()) {
            failed.add(new FailedRow(row.number(), row.email(), FailedRow.REJECTED_BY_DATABASE,
                    "PostgreSQL refused the batch this row was in, even row by row; the row was not imported.",
                    cellsOf(batch, row)));
        }
        return new RowReader.ReadRows(List.of(), failed);
    }

    private static <T> Uni<T> inOwnTransaction(SqlConnection connection, Function<SqlConnection, Uni<T>> work) {
        return connection.query("BEGIN").execute()
                .chain(() -> work.apply(connection))
                .call(() -> connection.query("COMMIT").execute())
                .onFailure().call(() -> connection.query("ROLLBACK").execute().onFailure().recoverWithNull());
    }

    private Uni<AppliedBatch> applyClaimed(SqlConnection connection, RowBatch batch, RowReader.ReadRows rows,
                                            boolean isolateRefusedRows) {
        List<FailedRow> failed = new ArrayList<>(rows.failed());
        Uni<RoundResult> total = Uni.createFrom().item(RoundResult.NONE);
        for (List<ContactRow> round : rounds(rows.valid())) {
            total = total.flatMap(sum -> (isolateRefusedRows
                    ? isolating(connection, batch, round, failed)
                    : upsert.apply(connection, batch.teamId(), round, batch.onConflict())).map(sum::plus));
        }
        return total.flatMap(result -> {
            RowBatchProcessed outcome = new RowBatchProcessed(batch.importId(), batch.teamId(), batch.bucket(),
                    batch.sequence(), result.created(), result.updated(), result.skipped(), failed.size());
            // The emails of created and updated contacts, when the import adds them to segments or topics; in
            // order, so that membership rows are locked in the same order by every batch.
            boolean joins = !batch.segmentIds().isEmpty() || !batch.topics().isEmpty();
            List<String> joining = joins ? result.applied().stream().map(applied -> applied.row().email())
                    .distinct().sorted().toList() : List.of();
            List<AppliedRow> changed = changesConfig.enabled() ? ImportChanges.inFileOrder(result.applied()) : null;
            return segmentMembers.addImported(connection, batch.teamId(), joining, batch.segmentIds())
                    .chain(() -> topicSubscriptions.subscribeImported(connection, batch.teamId(), joining,
                            batch.topics()))
                    .chain(() -> failedRows.insert(connection, batch.importId(), batch.teamId(), batch.header(),
                            failed))
                    .chain(() -> ledger.record(connection, outcome, changed))
                    .map(committedAt -> new AppliedBatch(outcome,
                            changed == null ? List.of() : changes.of(batch, changed, committedAt)));
        });
    }

    /**
     * Writes rows of one round under a savepoint; where PostgreSQL refuses them, rolls back to it and writes each
     * half the same way, down to the single rows it refuses, which are added to {@code failed}.
     */
    private Uni<RoundResult> isolating(SqlConnection connection, RowBatch batch, List<ContactRow> rows,
                                       List<FailedRow> failed) {
        return connection.query("SAVEPOINT round").execute()
                .chain(() -> upsert.apply(connection, batch.teamId(), rows, batch.onConflict()))
                .call(() -> connection.query("RELEASE SAVEPOINT round").execute())
                .onFailure(refusal -> !TransientFailures.isTransient(refusal)).recoverWithUni(refusal -> connection
                        .query("ROLLBACK TO SAVEPOINT round; RELEASE SAVEPOINT round").execute()
                        .chain(() -> {
                            if (rows.size() == 1) {
                                failed.add(refused(batch, rows.get(0), refusal));
                                return Uni.createFrom().item(RoundResult.NONE);
                            }
                            List<ContactRow> first = rows.subList(0, rows.size() / 2);
                            List<ContactRow> second = rows.subList(rows.size() / 2, rows.size());
                            return isolating(connection, batch, first, failed).flatMap(a ->
                                    isolating(connection, batch, second, failed).map(a::plus));
                        }));
    }

    private static FailedRow refused(RowBatch batch, ContactRow row, Throwable refusal) {
        List<String> cells = cellsOf(batch, row);
        String reason = refusal instanceof DatabaseException database ? database.getMessage() : refusal.toString();
        return new FailedRow(row.number(), row.email(), FailedRow.REJECTED_BY_DATABASE,
                "PostgreSQL refused the row: " + reason, cells);
    }

    private static List<String> cellsOf(RowBatch batch, ContactRow row) {
        return batch.rows().stream().filter(r -> r.number() == row.number()).findFirst()
                .map(RowBatch.Row::cells).orElse(List.of());
    }

    /** The import was canceled: the batch is recorded as seen, with none of its rows applied or counted. */
    private Uni<AppliedBatch> notApplied(SqlConnection connection, RowBatch batch) {
        RowBatchProcessed outcome = new RowBatchProcessed(batch.importId(), batch.teamId(), batch.bucket(),
                batch.sequence(), 0, 0, 0, 0);
        return ledger.record(connection, outcome, null).replaceWith(new AppliedBatch(outcome, List.of()));
    }

    /**
     * Splits rows so that each round holds an email at most once: the n-th row of an email goes to round n.
     * Applying rounds in order keeps file order per email (first row creates, later rows update or skip), which
     * one INSERT … ON CONFLICT could not do for the same row twice. Each round comes out sorted by email, the
     * order {@link ContactUpsert} takes row locks in; the sort is stable, so one email's rows stay in file order.
     */
    static List<List<ContactRow>> rounds(List<ContactRow> rows) {
        List<ContactRow> byEmail = new ArrayList<>(rows);
        byEmail.sort(Comparator.comparing(ContactRow::email));
        List<List<ContactRow>> rounds = new ArrayList<>();
        int round = 0;
        for (int i = 0; i < byEmail.size(); i++) {
            ContactRow row = byEmail.get(i);
            round = i > 0 && row.email().equals(byEmail.get(i - 1).email()) ? round + 1 : 0;
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(row);
        }
        return rounds;
    }
}
