package io.contactimport.gateway.clients;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** row-processor: the failed rows of an import, a page at a time, in file order. */
@RegisterRestClient(configKey = "row-processor")
@Path("/internal/teams/{teamId}/imports/{importId}/failed-rows")
public interface RowProcessorClient {

    @GET
    Uni<JsonObject> failedRows(@PathParam("teamId") UUID teamId, @PathParam("importId") UUID importId,
                               @QueryParam("after") long afterRow, @QueryParam("limit") int limit);
}
