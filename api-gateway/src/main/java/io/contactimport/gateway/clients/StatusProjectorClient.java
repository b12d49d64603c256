package io.contactimport.gateway.clients;

import io.contactimport.support.internal.ServiceCredential;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** status-projector: imports with their status and counts, answered in the public API's shape. */
@RegisterRestClient(configKey = "status-projector")
@ClientHeaderParam(name = ServiceCredential.HEADER, value = ServiceCredential.VALUE)
@Path("/internal/teams/{teamId}/imports")
public interface StatusProjectorClient {

    @GET
    @Path("/{importId}")
    Uni<Response> get(@PathParam("teamId") UUID teamId, @PathParam("importId") UUID importId);

    @POST
    @Path("/{importId}/cancel")
    Uni<Response> cancel(@PathParam("teamId") UUID teamId, @PathParam("importId") UUID importId);

    @GET
    Uni<Response> list(@PathParam("teamId") UUID teamId, @QueryParam("status") String status,
                       @QueryParam("limit") int limit, @QueryParam("after") UUID after,
                       @QueryParam("before") UUID before);
}
