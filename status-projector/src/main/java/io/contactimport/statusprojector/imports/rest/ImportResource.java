package io.contactimport.statusprojector.imports.rest;

import io.contactimport.contracts.api.ApiError;
import io.contactimport.statusprojector.imports.service.StatusUpdates;
import io.contactimport.support.rest.ApiErrorResponses;
import io.contactimport.statusprojector.imports.repository.ImportQueries;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The internal read API behind the gateway's {@code GET /contacts/imports…}; the gateway has checked the input. */
@Path("/internal/teams/{teamId}/imports")
public class ImportResource {

    private final ImportQueries queries;
    private final StatusUpdates updates;

    public ImportResource(ImportQueries queries, StatusUpdates updates) {
        this.queries = queries;
        this.updates = updates;
    }

    @GET
    @Path("/{importId}")
    public Uni<Response> get(@RestPath UUID teamId, @RestPath UUID importId) {
        return queries.find(teamId, importId).map(found -> found
                .map(view -> Response.ok(view).build())
                .orElseGet(() -> error(404, "not_found", "Contact import not found")));
    }

    private static Response error(int status, String name, String message) {
        return ApiErrorResponses.of(new ApiError(status, name, message));
    }

    /**
     * Stops a queued or in-progress import: 200 with the failed, canceled import; 422 when it had already ended.
     * The gateway has checked that the import is the team's.
     */
    @POST
    @Path("/{importId}/cancel")
    public Uni<Response> cancel(@RestPath UUID teamId, @RestPath UUID importId) {
        return updates.cancel(teamId, importId).chain(() -> queries.find(teamId, importId)).map(found -> found
                .map(view -> "canceled".equals(view.getJsonObject("error", new JsonObject()).getString("name"))
                        ? Response.ok(view).build()
                        : error(422, "validation_error", "The import has already " + view.getString("status")
                                + "; only a queued or in-progress import can be canceled."))
                // Canceled before the projector heard of it: it fails as soon as it arrives.
                .orElseGet(() -> Response.accepted(new JsonObject().put("object", "contact_import")
                        .put("id", importId.toString()).put("status", "failed")).build()));
    }

    @GET
    public Uni<JsonObject> list(@RestPath UUID teamId, @RestQuery String status,
                                @RestQuery @DefaultValue("10") int limit, @RestQuery UUID after,
                                @RestQuery UUID before) {
        return queries.list(teamId, status, limit, after, before).map(page -> new JsonObject()
                .put("object", "list").put("has_more", page.hasMore()).put("data", page.data()));
    }
}
