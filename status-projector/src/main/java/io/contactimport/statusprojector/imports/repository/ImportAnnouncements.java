package io.contactimport.statusprojector.imports.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Which status event of each import has been sent: the state announcements are derived from. */
@ApplicationScoped
public class ImportAnnouncements {

    /** How far an announcement type goes: an import's announcements only move forward. */
    private static final String RANK = "CASE %s WHEN 'created' THEN 0 WHEN 'in_progress' THEN 1 ELSE 2 END";

    private final Pool pool;

    public ImportAnnouncements(Pool pool) {
        this.pool = pool;
    }

    /** An import's status and what was last announced of it (null: nothing yet). */
    public record State(UUID importId, UUID teamId, String status, String announced) {
    }

    public Uni<Optional<State>> find(UUID importId) {
        return pool.preparedQuery("SELECT id, team_id, status, announced FROM status.imports WHERE id = $1")
                .execute(Tuple.of(importId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(state(rows.iterator().next())));
    }

    /** Records that {@code type} was sent; never takes an import's announcements back. */
    public Uni<Void> markAnnounced(UUID importId, String type) {
        return pool.preparedQuery("UPDATE status.imports SET announced = $2 WHERE id = $1 AND (announced IS NULL OR "
                        + RANK.formatted("announced") + " < " + RANK.formatted("$2") + ")")
                .execute(Tuple.of(importId, type)).replaceWithVoid();
    }

    /** Imports whose status is ahead of what was announced, oldest first. */
    public Uni<List<State>> behind(int limit) {
        return pool.preparedQuery("""
                        SELECT id, team_id, status, announced FROM status.imports
                        WHERE announced IS DISTINCT FROM CASE status WHEN 'queued' THEN 'created' ELSE status END
                        ORDER BY created_at LIMIT $1""")
                .execute(Tuple.of(limit))
                .map(rows -> {
                    List<State> found = new ArrayList<>();
                    rows.forEach(row -> found.add(state(row)));
                    return found;
                });
    }

    private static State state(Row row) {
        return new State(row.getUUID("id"), row.getUUID("team_id"), row.getString("status"),
                row.getString("announced"));
    }
}
