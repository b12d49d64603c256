package io.contactimport.rowprocessor.topics.repository;

import io.contactimport.rowprocessor.common.repository.Keyset;
import io.contactimport.support.rest.PageRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A team's topics (definitions); each contact's choice per topic is in {@link TopicSubscriptions}. */
@ApplicationScoped
public class Topics {

    private static final String COLUMNS = "t.id, t.name, t.description, t.default_subscription, t.created_at";

    private final Pool pool;

    public Topics(Pool pool) {
        this.pool = pool;
    }

    public record Topic(UUID id, String name, String description, String defaultSubscription,
                        OffsetDateTime createdAt) {
        static Topic of(Row row) {
            return new Topic(row.getUUID("id"), row.getString("name"), row.getString("description"),
                    row.getString("default_subscription"), row.getOffsetDateTime("created_at"));
        }
    }

    public Uni<Topic> create(UUID teamId, String name, String description, String defaultSubscription) {
        return pool.preparedQuery("INSERT INTO contacts.topics AS t (team_id, name, description, default_subscription)"
                        + " VALUES ($1, $2, $3, $4) RETURNING " + COLUMNS)
                .execute(Tuple.of(teamId, name, description, defaultSubscription))
                .map(rows -> Topic.of(rows.iterator().next()));
    }

    public Uni<Optional<Topic>> find(UUID teamId, UUID id) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM contacts.topics t WHERE t.team_id = $1 AND t.id = $2")
                .execute(Tuple.of(teamId, id)).map(Topics::first);
    }

    public Uni<List<Topic>> list(UUID teamId, PageRequest page) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM contacts.topics t WHERE t.team_id = $1"
                        + page.keysetClause("t", "contacts.topics", 2))
                .execute(Keyset.withCursor(Tuple.of(teamId), page)).map(Topics::all);
    }

    /** Name and description change; a null leaves the stored value. */
    public Uni<Optional<Topic>> update(UUID teamId, UUID id, String name, String description) {
        return pool.preparedQuery("UPDATE contacts.topics t SET name = COALESCE($3, t.name),"
                        + " description = COALESCE($4, t.description) WHERE t.team_id = $1 AND t.id = $2 RETURNING " + COLUMNS)
                .execute(Tuple.of(teamId, id, name, description)).map(Topics::first);
    }

    public Uni<Boolean> delete(UUID teamId, UUID id) {
        return pool.preparedQuery("DELETE FROM contacts.topics WHERE team_id = $1 AND id = $2")
                .execute(Tuple.of(teamId, id)).map(rows -> rows.rowCount() > 0);
    }

    private static Optional<Topic> first(RowSet<Row> rows) {
        return rows.iterator().hasNext() ? Optional.of(Topic.of(rows.iterator().next())) : Optional.empty();
    }

    private static List<Topic> all(RowSet<Row> rows) {
        List<Topic> topics = new ArrayList<>();
        rows.forEach(row -> topics.add(Topic.of(row)));
        return topics;
    }
}
