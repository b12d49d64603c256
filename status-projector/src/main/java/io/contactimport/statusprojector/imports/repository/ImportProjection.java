package io.contactimport.statusprojector.imports.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactimport.contracts.batches.RowBatchProcessed;
import io.contactimport.contracts.imports.ImportRequested;
import io.contactimport.contracts.imports.ImportSplit;
import io.contactimport.contracts.imports.ImportStatusChanged;
import io.contactimport.contracts.imports.Lane;
import io.contactimport.statusprojector.imports.metrics.ImportMetrics;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes the three kinds of events into the projection. Each event is applied in a transaction that first takes
 * an advisory lock on its import's team, so events of one import arriving on different topics at once are applied one
 * after the other and the status is always derived from everything committed before; and so the team's admissions
 * (which of its queued imports may start) are decided one at a time, never letting more run than allowed.
 */
@ApplicationScoped
public class ImportProjection {

    private static final String REFRESH_STATUS = """
            WITH progress AS (
                SELECT count(o.*) AS batches, s.import_id IS NOT NULL AS split, s.expected_batches, s.error_name,
                       EXISTS (SELECT 1 FROM status.cancellations c WHERE c.import_id = $1) AS canceled
                FROM status.imports i
                LEFT JOIN status.splits s ON s.import_id = i.id
                LEFT JOIN status.batch_outcomes o ON o.import_id = i.id
                WHERE i.id = $1
                GROUP BY s.import_id, s.expected_batches, s.error_name
            ), next AS (
                SELECT CASE
                    WHEN canceled OR error_name IS NOT NULL THEN 'failed'
                    WHEN split AND batches >= expected_batches THEN 'completed'
                    WHEN split OR batches > 0 THEN 'in_progress'
                    ELSE 'queued' END AS status
                FROM progress
            )
            UPDATE status.imports i
            SET status = next.status,
                completed_at = CASE WHEN next.status IN ('completed', 'failed') THEN now() END
            FROM next
            WHERE i.id = $1 AND i.status NOT IN ('completed', 'failed') AND i.status <> next.status
            RETURNING i.status, extract(epoch FROM i.completed_at - i.created_at) AS took""";

    /** Admits the team's oldest queued imports of each lane while fewer than $2 of that lane have not ended. */
    private static final String ADMIT = """
            WITH running AS (
                SELECT lane, count(*) AS n FROM status.imports
                WHERE team_id = $1 AND status IN ('queued', 'in_progress') AND admitted_at IS NOT NULL
                GROUP BY lane
            ), waiting AS (
                SELECT id, lane, row_number() OVER (PARTITION BY lane ORDER BY created_at, id) AS place
                FROM status.imports
                WHERE team_id = $1 AND status = 'queued' AND admitted_at IS NULL
            )
            UPDATE status.imports i SET admitted_at = now()
            FROM waiting w LEFT JOIN running r ON r.lane = w.lane
            WHERE i.id = w.id AND w.place <= $2 - coalesce(r.n, 0)""";

    private final Pool pool;
    private final ObjectMapper json;
    private final ImportMetrics metrics;
    private final int maxRunningPerTeam;
    private final long expressMaxBytes;

    public ImportProjection(Pool pool, ObjectMapper json, ImportMetrics metrics,
                            @ConfigProperty(name = "projector.team-max-running-imports") int maxRunningPerTeam,
                            @ConfigProperty(name = "projector.express-lane-max-bytes") long expressMaxBytes) {
        this.pool = pool;
        this.json = json;
        this.metrics = metrics;
        this.maxRunningPerTeam = maxRunningPerTeam;
        this.expressMaxBytes = expressMaxBytes;
    }

    /**
     * Stores the import as the API will show it (column map, segments and topics in the API's shape).
     *
     * @param request the event as received, kept to announce the import's admission with
     */
    public Uni<Void> requested(ImportRequested event, String request) {
        ImportStatusChanged queued = ImportStatusChanged.requested(event);
        return apply(event.teamId(), event.importId(), true, connection -> connection.preparedQuery("""
                        INSERT INTO status.imports (id, team_id, status, file_name, file_size, on_conflict, column_map,
                                                    segments, topics, created_at, request, lane)
                        VALUES ($1, $2, 'queued', $3, $4, $5, $6::text::jsonb, $7::text::jsonb, $8::text::jsonb, $9,
                                $10::text::jsonb, $11)
                        ON CONFLICT (id) DO NOTHING""")
                .execute(Tuple.tuple().addUUID(event.importId()).addUUID(event.teamId()).addString(event.fileName())
                        .addLong(event.fileSize()).addString(event.onConflict().apiValue())
                        .addString(json(queued.columnMap())).addString(json(queued.segments()))
                        .addString(json(queued.topics()))
                        .addOffsetDateTime(event.requestedAt().atOffset(ZoneOffset.UTC)).addString(request)
                        .addString(Lane.of(event.fileSize(), expressMaxBytes).dbValue())));
    }

    /** A value as JSON text for a jsonb column; null is SQL NULL. */
    private String json(Object value) {
        try {
            return value == null ? null : json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Uni<Void> split(ImportSplit event) {
        return apply(event.teamId(), event.importId(), false, connection -> connection.preparedQuery("""
                        INSERT INTO status.splits (import_id, total_rows, expected_batches, error_name, error_message)
                        VALUES ($1, $2, $3, $4, $5)
                        ON CONFLICT (import_id) DO NOTHING""")
                .execute(Tuple.tuple().addUUID(event.importId()).addLong(event.totalRows())
                        .addInteger(event.batchCount())
                        .addString(event.error() == null ? null : event.error().name())
                        .addString(event.error() == null ? null : event.error().message())));
    }

    public Uni<Void> batchProcessed(RowBatchProcessed event) {
        return apply(event.teamId(), event.importId(), false, connection -> connection.preparedQuery("""
                        INSERT INTO status.batch_outcomes (import_id, bucket, sequence, created, updated, skipped, failed)
                        VALUES ($1, $2, $3, $4, $5, $6, $7)
                        ON CONFLICT (import_id, bucket, sequence) DO NOTHING""")
                .execute(Tuple.tuple().addUUID(event.importId()).addInteger(event.bucket())
                        .addInteger(event.sequence()).addInteger(event.created()).addInteger(event.updated())
                        .addInteger(event.skipped()).addInteger(event.failed())));
    }

    /** Records the team's wish to stop the import; an import that already ended is left as it is. */
    public Uni<Void> canceled(UUID teamId, UUID importId) {
        return apply(teamId, importId, false, connection -> connection.preparedQuery(
                        "INSERT INTO status.cancellations (import_id) VALUES ($1) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(importId)));
    }

    /**
     * The write, the import's status derived anew, and, when the import was just requested or has just ended, the
     * team's admissions decided again.
     */
    private Uni<Void> apply(UUID teamId, UUID importId, boolean request, Function<SqlConnection, Uni<?>> write) {
        return pool.withTransaction(connection -> connection
                .preparedQuery("SELECT pg_advisory_xact_lock(hashtextextended($1::uuid::text, 0))")
                .execute(Tuple.of(teamId))
                .chain(() -> write.apply(connection))
                .chain(() -> connection.preparedQuery(REFRESH_STATUS).execute(Tuple.of(importId)))
                .call(refreshed -> request || hasEnded(refreshed)
                        ? connection.preparedQuery(ADMIT).execute(Tuple.of(teamId, maxRunningPerTeam))
                        : Uni.createFrom().nullItem()))
                .invoke(this::countEnd)
                .replaceWithVoid();
    }

    /** After the commit: an import that has just ended is counted once (a retry finds it ended already). */
    private void countEnd(RowSet<Row> refreshed) {
        if (hasEnded(refreshed)) {
            Row row = refreshed.iterator().next();
            metrics.ended(row.getString("status"), Duration.ofMillis((long) (row.getDouble("took") * 1000)));
        }
    }

    private static boolean hasEnded(RowSet<Row> refreshed) {
        for (Row row : refreshed) {
            String status = row.getString("status");
            if (status.equals("completed") || status.equals("failed")) {
                return true;
            }
        }
        return false;
    }

}
