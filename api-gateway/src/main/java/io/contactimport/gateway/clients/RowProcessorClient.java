package io.contactimport.gateway.clients;

import io.contactimport.support.internal.ServiceCredential;
import io.contactimport.contracts.api.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** row-processor: an import's failed rows, and the segments and topics an import names. */
@RegisterRestClient(configKey = "row-processor")
@ClientHeaderParam(name = ServiceCredential.HEADER, value = ServiceCredential.VALUE)
@Path("/internal/teams/{teamId}")
public interface RowProcessorClient {

    /** The failed rows of an import, a page at a time, in file order. */
    @GET
    @Path("/imports/{importId}/failed-rows")
    Uni<JsonObject> failedRows(@PathParam("teamId") UUID teamId, @PathParam("importId") UUID importId,
                               @QueryParam("after") long afterRow, @QueryParam("limit") int limit);

    /** Blocking; throws a 404 {@link WebApplicationException} for a segment the team does not have. */
    @GET
    @Path("/segments/{id}")
    JsonObject segment(@PathParam("teamId") UUID teamId, @PathParam("id") UUID id);

    /** Blocking; throws a 404 {@link WebApplicationException} for a topic the team does not have. */
    @GET
    @Path("/topics/{id}")
    JsonObject topic(@PathParam("teamId") UUID teamId, @PathParam("id") UUID id);

    /** Answers 404 {@code not_found} naming the first segment or topic the team does not have. Blocking. */
    default void requireExisting(UUID teamId, List<UUID> segmentIds, List<UUID> topicIds) {
        for (UUID id : segmentIds) {
            requireFound(() -> segment(teamId, id), "Segment not found: " + id);
        }
        for (UUID id : topicIds) {
            requireFound(() -> topic(teamId, id), "Topic not found: " + id);
        }
    }

    private static void requireFound(Runnable lookup, String notFound) {
        try {
            lookup.run();
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                throw ApiException.notFound(notFound);
            }
            throw e;
        }
    }
}
