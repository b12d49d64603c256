package io.contactimport.statusprojector.imports.rest;

import io.contactimport.contracts.api.ApiError;
import io.contactimport.contracts.imports.ImportStatusChanged;
import io.contactimport.statusprojector.imports.service.StatusUpdates;
import io.contactimport.support.rest.ApiErrorResponses;
import io.contactimport.statusprojector.imports.repository.ImportQueries;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.List;
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
                .map(view -> Response.ok(view.withoutTeam()).build())
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
                .map(view -> view.canceled()
                        ? Response.ok(view.withoutTeam()).build()
                        : error(422, "validation_error", "The import has already " + view.status().apiValue()
                                + "; only a queued or in-progress import can be canceled."))
                // Canceled before the projector heard of it: it fails as soon as it arrives.
                .orElseGet(() -> Response.accepted(new CancelAccepted(ImportStatusChanged.OBJECT, importId,
                        ImportStatusChanged.Status.FAILED)).build()));
    }

    /** The answer to a cancellation of an import the projector has not heard of yet. */
    record CancelAccepted(String object, UUID id, ImportStatusChanged.Status status) {
    }

    /** A page of imports as the API lists them. */
    record ImportList(String object, boolean hasMore, List<ImportStatusChanged> data) {
    }

    @GET
    public Uni<ImportList> list(@RestPath UUID teamId, @RestQuery String status,
                                @RestQuery @DefaultValue("10") int limit, @RestQuery UUID after,
                                @RestQuery UUID before) {
        return queries.list(teamId, status, limit, after, before).map(page -> new ImportList("list",
                page.hasMore(), page.data().stream().map(ImportStatusChanged::withoutTeam).toList()));
    }
}
