package io.contactimport.gateway.clients;

import io.contactimport.support.internal.ServiceCredential;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * property-service: the team's existing properties (to reject a type conflict before accepting an import), column
 * suggestions for a file, and the mappings a team confirmed.
 */
@RegisterRestClient(configKey = "property-service")
@ClientHeaderParam(name = ServiceCredential.HEADER, value = ServiceCredential.VALUE)
@Path("/internal/teams/{teamId}")
public interface PropertyServiceClient {

    record ContactProperty(String key, String type) {
    }

    /** Blocking. */
    @GET
    @Path("/property-definitions")
    List<ContactProperty> list(@PathParam("teamId") UUID teamId);

    /** The body is the file's first bytes. */
    @POST
    @Path("/column-suggestions")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    Uni<Response> suggest(@PathParam("teamId") UUID teamId, byte[] firstBytes);

    /** {@code {"header": [...], "column_map": {...}}} of an accepted import whose mapping the team chose. */
    @PUT
    @Path("/mapping-history")
    Uni<Void> confirmMapping(@PathParam("teamId") UUID teamId, JsonObject confirmed);
}
