package io.contactimport.splitter.properties.client;

import io.contactimport.support.internal.ServiceCredential;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** property-service's internal API: make sure an import's properties exist before any row is applied. */
@RegisterRestClient(configKey = "property-service")
@ClientHeaderParam(name = ServiceCredential.HEADER, value = ServiceCredential.VALUE)
@Path("/internal/teams/{teamId}/property-definitions")
public interface PropertyServiceClient {

    record PropertyDefinition(String key, String type) {
    }

    @PUT
    void ensure(@PathParam("teamId") UUID teamId, List<PropertyDefinition> properties);
}
