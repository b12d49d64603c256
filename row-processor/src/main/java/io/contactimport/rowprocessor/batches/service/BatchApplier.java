package io.contactimport.rowprocessor.batches.service;

import io.contactimport.contracts.batches.RowBatch;
import io.contactimport.contracts.batches.RowBatchProcessed;
import io.contactimport.rowprocessor.batches.repository.BatchLedger;
import io.contactimport.rowprocessor.contacts.repository.ContactUpsert;
import io.contactimport.rowprocessor.contacts.repository.ContactUpsert.RoundResult;
import io.contactimport.rowprocessor.contacts.service.ContactRow;
import io.contactimport.rowprocessor.contacts.service.RowReader;
import io.contactimport.rowprocessor.failedrows.repository.FailedRowStore;
import io.contactimport.rowprocessor.imports.repository.CanceledImports;
import io.contactimport.rowprocessor.segments.repository.SegmentMembers;
import io.contactimport.rowprocessor.topics.repository.TopicSubscriptions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies one row batch in one transaction together with its ledger row and its failed rows, so that the batch
 * is in the database either completely, once, or not at all.
 */
@ApplicationScoped
public class BatchApplier {

    private final Pool pool;
    private final RowReader reader;
    private final ContactUpsert upsert;
    private final FailedRowStore failedRows;
    private final BatchLedger ledger;
    private final CanceledImports canceled;
    private final SegmentMembers segmentMembers;
    private final TopicSubscriptions topicSubscriptions;

    public BatchApplier(Pool pool, RowReader reader, ContactUpsert upsert, FailedRowStore failedRows,
                        BatchLedger ledger, CanceledImports canceled, SegmentMembers segmentMembers,
                        TopicSubscriptions topicSubscriptions) {
        this.pool = pool;
        this.reader = reader;
        this.upsert = upsert;
        this.failedRows = failedRows;
        this.ledger = ledger;
        this.canceled = canceled;
        this.segmentMembers = segmentMembers;
        this.topicSubscriptions = topicSubscriptions;
    }

    /** The batch's outcome: computed now, or the stored one when the batch was applied before. */
    public Uni<RowBatchProcessed> apply(RowBatch batch) {
        RowReader.ReadRows rows = reader.read(batch);
        return pool.withTransaction(connection -> ledger.claim(connection, batch).flatMap(claimed -> {
                    if (!claimed) {
                        return Uni.createFrom().<RowBatchProcessed>nullItem();
                    }
                    return canceled.contains(connection, batch.importId()).flatMap(isCanceled -> isCanceled
                            ? notApplied(connection, batch)
                            : applyClaimed(connection, batch, rows));
                }))
                .flatMap(outcome -> outcome != null ? Uni.createFrom().item(outcome) : ledger.storedOutcome(batch));
    }

    private Uni<RowBatchProcessed> applyClaimed(SqlConnection connection, RowBatch batch, RowReader.ReadRows rows) {
        // The emails of created and updated contacts, gathered only when the import adds them to segments or topics.
        boolean joins = !batch.segmentIds().isEmpty() || !batch.topics().isEmpty();
        Set<String> applied = new LinkedHashSet<>();
        Uni<RoundResult> total = Uni.createFrom().item(new RoundResult(0, 0, 0, List.of()));
        for (List<ContactRow> round : rounds(rows.valid())) {
            total = total.flatMap(sum -> upsert.apply(connection, batch.teamId(), round, batch.onConflict())
                    .map(result -> {
                        if (joins) {
                            applied.addAll(result.applied());
                        }
                        return new RoundResult(sum.created() + result.created(), sum.updated() + result.updated(),
                                sum.skipped() + result.skipped(), List.of());
                    }));
        }
        return total.flatMap(counts -> {
            RowBatchProcessed outcome = new RowBatchProcessed(batch.importId(), batch.teamId(), batch.bucket(),
                    batch.sequence(), counts.created(), counts.updated(), counts.skipped(), rows.failed().size());
            // Emails in order, so that membership rows are locked in the same order by every batch.
            List<String> sortedApplied = applied.stream().sorted().toList();
            return segmentMembers.addImported(connection, batch.teamId(), sortedApplied, batch.segmentIds())
                    .chain(() -> topicSubscriptions.subscribeImported(connection, batch.teamId(), sortedApplied,
                            batch.topics()))
                    .chain(() -> failedRows.insert(connection, batch.importId(), batch.teamId(), batch.header(),
                            rows.failed()))
                    .chain(() -> ledger.record(connection, outcome))
                    .replaceWith(outcome);
        });
    }

    /** The import was canceled: the batch is recorded as seen, with none of its rows applied or counted. */
    private Uni<RowBatchProcessed> notApplied(SqlConnection connection, RowBatch batch) {
        RowBatchProcessed outcome = new RowBatchProcessed(batch.importId(), batch.teamId(), batch.bucket(),
                batch.sequence(), 0, 0, 0, 0);
        return ledger.record(connection, outcome).replaceWith(outcome);
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
