package io.contactimport.gateway.imports.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactimport.contracts.imports.ImportRequested;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Accepted import requests and their outbox state. */
@ApplicationScoped
public class ImportRequests {

    private final Pool pool;
    private final ObjectMapper json;

    public ImportRequests(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    /** A stored request: its team, when it came, and the event announcing it. */
    public record StoredRequest(UUID id, UUID teamId, OffsetDateTime createdAt, String event) {
    }

    public Uni<Void> insert(UUID id, UUID teamId, String objectKey, String fileName, long fileSize, String event) {
        return pool.preparedQuery("""
                        INSERT INTO gateway.import_requests (id, team_id, object_key, file_name, file_size, event)
                        VALUES ($1, $2, $3, $4, $5, $6::text::jsonb)""")
                .execute(Tuple.tuple().addUUID(id).addUUID(teamId).addString(objectKey).addString(fileName)
                        .addLong(fileSize).addString(event))
                .replaceWithVoid();
    }

    public Uni<Void> markPublished(UUID id) {
        return pool.preparedQuery("UPDATE gateway.import_requests SET published_at = now() WHERE id = $1")
                .execute(Tuple.of(id)).replaceWithVoid();
    }

    public Uni<Optional<StoredRequest>> find(UUID teamId, UUID id) {
        return pool.preparedQuery("""
                        SELECT id, team_id, created_at, event::text AS event FROM gateway.import_requests
                        WHERE id = $1 AND team_id = $2""")
                .execute(Tuple.of(id, teamId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(stored(rows.iterator().next())));
    }

    /** The event a stored request announces (or announced). */
    public Uni<Optional<ImportRequested>> findRequested(UUID teamId, UUID id) {
        return find(teamId, id).map(found -> found.map(stored -> {
            try {
                return json.readValue(stored.event(), ImportRequested.class);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }));
    }

    /** An uploaded file still in the object store, and the request it came with. */
    public record KeptUpload(UUID id, UUID teamId, String objectKey, OffsetDateTime createdAt) {
    }

    /**
     * Uploads still kept whose request is older than {@code age} (an import ends after it was requested, so only these
     * can have ended that long ago), in request order after {@code (afterCreated, afterId)}.
     */
    public Uni<List<KeptUpload>> keptUploadsOlderThan(Duration age, OffsetDateTime afterCreated, UUID afterId,
                                                      int limit) {
        return pool.preparedQuery("""
                        SELECT id, team_id, object_key, created_at FROM gateway.import_requests
                        WHERE upload_deleted_at IS NULL AND created_at < now() - make_interval(secs => $1)
                          AND (created_at, id) > ($2, $3)
                        ORDER BY created_at, id LIMIT $4""")
                .execute(Tuple.of(age.toSeconds(), afterCreated, afterId, limit))
                .map(rows -> {
                    List<KeptUpload> kept = new ArrayList<>();
                    rows.forEach(row -> kept.add(new KeptUpload(row.getUUID("id"), row.getUUID("team_id"),
                            row.getString("object_key"), row.getOffsetDateTime("created_at"))));
                    return kept;
                });
    }

    public Uni<Void> markUploadDeleted(UUID id) {
        return pool.preparedQuery("UPDATE gateway.import_requests SET upload_deleted_at = now() WHERE id = $1")
                .execute(Tuple.of(id)).replaceWithVoid();
    }

    /** The outbox's backlog: how many requests Kafka has not acknowledged yet, and the oldest one's age. */
    public record Backlog(long requests, double oldestAgeSeconds) {
    }

    public Uni<Backlog> backlog() {
        return pool.query("""
                        SELECT count(*) AS n, coalesce(extract(epoch FROM now() - min(created_at)), 0) AS age
                        FROM gateway.import_requests WHERE published_at IS NULL""").execute()
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Backlog(row.getLong("n"), row.getDouble("age"));
                });
    }

    /** Requests whose event Kafka has not acknowledged after a grace period: a crash or a broker outage. */
    public Uni<List<StoredRequest>> unpublished(int graceSeconds) {
        return pool.preparedQuery("""
                        SELECT id, team_id, created_at, event::text AS event FROM gateway.import_requests
                        WHERE published_at IS NULL AND created_at < now() - make_interval(secs => $1)
                        ORDER BY created_at LIMIT 100""")
                .execute(Tuple.of(graceSeconds))
                .map(rows -> {
                    List<StoredRequest> found = new ArrayList<>();
                    rows.forEach(row -> found.add(stored(row)));
                    return found;
                });
    }

    private static StoredRequest stored(Row row) {
        return new StoredRequest(row.getUUID("id"), row.getUUID("team_id"), row.getOffsetDateTime("created_at"),
                row.getString("event"));
    }
}
