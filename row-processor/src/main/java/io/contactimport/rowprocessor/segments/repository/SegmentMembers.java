package io.contactimport.rowprocessor.segments.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Who is in which segment. Only the team's own, still existing segments are joined, so a segment deleted while an
 * import runs is simply no longer filled.
 */
@ApplicationScoped
public class SegmentMembers {

    private static final String ADD_IMPORTED = """
            INSERT INTO contacts.segment_members (segment_id, contact_id)
            SELECT s.id, c.id
            FROM contacts.segments s
            JOIN contacts.contacts c ON c.team_id = s.team_id AND c.email = ANY($3::text[])
            WHERE s.team_id = $1 AND s.id = ANY($2::uuid[])
            ORDER BY s.id, c.id
            ON CONFLICT DO NOTHING""";

    private static final String ADD = """
            INSERT INTO contacts.segment_members (segment_id, contact_id)
            SELECT s.id, $3 FROM contacts.segments s WHERE s.team_id = $1 AND s.id = ANY($2::uuid[])
            ON CONFLICT DO NOTHING""";

    /** Adds the contacts with these emails to the segments, in one statement. */
    public Uni<Void> addImported(SqlClient client, UUID teamId, Collection<String> emails, List<UUID> segmentIds) {
        if (emails.isEmpty() || segmentIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return client.preparedQuery(ADD_IMPORTED).execute(Tuple.tuple().addUUID(teamId)
                        .addArrayOfUUID(segmentIds.toArray(UUID[]::new)).addArrayOfString(emails.toArray(String[]::new)))
                .replaceWithVoid();
    }

    public Uni<Void> add(SqlClient client, UUID teamId, UUID contactId, List<UUID> segmentIds) {
        if (segmentIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return client.preparedQuery(ADD).execute(Tuple.tuple().addUUID(teamId)
                .addArrayOfUUID(segmentIds.toArray(UUID[]::new)).addUUID(contactId)).replaceWithVoid();
    }

    /** True when the contact was in the segment. */
    public Uni<Boolean> remove(SqlClient client, UUID teamId, UUID contactId, UUID segmentId) {
        return client.preparedQuery("""
                        DELETE FROM contacts.segment_members m USING contacts.segments s
                        WHERE m.segment_id = s.id AND s.team_id = $1 AND m.contact_id = $2 AND s.id = $3""")
                .execute(Tuple.of(teamId, contactId, segmentId)).map(rows -> rows.rowCount() > 0);
    }
}
