package io.contactimport.rowprocessor.properties.client;

import io.contactimport.support.internal.ServiceCredential;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** property-service: the types of a team's properties, to check and show the values of a contact. */
@RegisterRestClient(configKey = "property-service")
@ClientHeaderParam(name = ServiceCredential.HEADER, value = ServiceCredential.VALUE)
@Path("/internal/teams/{teamId}/property-definitions")
public interface PropertyServiceClient {

    record ContactProperty(String key, String type) {
    }

    @GET
    Uni<List<ContactProperty>> list(@PathParam("teamId") UUID teamId);
}
