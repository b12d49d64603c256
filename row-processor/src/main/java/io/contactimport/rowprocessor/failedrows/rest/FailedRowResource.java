package io.contactimport.rowprocessor.failedrows.rest;

import io.contactimport.rowprocessor.failedrows.repository.FailedRowStore;
import io.contactimport.rowprocessor.failedrows.repository.FailedRowStore.FailedRowView;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The internal page of an import's failed rows behind the gateway's {@code /contacts/imports/{id}/errors}: the
 * public fields plus the header and raw cells the gateway needs to write the re-import CSV.
 */
@Path("/internal/teams/{teamId}/imports/{importId}/failed-rows")
public class FailedRowResource {

    private final FailedRowStore store;

    public FailedRowResource(FailedRowStore store) {
        this.store = store;
    }

    @GET
    public Uni<JsonObject> page(@RestPath UUID teamId, @RestPath UUID importId,
                                @RestQuery @DefaultValue("0") long after,
                                @RestQuery @DefaultValue("100") int limit) {
        return store.page(teamId, importId, after, limit + 1).map(rows -> {
            List<FailedRowView> page = rows.subList(0, Math.min(limit, rows.size()));
            JsonArray data = new JsonArray();
            for (FailedRowView row : page) {
                data.add(new JsonObject().put("row", row.row()).put("email", row.email()).put("reason", row.reason())
                        .put("message", row.message()).put("values", row.values())
                        .put("cells", new JsonArray(row.cells())));
            }
            return new JsonObject().put("object", "list").put("has_more", rows.size() > limit)
                    .put("header", page.isEmpty() ? new JsonArray() : new JsonArray(page.get(0).header()))
                    .put("data", data);
        });
    }
}
