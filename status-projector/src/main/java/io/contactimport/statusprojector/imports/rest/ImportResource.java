package io.contactimport.statusprojector.imports.rest;

import io.contactimport.statusprojector.imports.repository.ImportQueries;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The internal read API behind the gateway's {@code GET /contacts/imports…}; the gateway has checked the input. */
@Path("/internal/teams/{teamId}/imports")
public class ImportResource {

    private final ImportQueries queries;

    public ImportResource(ImportQueries queries) {
        this.queries = queries;
    }

    @GET
    @Path("/{importId}")
    public Uni<Response> get(@RestPath UUID teamId, @RestPath UUID importId) {
        return queries.find(teamId, importId).map(found -> found
                .map(view -> Response.ok(view).build())
                .orElseGet(() -> Response.status(404).entity(new JsonObject().put("statusCode", 404)
                        .put("name", "not_found").put("message", "Contact import not found")).build()));
    }

    @GET
    public Uni<JsonObject> list(@RestPath UUID teamId, @RestQuery String status,
                                @RestQuery @DefaultValue("10") int limit, @RestQuery UUID after,
                                @RestQuery UUID before) {
        return queries.list(teamId, status, limit, after, before).map(page -> new JsonObject()
                .put("object", "list").put("has_more", page.hasMore()).put("data", page.data()));
    }
}
