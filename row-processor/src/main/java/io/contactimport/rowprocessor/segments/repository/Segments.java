package io.contactimport.rowprocessor.segments.repository;

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

/** A team's segments (definitions); who is in them is {@link SegmentMembers}. */
@ApplicationScoped
public class Segments {

    private static final String COLUMNS = "s.id, s.name, s.created_at";

    private final Pool pool;

    public Segments(Pool pool) {
        this.pool = pool;
    }

    public record Segment(UUID id, String name, OffsetDateTime createdAt) {
        static Segment of(Row row) {
            return new Segment(row.getUUID("id"), row.getString("name"), row.getOffsetDateTime("created_at"));
        }
    }

    public Uni<Segment> create(UUID teamId, String name) {
        return pool.preparedQuery("INSERT INTO contacts.segments AS s (team_id, name) VALUES ($1, $2) RETURNING " + COLUMNS)
                .execute(Tuple.of(teamId, name)).map(rows -> Segment.of(rows.iterator().next()));
    }

    public Uni<Optional<Segment>> find(UUID teamId, UUID id) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM contacts.segments s WHERE s.team_id = $1 AND s.id = $2")
                .execute(Tuple.of(teamId, id)).map(Segments::first);
    }

    public Uni<List<Segment>> list(UUID teamId, PageRequest page) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM contacts.segments s WHERE s.team_id = $1"
                        + page.keysetClause("s", "contacts.segments", 2))
                .execute(Keyset.withCursor(Tuple.of(teamId), page)).map(Segments::all);
    }

    /** The segments a contact belongs to, newest segment first. */
    public Uni<List<Segment>> ofContact(UUID teamId, UUID contactId, PageRequest page) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM contacts.segments s"
                        + " JOIN contacts.segment_members m ON m.segment_id = s.id AND m.contact_id = $2"
                        + " WHERE s.team_id = $1" + page.keysetClause("s", "contacts.segments", 3))
                .execute(Keyset.withCursor(Tuple.of(teamId, contactId), page)).map(Segments::all);
    }

    public Uni<Optional<Segment>> rename(UUID teamId, UUID id, String name) {
        return pool.preparedQuery("UPDATE contacts.segments s SET name = $3 WHERE s.team_id = $1 AND s.id = $2 RETURNING " + COLUMNS)
                .execute(Tuple.of(teamId, id, name)).map(Segments::first);
    }

    public Uni<Boolean> delete(UUID teamId, UUID id) {
        return pool.preparedQuery("DELETE FROM contacts.segments WHERE team_id = $1 AND id = $2")
                .execute(Tuple.of(teamId, id)).map(rows -> rows.rowCount() > 0);
    }

    private static Optional<Segment> first(RowSet<Row> rows) {
        return rows.iterator().hasNext() ? Optional.of(Segment.of(rows.iterator().next())) : Optional.empty();
    }

    private static List<Segment> all(RowSet<Row> rows) {
        List<Segment> segments = new ArrayList<>();
        rows.forEach(row -> segments.add(Segment.of(row)));
        return segments;
    }
}
