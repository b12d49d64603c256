package io.contactimport.gateway.idempotency.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class IdempotencyKeys {

    /**
     * Takes the key; or takes it over when its 24 hours are over, or when the request holding it has not finished
     * within two minutes (its gateway died: a create takes seconds once its upload has arrived).
     */
    private static final String CLAIM = """
            INSERT INTO gateway.idempotency_keys AS k (team_id, key, fingerprint) VALUES ($1, $2, $3)
            ON CONFLICT (team_id, key) DO UPDATE
                SET fingerprint = EXCLUDED.fingerprint, status_code = NULL, content_type = NULL,
                    response_body = NULL, created_at = now()
                WHERE k.created_at < now() - interval '24 hours'
                   OR k.status_code IS NULL AND k.created_at < now() - interval '2 minutes'
            RETURNING 1""";

    private final Pool pool;

    public IdempotencyKeys(Pool pool) {
        this.pool = pool;
    }

    /** The answer stored for a key; {@code statusCode} is null while the first request is still being handled. */
    public record StoredAnswer(String fingerprint, Integer statusCode, String contentType, byte[] body) {
    }

    /** True when this request now holds the key. */
    public Uni<Boolean> claim(UUID teamId, String key, String fingerprint) {
        return pool.preparedQuery(CLAIM).execute(Tuple.of(teamId, key, fingerprint))
                .map(rows -> rows.rowCount() > 0);
    }

    public Uni<Optional<StoredAnswer>> find(UUID teamId, String key) {
        return pool.preparedQuery("SELECT fingerprint, status_code, content_type, response_body"
                        + " FROM gateway.idempotency_keys WHERE team_id = $1 AND key = $2")
                .execute(Tuple.of(teamId, key)).map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    Buffer body = row.getBuffer("response_body");
                    return Optional.of(new StoredAnswer(row.getString("fingerprint"), row.getInteger("status_code"),
                            row.getString("content_type"), body == null ? null : body.getBytes()));
                });
    }

    public Uni<Void> complete(UUID teamId, String key, int statusCode, String contentType, byte[] body) {
        return pool.preparedQuery("UPDATE gateway.idempotency_keys SET status_code = $3, content_type = $4,"
                        + " response_body = $5 WHERE team_id = $1 AND key = $2")
                .execute(Tuple.of(teamId, key, statusCode, contentType, Buffer.buffer(body).getDelegate()))
                .replaceWithVoid();
    }

    /** Lets the key go, so a retry of a request that failed on our side runs again. */
    public Uni<Void> release(UUID teamId, String key) {
        return pool.preparedQuery("DELETE FROM gateway.idempotency_keys WHERE team_id = $1 AND key = $2")
                .execute(Tuple.of(teamId, key)).replaceWithVoid();
    }
}
