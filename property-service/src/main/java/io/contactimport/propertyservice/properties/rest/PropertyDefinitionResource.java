package io.contactimport.propertyservice.properties.rest;

import io.contactimport.propertyservice.properties.rest.ContactPropertyResource.ContactPropertyView;
import io.contactimport.propertyservice.properties.service.ContactPropertyService;
import io.contactimport.propertyservice.properties.service.PropertyDefinition;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestPath;

/**
 * All of a team's property definitions at once, for the services that check or create them before an import
 * (the public, paged {@code /contact-properties} is {@link ContactPropertyResource}).
 */
@Path("/internal/teams/{teamId}/property-definitions")
public class PropertyDefinitionResource {

    private final ContactPropertyService service;

    public PropertyDefinitionResource(ContactPropertyService service) {
        this.service = service;
    }

    @GET
    public Uni<List<ContactPropertyView>> list(@RestPath UUID teamId) {
        return service.list(teamId).map(properties -> properties.stream().map(ContactPropertyView::of).toList());
    }

    /** Idempotent: creates what is missing, answers 422 without creating anything on a type conflict. */
    @PUT
    public Uni<List<ContactPropertyView>> ensure(@RestPath UUID teamId, List<PropertyDefinition> definitions) {
        return service.ensure(teamId, definitions)
                .map(properties -> properties.stream().map(ContactPropertyView::of).toList());
    }
}
