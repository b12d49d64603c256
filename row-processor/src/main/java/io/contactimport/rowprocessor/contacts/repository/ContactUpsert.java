package io.contactimport.rowprocessor.contacts.repository;

import io.contactimport.contracts.imports.OnConflict;
import io.contactimport.rowprocessor.contacts.service.ContactRow;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
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
            RETURNING email, id""";

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
            RETURNING c.email, c.id""";

    /** How the rows of a round were counted, and the rows that created or updated a contact. */
    public record RoundResult(int created, int updated, int skipped, List<AppliedRow> applied) {

        public static final RoundResult NONE = new RoundResult(0, 0, 0, List.of());

        public RoundResult plus(RoundResult other) {
            List<AppliedRow> both = new ArrayList<>(applied);
            both.addAll(other.applied);
            return new RoundResult(created + other.created, updated + other.updated, skipped + other.skipped, both);
        }
    }

    /** A row that created ({@code created}) or updated the contact {@code contactId}. */
    public record AppliedRow(ContactRow row, UUID contactId, boolean created) {
    }

    /** @param sorted the round's rows, sorted by email */
    public Uni<RoundResult> apply(SqlConnection connection, UUID teamId, List<ContactRow> sorted,
                                  OnConflict onConflict) {
        return connection.preparedQuery(INSERT_NEW).execute(bind(teamId, sorted)).flatMap(inserted -> {
            List<AppliedRow> created = matched(sorted, inserted, true);
            if (created.size() == sorted.size()) {
                // Every row was new, as in a first import.
                return Uni.createFrom().item(new RoundResult(sorted.size(), 0, 0, created));
            }
            List<ContactRow> existing = new ArrayList<>(sorted.size() - created.size());
            int next = 0;
            for (ContactRow row : sorted) {
                if (next < created.size() && created.get(next).row() == row) {
                    next++;
                } else {
                    existing.add(row);
                }
            }
            if (onConflict == OnConflict.SKIP) {
                return Uni.createFrom().item(new RoundResult(created.size(), 0, existing.size(), created));
            }
            return connection.preparedQuery(UPDATE_EXISTING).execute(bind(teamId, existing)).map(updated -> {
                List<AppliedRow> applied = new ArrayList<>(created);
                applied.addAll(matched(existing, updated, false));
                return new RoundResult(created.size(), updated.rowCount(), 0, applied);
            });
        });
    }

    /**
     * The rows of {@code sorted} that {@code returned} names (by email, with the contact's id), in email order.
     * The statements return their rows in about that order already, so sorting them and walking both lists is
     * linear: a round's emails share hash bits with their bucket, and a HashSet of them stood out in a profile.
     */
    private static List<AppliedRow> matched(List<ContactRow> sorted, RowSet<Row> returned, boolean created) {
        List<Row> byEmail = new ArrayList<>(returned.rowCount());
        returned.forEach(byEmail::add);
        byEmail.sort(Comparator.comparing(row -> row.getString(0)));
        List<AppliedRow> applied = new ArrayList<>(byEmail.size());
        int next = 0;
        for (Row row : byEmail) {
            String email = row.getString(0);
            while (!sorted.get(next).email().equals(email)) {
                next++;
            }
            applied.add(new AppliedRow(sorted.get(next), row.getUUID(1), created));
        }
        return applied;
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
