package io.contactimport.gateway.auth;

import io.contactimport.gateway.auth.ApiKeyHash;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * Teams and their API keys; a key is looked up by its SHA-256 hash. Answers are cached for a few seconds
 * ({@code API_KEY_CACHE_TTL}), so that clients polling an import's status do not each cost a query on the database
 * the import is writing to. A revoked key stops working within that time.
 */
@ApplicationScoped
public class ApiKeys {

    private final Pool pool;
    private final Cache teams;

    public ApiKeys(Pool pool, @CacheName("api-keys") Cache teams) {
        this.pool = pool;
        this.teams = teams;
    }

    /** The team owning an active key. */
    public Uni<Optional<UUID>> teamOf(String key) {
        return teams.getAsync(ApiKeyHash.of(key), this::lookUp);
    }

    /** Creates the team (by name) and the key unless the key exists already. */
    public Uni<UUID> ensureTeamKey(String teamName, String key) {
        String hash = ApiKeyHash.of(key);
        return lookUp(hash).chain(existing -> existing.isPresent() ? Uni.createFrom().item(existing.get())
                : pool.withTransaction(connection -> {
                    UUID team = UUID.randomUUID();
                    return connection.preparedQuery("INSERT INTO gateway.teams (id, name) VALUES ($1, $2)")
                            .execute(Tuple.of(team, teamName))
                            .chain(() -> connection.preparedQuery(
                                    "INSERT INTO gateway.api_keys (id, team_id, name, key_hash) VALUES ($1, $2, $3, $4)")
                                    .execute(Tuple.of(UUID.randomUUID(), team, "bootstrap", hash)))
                            .replaceWith(team);
                }))
                .call(() -> teams.invalidate(hash));
    }

    private Uni<Optional<UUID>> lookUp(String hash) {
        return pool.preparedQuery("SELECT team_id FROM gateway.api_keys WHERE key_hash = $1 AND revoked_at IS NULL")
                .execute(Tuple.of(hash))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getUUID(0)));
    }
}
