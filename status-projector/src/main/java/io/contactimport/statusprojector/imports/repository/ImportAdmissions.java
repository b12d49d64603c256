package io.contactimport.statusprojector.imports.repository;

import io.contactimport.contracts.imports.Lane;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Imports admitted (ImportProjection decides that) whose admission Kafka does not have yet. */
@ApplicationScoped
public class ImportAdmissions {

    private static final String UNANNOUNCED = """
            SELECT id, team_id, request::text AS request, lane, admitted_at FROM status.imports
            WHERE admitted_at IS NOT NULL AND NOT admission_announced""";

    private final Pool pool;

    public ImportAdmissions(Pool pool) {
        this.pool = pool;
    }

    /** @param request the ImportRequested event as it was received, as JSON */
    public record Admission(UUID importId, UUID teamId, String request, Lane lane, Instant admittedAt) {
    }

    /** The team's admissions still to announce, in the order they were made. */
    public Uni<List<Admission>> unannounced(UUID teamId) {
        return pool.preparedQuery(UNANNOUNCED + " AND team_id = $1 ORDER BY admitted_at, created_at")
                .execute(Tuple.of(teamId)).map(ImportAdmissions::admissions);
    }

    /** Every team's admissions still to announce, oldest first: for the sweeper. */
    public Uni<List<Admission>> unannounced(int limit) {
        return pool.preparedQuery(UNANNOUNCED + " ORDER BY admitted_at, created_at LIMIT $1")
                .execute(Tuple.of(limit)).map(ImportAdmissions::admissions);
    }

    public Uni<Void> markAnnounced(UUID importId) {
        return pool.preparedQuery("UPDATE status.imports SET admission_announced = true WHERE id = $1")
                .execute(Tuple.of(importId)).replaceWithVoid();
    }

    private static List<Admission> admissions(RowSet<Row> rows) {
        List<Admission> found = new ArrayList<>();
        rows.forEach(row -> found.add(new Admission(row.getUUID("id"), row.getUUID("team_id"),
                row.getString("request"), Lane.ofDbValue(row.getString("lane")),
                row.getOffsetDateTime("admitted_at").toInstant())));
        return found;
    }
}
