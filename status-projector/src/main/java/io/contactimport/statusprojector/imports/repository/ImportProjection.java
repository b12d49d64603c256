package io.contactimport.statusprojector.imports.repository;

import io.contactimport.contracts.batches.RowBatchProcessed;
import io.contactimport.contracts.imports.ImportRequested;
import io.contactimport.contracts.imports.ImportSplit;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Function;

/**
 * Writes the three kinds of events into the projection. Each event is applied in a transaction that first takes
 * an advisory lock on its import, so events of one import arriving on different topics at once are applied one
 * after the other and the status is always derived from everything committed before.
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
            WHERE i.id = $1 AND i.status NOT IN ('completed', 'failed') AND i.status <> next.status""";

    private final Pool pool;

    public ImportProjection(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> requested(ImportRequested event, JsonObject columnMap, String segments,
                                                  String topics) {
        return apply(event.importId(), connection -> connection.preparedQuery("""
                        INSERT INTO status.imports (id, team_id, status, file_name, file_size, on_conflict, column_map,
                                                    segments, topics, created_at)
                        VALUES ($1, $2, 'queued', $3, $4, $5, $6::text::jsonb, $7::text::jsonb, $8::text::jsonb, $9)
                        ON CONFLICT (id) DO NOTHING""")
                .execute(Tuple.tuple().addUUID(event.importId()).addUUID(event.teamId()).addString(event.fileName())
                        .addLong(event.fileSize()).addString(event.onConflict().apiValue())
                        .addString(columnMap.encode()).addString(segments).addString(topics)
                        .addOffsetDateTime(event.requestedAt().atOffset(ZoneOffset.UTC))));
    }

    public Uni<Void> split(ImportSplit event) {
        return apply(event.importId(), connection -> connection.preparedQuery("""
                        INSERT INTO status.splits (import_id, total_rows, expected_batches, error_name, error_message)
                        VALUES ($1, $2, $3, $4, $5)
                        ON CONFLICT (import_id) DO NOTHING""")
                .execute(Tuple.tuple().addUUID(event.importId()).addLong(event.totalRows())
                        .addInteger(event.batchCount())
                        .addString(event.error() == null ? null : event.error().name())
                        .addString(event.error() == null ? null : event.error().message())));
    }

    public Uni<Void> batchProcessed(RowBatchProcessed event) {
        return apply(event.importId(), connection -> connection.preparedQuery("""
                        INSERT INTO status.batch_outcomes (import_id, bucket, sequence, created, updated, skipped, failed)
                        VALUES ($1, $2, $3, $4, $5, $6, $7)
                        ON CONFLICT (import_id, bucket, sequence) DO NOTHING""")
                .execute(Tuple.tuple().addUUID(event.importId()).addInteger(event.bucket())
                        .addInteger(event.sequence()).addInteger(event.created()).addInteger(event.updated())
                        .addInteger(event.skipped()).addInteger(event.failed())));
    }

    /** Records the team's wish to stop the import; an import that already ended is left as it is. */
    public Uni<Void> canceled(UUID importId) {
        return apply(importId, connection -> connection.preparedQuery(
                        "INSERT INTO status.cancellations (import_id) VALUES ($1) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(importId)));
    }

    private Uni<Void> apply(UUID importId, Function<SqlConnection, Uni<?>> write) {
        return pool.withTransaction(connection -> connection
                .preparedQuery("SELECT pg_advisory_xact_lock(hashtextextended($1::uuid::text, 0))")
                .execute(Tuple.of(importId))
                .chain(() -> write.apply(connection))
                .chain(() -> connection.preparedQuery(REFRESH_STATUS).execute(Tuple.of(importId)))
                .replaceWithVoid());
    }
}
