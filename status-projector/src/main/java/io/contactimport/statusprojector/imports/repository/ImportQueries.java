package io.contactimport.statusprojector.imports.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactimport.contracts.api.ApiTimestamps;
import io.contactimport.contracts.imports.ImportStatusChanged;
import io.contactimport.contracts.imports.ImportStatusChanged.Counts;
import io.contactimport.contracts.imports.ImportStatusChanged.Failure;
import io.contactimport.contracts.imports.ImportStatusChanged.MappedColumns;
import io.contactimport.contracts.imports.ImportStatusChanged.SegmentRef;
import io.contactimport.contracts.imports.ImportStatusChanged.Status;
import io.contactimport.contracts.imports.ImportStatusChanged.TopicRef;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads imports as the API shows them (and contact-imports.status announces them, with their team), counts summed
 * from the batch outcomes at read time.
 */
@ApplicationScoped
public class ImportQueries {

    private static final String SELECT = """
            SELECT i.*, s.total_rows, s.error_name, s.error_message, c.canceled_at,
                   COALESCE(o.created, 0) AS created, COALESCE(o.updated, 0) AS updated,
                   COALESCE(o.skipped, 0) AS skipped, COALESCE(o.failed, 0) AS failed
            FROM status.imports i
            LEFT JOIN status.splits s ON s.import_id = i.id
            LEFT JOIN status.cancellations c ON c.import_id = i.id
            LEFT JOIN LATERAL (
                SELECT sum(created) AS created, sum(updated) AS updated, sum(skipped) AS skipped, sum(failed) AS failed
                FROM status.batch_outcomes WHERE import_id = i.id) o ON true
            """;

    private static final TypeReference<MappedColumns> COLUMN_MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<SegmentRef>> SEGMENTS = new TypeReference<>() {
    };
    private static final TypeReference<List<TopicRef>> TOPICS = new TypeReference<>() {
    };

    private final Pool pool;
    private final ObjectMapper json;

    public ImportQueries(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    /** A page of a team's imports, newest first. */
    public record Page(List<ImportStatusChanged> data, boolean hasMore) {
    }

    public Uni<Optional<ImportStatusChanged>> find(UUID teamId, UUID importId) {
        return pool.preparedQuery(SELECT + " WHERE i.id = $1 AND i.team_id = $2")
                .execute(Tuple.of(importId, teamId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(view(rows.iterator().next())));
    }

    /**
     * @param after  an import id: the page starts after it (older imports)
     * @param before an import id: the page ends before it (newer imports)
     */
    public Uni<Page> list(UUID teamId, String status, int limit, UUID after, UUID before) {
        String cursor = after != null ? " AND (i.created_at, i.id) < (SELECT created_at, id FROM status.imports WHERE id = $3)"
                : before != null ? " AND (i.created_at, i.id) > (SELECT created_at, id FROM status.imports WHERE id = $3)"
                : " AND $3::uuid IS NULL";
        String order = before != null ? " ORDER BY i.created_at ASC, i.id ASC" : " ORDER BY i.created_at DESC, i.id DESC";
        return pool.preparedQuery(SELECT + " WHERE i.team_id = $1 AND ($2::text IS NULL OR i.status = $2)" + cursor
                        + order + " LIMIT $4")
                .execute(Tuple.of(teamId, status, after != null ? after : before, limit + 1))
                .map(rows -> page(rows, limit, before != null));
    }

    private Page page(RowSet<Row> rows, int limit, boolean ascending) {
        List<ImportStatusChanged> data = new ArrayList<>();
        for (Row row : rows) {
            data.add(view(row));
        }
        boolean hasMore = data.size() > limit;
        if (hasMore) {
            data = data.subList(0, limit);
        }
        if (ascending) {
            Collections.reverse(data);
        }
        return new Page(data, hasMore);
    }

    private ImportStatusChanged view(Row row) {
        long created = row.getLong("created");
        long updated = row.getLong("updated");
        long skipped = row.getLong("skipped");
        long failed = row.getLong("failed");
        long processed = created + updated + skipped + failed;
        Long splitTotal = row.getLong("total_rows");
        long total = splitTotal != null ? Math.max(splitTotal, processed) : processed;
        OffsetDateTime canceledAt = row.getOffsetDateTime("canceled_at");
        OffsetDateTime completedAt = row.getOffsetDateTime("completed_at");
        // A cancellation explains the failure only when it came before the import ended.
        boolean canceled = canceledAt != null && completedAt != null && !canceledAt.isAfter(completedAt);
        Failure error = canceled ? Failure.CANCELED
                : row.getString("error_name") == null ? null
                : new Failure(row.getString("error_name"), row.getString("error_message"));
        return new ImportStatusChanged(ImportStatusChanged.OBJECT, row.getUUID("id"), row.getUUID("team_id"),
                Status.fromApiValue(row.getString("status")), timestamp(row.getOffsetDateTime("created_at")),
                timestamp(completedAt), new Counts(total, created, updated, skipped, failed),
                row.getString("file_name"), row.getLong("file_size"), row.getString("on_conflict"),
                read(row.getJsonObject("column_map"), COLUMN_MAP), read(row.getJsonArray("segments"), SEGMENTS),
                read(row.getJsonArray("topics"), TOPICS), error);
    }

    /** A JSON column (written by {@link ImportProjection#requested}) as the record it holds; null stays null. */
    private <T> T read(Object stored, TypeReference<T> type) {
        if (stored == null) {
            return null;
        }
        try {
            return json.readValue(stored.toString(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("status.imports holds JSON it did not write: " + e.getMessage(), e);
        }
    }

    private static String timestamp(OffsetDateTime time) {
        return time == null ? null : ApiTimestamps.format(time.toInstant());
    }
}
