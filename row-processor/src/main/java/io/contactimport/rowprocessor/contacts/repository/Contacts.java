package io.contactimport.rowprocessor.contacts.repository;

import io.contactimport.rowprocessor.common.repository.Keyset;
import io.contactimport.support.rest.PageRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Contacts one at a time, for the contacts API (imports write them in bulk through {@link ContactUpsert}). */
@ApplicationScoped
public class Contacts {

    private static final String COLUMNS = "c.id, c.email, c.first_name, c.last_name, c.unsubscribed, c.properties, c.created_at";

    private final Pool pool;

    public Contacts(Pool pool) {
        this.pool = pool;
    }

    public record Contact(UUID id, String email, String firstName, String lastName, boolean unsubscribed,
                          JsonObject properties, OffsetDateTime createdAt) {
        static Contact of(Row row) {
            return new Contact(row.getUUID("id"), row.getString("email"), row.getString("first_name"),
                    row.getString("last_name"), row.getBoolean("unsubscribed"),
                    (JsonObject) row.getJson("properties"), row.getOffsetDateTime("created_at"));
        }
    }

    /** What a PATCH changes: a name is set (to a value or to null) only when its flag says so. */
    public record Changes(boolean setFirstName, String firstName, boolean setLastName, String lastName,
                          Boolean unsubscribed, JsonObject setProperties, List<String> removeProperties) {

        /** The fields this changes, with their new values: a cleared name or a removed property is null. */
        public JsonObject changedFields() {
            JsonObject fields = new JsonObject();
            if (setFirstName) {
                fields.put("first_name", firstName);
            }
            if (setLastName) {
                fields.put("last_name", lastName);
            }
            if (unsubscribed != null) {
                fields.put("unsubscribed", unsubscribed);
            }
            if (!setProperties.isEmpty() || !removeProperties.isEmpty()) {
                JsonObject properties = setProperties.copy();
                removeProperties.forEach(key -> properties.putNull(key));
                fields.put("properties", properties);
            }
            return fields;
        }
    }

    public Uni<Optional<Contact>> findById(UUID teamId, UUID id) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM contacts.contacts c WHERE c.team_id = $1 AND c.id = $2")
                .execute(Tuple.of(teamId, id)).map(Contacts::first);
    }

    public Uni<Optional<Contact>> findByEmail(UUID teamId, String email) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM contacts.contacts c WHERE c.team_id = $1 AND c.email = $2")
                .execute(Tuple.of(teamId, email)).map(Contacts::first);
    }

    /** Empty when the team already has a contact with this email. */
    public Uni<Optional<UUID>> insert(SqlClient client, UUID teamId, String email, String firstName, String lastName,
                                      boolean unsubscribed, JsonObject properties) {
        return client.preparedQuery("""
                        INSERT INTO contacts.contacts (team_id, email, first_name, last_name, unsubscribed, properties)
                        VALUES ($1, $2, $3, $4, $5, $6::text::jsonb)
                        ON CONFLICT (team_id, email) DO NOTHING RETURNING id""")
                .execute(Tuple.of(teamId, email, firstName, lastName, unsubscribed, properties.encode()))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(rows.iterator().next().getUUID(0)) : Optional.empty());
    }

    public Uni<Boolean> update(SqlClient client, UUID teamId, UUID id, Changes changes) {
        return client.preparedQuery("""
                        UPDATE contacts.contacts c SET
                            first_name   = CASE WHEN $3 THEN $4 ELSE c.first_name END,
                            last_name    = CASE WHEN $5 THEN $6 ELSE c.last_name END,
                            unsubscribed = COALESCE($7, c.unsubscribed),
                            properties   = (c.properties || $8::text::jsonb) - $9::text[],
                            updated_at   = now()
                        WHERE c.team_id = $1 AND c.id = $2""")
                .execute(Tuple.tuple().addUUID(teamId).addUUID(id)
                        .addBoolean(changes.setFirstName()).addString(changes.firstName())
                        .addBoolean(changes.setLastName()).addString(changes.lastName())
                        .addBoolean(changes.unsubscribed()).addString(changes.setProperties().encode())
                        .addArrayOfString(changes.removeProperties().toArray(String[]::new)))
                .map(rows -> rows.rowCount() > 0);
    }

    public Uni<Boolean> delete(SqlClient client, UUID teamId, UUID id) {
        return client.preparedQuery("DELETE FROM contacts.contacts WHERE team_id = $1 AND id = $2")
                .execute(Tuple.of(teamId, id)).map(rows -> rows.rowCount() > 0);
    }

    /** The team's contacts, or a segment's when {@code segmentId} is given, newest first. */
    public Uni<List<Contact>> list(UUID teamId, UUID segmentId, PageRequest page) {
        String sql = segmentId == null
                ? "SELECT " + COLUMNS + " FROM contacts.contacts c WHERE c.team_id = $1"
                        + page.keysetClause("c", "contacts.contacts", 2)
                : "SELECT " + COLUMNS + " FROM contacts.contacts c"
                        + " JOIN contacts.segment_members m ON m.contact_id = c.id AND m.segment_id = $2"
                        + " WHERE c.team_id = $1" + page.keysetClause("c", "contacts.contacts", 3);
        Tuple parameters = segmentId == null ? Tuple.of(teamId) : Tuple.of(teamId, segmentId);
        return pool.preparedQuery(sql).execute(Keyset.withCursor(parameters, page)).map(rows -> {
            List<Contact> contacts = new ArrayList<>();
            rows.forEach(row -> contacts.add(Contact.of(row)));
            return contacts;
        });
    }

    private static Optional<Contact> first(RowSet<Row> rows) {
        return rows.iterator().hasNext() ? Optional.of(Contact.of(rows.iterator().next())) : Optional.empty();
    }
}
