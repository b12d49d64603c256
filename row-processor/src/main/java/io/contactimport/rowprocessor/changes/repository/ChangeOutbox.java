package io.contactimport.rowprocessor.changes.repository;

import io.contactimport.contracts.changes.ContactChangeType;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The contacts API's changes waiting to be announced: written in the change's own transaction, read in the order
 * they were written, deleted once the broker has them.
 */
@ApplicationScoped
public class ChangeOutbox {

    private static final String RELAY_LOCK = "hashtext('contacts.change_outbox')";

    /** One change as written; {@code fieldsJson} is the changed fields as a JSON object. */
    public record Entry(long sequence, UUID id, UUID teamId, UUID contactId, String email, ContactChangeType type,
                        String fieldsJson, OffsetDateTime changedAt) {
    }

    public Uni<Void> add(SqlClient client, UUID teamId, UUID contactId, String email, ContactChangeType type,
                         JsonObject fields) {
        return client.preparedQuery("""
                        INSERT INTO contacts.change_outbox (team_id, contact_id, email, change_type, fields)
                        VALUES ($1, $2, $3, $4, $5::text::jsonb)""")
                .execute(Tuple.of(teamId, contactId, email, type.name(), fields.encode()))
                .replaceWithVoid();
    }

    /**
     * Takes the relay's lock for this connection's session; false when another instance's relay holds it. Only one
     * relay sends, so the changes go out in the order they were written; a session lock, not a transaction's, so
     * no transaction stays open while the broker is waited for (a connection that breaks releases it).
     */
    public Uni<Boolean> lockRelay(SqlConnection connection) {
        return connection.query("SELECT pg_try_advisory_lock(" + RELAY_LOCK + ")").execute()
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    public Uni<Void> unlockRelay(SqlConnection connection) {
        return connection.query("SELECT pg_advisory_unlock(" + RELAY_LOCK + ")").execute().replaceWithVoid();
    }

    /** The oldest entries, up to {@code limit}. */
    public Uni<List<Entry>> oldest(SqlConnection connection, int limit) {
        return connection.preparedQuery("""
                        SELECT sequence, id, team_id, contact_id, email, change_type, fields::text, changed_at
                        FROM contacts.change_outbox ORDER BY sequence LIMIT $1""")
                .execute(Tuple.of(limit))
                .map(rows -> {
                    List<Entry> entries = new ArrayList<>(rows.rowCount());
                    rows.forEach(row -> entries.add(new Entry(row.getLong(0), row.getUUID(1), row.getUUID(2),
                            row.getUUID(3), row.getString(4), ContactChangeType.valueOf(row.getString(5)),
                            row.getString(6), row.getOffsetDateTime(7))));
                    return entries;
                });
    }

    /**
     * Forgets the entries that were sent, by their sequence numbers: not "up to the last", since an entry with a
     * smaller number may have committed after they were read.
     */
    public Uni<Void> delete(SqlConnection connection, List<Entry> sent) {
        Long[] sequences = sent.stream().map(Entry::sequence).toArray(Long[]::new);
        return connection.preparedQuery("DELETE FROM contacts.change_outbox WHERE sequence = ANY($1)")
                .execute(Tuple.tuple().addArrayOfLong(sequences)).replaceWithVoid();
    }
}
