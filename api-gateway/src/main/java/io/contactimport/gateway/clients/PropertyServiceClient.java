package io.contactimport.gateway.clients;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** property-service: the team's existing properties, to reject a type conflict before accepting an import. */
@RegisterRestClient(configKey = "property-service")
@Path("/internal/teams/{teamId}/property-definitions")
public interface PropertyServiceClient {

    record ContactProperty(String key, String type) {
    }

    @GET
    List<ContactProperty> list(@PathParam("teamId") UUID teamId);
}
