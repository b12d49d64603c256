package io.contactimport.rowprocessor.imports.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Imports whose remaining rows must not be applied. */
@ApplicationScoped
public class CanceledImports {

    private final Pool pool;

    public CanceledImports(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> add(UUID importId) {
        return pool.preparedQuery("INSERT INTO contacts.canceled_imports (import_id) VALUES ($1) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(importId)).replaceWithVoid();
    }

    /** Read inside the batch's transaction, so a batch is either applied before the cancellation or not at all. */
    public Uni<Boolean> contains(SqlConnection connection, UUID importId) {
        return connection.preparedQuery("SELECT 1 FROM contacts.canceled_imports WHERE import_id = $1")
                .execute(Tuple.of(importId)).map(rows -> rows.size() > 0);
    }
}
