package io.contactimport.statusprojector.imports.repository;

import io.contactimport.contracts.api.ApiTimestamps;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
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

/** Reads imports as the API shows them, counts summed from the batch outcomes at read time. */
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

    private final Pool pool;

    public ImportQueries(Pool pool) {
        this.pool = pool;
    }

    /** A page of a team's imports, newest first. */
    public record Page(List<JsonObject> data, boolean hasMore) {
    }

    public Uni<Optional<JsonObject>> find(UUID teamId, UUID importId) {
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

    private static Page page(RowSet<Row> rows, int limit, boolean ascending) {
        List<JsonObject> data = new ArrayList<>();
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

    private static JsonObject view(Row row) {
        long created = row.getLong("created");
        long updated = row.getLong("updated");
        long skipped = row.getLong("skipped");
        long failed = row.getLong("failed");
        Long splitTotal = row.getLong("total_rows");
        long total = splitTotal != null ? Math.max(splitTotal, created + updated + skipped + failed)
                : created + updated + skipped + failed;
        JsonObject view = new JsonObject()
                .put("object", "contact_import")
                .put("id", row.getUUID("id").toString())
                .put("status", row.getString("status"))
                .put("created_at", timestamp(row.getOffsetDateTime("created_at")))
                .put("completed_at", timestamp(row.getOffsetDateTime("completed_at")))
                .put("counts", new JsonObject().put("total", total).put("created", created).put("updated", updated)
                        .put("skipped", skipped).put("failed", failed))
                .put("file_name", row.getString("file_name"))
                .put("file_size", row.getLong("file_size"))
                .put("on_conflict", row.getString("on_conflict"))
                .put("column_map", row.getJsonObject("column_map"))
                .put("segments", row.getJsonArray("segments") == null ? new JsonArray() : row.getJsonArray("segments"))
                .put("topics", row.getJsonArray("topics") == null ? new JsonArray() : row.getJsonArray("topics"));
        OffsetDateTime canceledAt = row.getOffsetDateTime("canceled_at");
        OffsetDateTime completedAt = row.getOffsetDateTime("completed_at");
        // A cancellation explains the failure only when it came before the import ended.
        boolean canceled = canceledAt != null && completedAt != null && !canceledAt.isAfter(completedAt);
        if (canceled) {
            view.put("error", new JsonObject().put("name", "canceled").put("message", "The import was canceled."));
        } else if (row.getString("error_name") != null) {
            view.put("error", new JsonObject().put("name", row.getString("error_name"))
                    .put("message", row.getString("error_message")));
        }
        return view;
    }

    private static String timestamp(OffsetDateTime time) {
        return time == null ? null : ApiTimestamps.format(time.toInstant());
    }
}
