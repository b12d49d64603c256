package io.contactimport.rowprocessor.contacts.repository;

import io.contactimport.contracts.imports.OnConflict;
import io.contactimport.rowprocessor.contacts.service.ContactRow;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Writes one round of rows (each email at most once, sorted by email so that row locks are always taken in the
 * same order) with set-based statements: one INSERT for the new contacts and, under {@code upsert}, one UPDATE for
 * the existing ones.
 */
@ApplicationScoped
public class ContactUpsert {

    private static final String INSERT_NEW = """
            INSERT INTO contacts.contacts (team_id, email, first_name, last_name, unsubscribed, properties)
            SELECT $1, t.email, t.first_name, t.last_name, COALESCE(t.unsubscribed, false),
                   COALESCE(t.properties::jsonb, '{}'::jsonb)
            FROM unnest($2::text[], $3::text[], $4::text[], $5::bool[], $6::text[])
                 AS t(email, first_name, last_name, unsubscribed, properties)
            ORDER BY t.email
            ON CONFLICT (team_id, email) DO NOTHING
            RETURNING email""";

    /** Non-empty values only; properties merge key by key; unsubscribed changes only when the row says so. */
    private static final String UPDATE_EXISTING = """
            UPDATE contacts.contacts AS c SET
                first_name   = COALESCE(t.first_name, c.first_name),
                last_name    = COALESCE(t.last_name, c.last_name),
                unsubscribed = COALESCE(t.unsubscribed, c.unsubscribed),
                properties   = CASE WHEN t.properties IS NULL THEN c.properties
                                    ELSE c.properties || t.properties::jsonb END,
                updated_at   = now()
            FROM unnest($2::text[], $3::text[], $4::text[], $5::bool[], $6::text[])
                 AS t(email, first_name, last_name, unsubscribed, properties)
            WHERE c.team_id = $1 AND c.email = t.email
            RETURNING c.email""";

    /** How the rows of a round were counted, and the emails of the contacts it created or updated. */
    public record RoundResult(int created, int updated, int skipped, List<String> applied) {
    }

    /** @param sorted the round's rows, sorted by email */
    public Uni<RoundResult> apply(SqlConnection connection, UUID teamId, List<ContactRow> sorted, OnConflict onConflict) {
        return connection.preparedQuery(INSERT_NEW).execute(bind(teamId, sorted)).flatMap(inserted -> {
            if (inserted.rowCount() == sorted.size()) {
                // Every row was new, as in a first import: no need to find out which.
                return Uni.createFrom().item(new RoundResult(sorted.size(), 0, 0, emails(sorted)));
            }
            // Looked up by binary search: a round's emails share hash bits with their bucket, so a HashSet of them
            // crowds into few bins, and its lookups stood out in a profile.
            String[] created = new String[inserted.rowCount()];
            int next = 0;
            for (Row row : inserted) {
                created[next++] = row.getString(0);
            }
            Arrays.sort(created);
            List<ContactRow> existing = sorted.stream()
                    .filter(row -> Arrays.binarySearch(created, row.email()) < 0).toList();
            if (onConflict == OnConflict.SKIP) {
                return Uni.createFrom().item(new RoundResult(created.length, 0, existing.size(), List.of(created)));
            }
            return connection.preparedQuery(UPDATE_EXISTING).execute(bind(teamId, existing)).map(updated -> {
                List<String> applied = new ArrayList<>(List.of(created));
                updated.forEach(row -> applied.add(row.getString(0)));
                return new RoundResult(created.length, updated.rowCount(), 0, applied);
            });
        });
    }

    private static List<String> emails(List<ContactRow> rows) {
        return rows.stream().map(ContactRow::email).toList();
    }

    private static Tuple bind(UUID teamId, List<ContactRow> rows) {
        int n = rows.size();
        String[] emails = new String[n];
        String[] firstNames = new String[n];
        String[] lastNames = new String[n];
        Boolean[] unsubscribed = new Boolean[n];
        String[] properties = new String[n];
        for (int i = 0; i < n; i++) {
            ContactRow row = rows.get(i);
            emails[i] = row.email();
            firstNames[i] = row.firstName();
            lastNames[i] = row.lastName();
            unsubscribed[i] = row.unsubscribed();
            properties[i] = row.propertiesJson();
        }
        return Tuple.tuple().addUUID(teamId).addArrayOfString(emails).addArrayOfString(firstNames)
                .addArrayOfString(lastNames).addArrayOfBoolean(unsubscribed).addArrayOfString(properties);
    }
}
