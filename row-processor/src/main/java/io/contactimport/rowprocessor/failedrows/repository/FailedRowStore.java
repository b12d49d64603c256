package io.contactimport.rowprocessor.failedrows.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactimport.rowprocessor.contacts.service.FailedRow;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

/** The failed rows of imports, kept for the errors report; written in the batch's transaction. */
@ApplicationScoped
public class FailedRowStore {

    private static final String INSERT = """
            INSERT INTO contacts.failed_rows (import_id, team_id, row_number, email, reason, message, cells)
            SELECT $1, $2, t.row_number, t.email, t.reason, t.message, t.cells::jsonb
            FROM unnest($3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[])
                 AS t(row_number, email, reason, message, cells)
            ON CONFLICT (import_id, row_number) DO NOTHING""";

    private final ObjectMapper json;

    public FailedRowStore(ObjectMapper json) {
        this.json = json;
    }

    public Uni<Void> insert(SqlConnection connection, UUID importId, UUID teamId, List<FailedRow> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = rows.size();
        Long[] numbers = new Long[n];
        String[] emails = new String[n];
        String[] reasons = new String[n];
        String[] messages = new String[n];
        String[] cells = new String[n];
        for (int i = 0; i < n; i++) {
            FailedRow row = rows.get(i);
            numbers[i] = row.number();
            emails[i] = row.email();
            reasons[i] = row.reason();
            messages[i] = row.message();
            cells[i] = toJson(row.cells());
        }
        return connection.preparedQuery(INSERT)
                .execute(Tuple.tuple().addUUID(importId).addUUID(teamId).addArrayOfLong(numbers)
                        .addArrayOfString(emails).addArrayOfString(reasons).addArrayOfString(messages)
                        .addArrayOfString(cells))
                .replaceWithVoid();
    }

    private String toJson(List<String> cells) {
        try {
            return json.writeValueAsString(cells);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
