package io.contactimport.propertyservice.properties.rest;

import io.contactimport.contracts.api.ApiTimestamps;
import io.contactimport.propertyservice.properties.repository.ContactProperty;
import io.contactimport.propertyservice.properties.service.ContactPropertyService;
import io.contactimport.propertyservice.properties.service.PropertyDefinition;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestPath;

/** The internal API the gateway and the splitter call; teams are already authenticated by the gateway. */
@Path("/internal/teams/{teamId}/contact-properties")
public class ContactPropertyResource {

    private final ContactPropertyService service;

    public ContactPropertyResource(ContactPropertyService service) {
        this.service = service;
    }

    public record ContactPropertyView(String object, UUID id, String key, String type, String fallbackValue,
                                      String createdAt) {
        static ContactPropertyView of(ContactProperty property) {
            return new ContactPropertyView("contact_property", property.id, property.key, property.type,
                    property.fallbackValue, ApiTimestamps.format(property.createdAt));
        }
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
