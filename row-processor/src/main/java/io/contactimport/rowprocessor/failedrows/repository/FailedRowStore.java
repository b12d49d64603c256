package io.contactimport.rowprocessor.failedrows.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactimport.rowprocessor.contacts.service.FailedRow;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The failed rows of imports, written in their batch's transaction and read back for the errors report. */
@ApplicationScoped
public class FailedRowStore {

    private static final String INSERT = """
            INSERT INTO contacts.failed_rows (import_id, team_id, row_number, email, reason, message, cells)
            SELECT $1, $2, t.row_number, t.email, t.reason, t.message, t.cells::jsonb
            FROM unnest($3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[])
                 AS t(row_number, email, reason, message, cells)
            ON CONFLICT (import_id, row_number) DO NOTHING""";

    private static final String INSERT_HEADER = """
            INSERT INTO contacts.import_headers (import_id, header) VALUES ($1, $2::text::jsonb)
            ON CONFLICT (import_id) DO NOTHING""";

    private static final String PAGE = """
            SELECT f.row_number, f.email, f.reason, f.message, f.cells, h.header
            FROM contacts.failed_rows f JOIN contacts.import_headers h ON h.import_id = f.import_id
            WHERE f.import_id = $1 AND f.team_id = $2 AND f.row_number > $3
            ORDER BY f.row_number LIMIT $4""";

    private final Pool pool;
    private final ObjectMapper json;

    public FailedRowStore(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    /** A failed row as the errors report shows it: its cells by header, and the raw cells for a CSV. */
    public record FailedRowView(long row, String email, String reason, String message, JsonObject values,
                                List<String> header, List<String> cells) {
    }

    public Uni<Void> insert(SqlConnection connection, UUID importId, UUID teamId, List<String> header,
                            List<FailedRow> rows) {
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
        return connection.preparedQuery(INSERT_HEADER).execute(Tuple.of(importId, toJson(header)))
                .chain(() -> connection.preparedQuery(INSERT)
                        .execute(Tuple.tuple().addUUID(importId).addUUID(teamId).addArrayOfLong(numbers)
                                .addArrayOfString(emails).addArrayOfString(reasons).addArrayOfString(messages)
                                .addArrayOfString(cells)))
                .replaceWithVoid();
    }

    /** Failed rows after row number {@code afterRow}, in file order; one more than asked tells if more follow. */
    public Uni<List<FailedRowView>> page(UUID teamId, UUID importId, long afterRow, int limit) {
        return pool.preparedQuery(PAGE).execute(Tuple.of(importId, teamId, afterRow, limit)).map(rows -> {
            List<FailedRowView> page = new ArrayList<>();
            for (Row row : rows) {
                page.add(view(row));
            }
            return page;
        });
    }

    private static FailedRowView view(Row row) {
        JsonArray header = (JsonArray) row.getValue("header");
        JsonArray cells = (JsonArray) row.getValue("cells");
        JsonObject values = new JsonObject();
        for (int i = 0; i < cells.size(); i++) {
            values.put(i < header.size() ? header.getString(i) : "column_" + (i + 1), cells.getString(i));
        }
        return new FailedRowView(row.getLong("row_number"), row.getString("email"), row.getString("reason"),
                row.getString("message"), values, strings(header), strings(cells));
    }

    private static List<String> strings(JsonArray array) {
        List<String> strings = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            strings.add(array.getString(i));
        }
        return strings;
    }

    private String toJson(List<String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
