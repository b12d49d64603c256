package io.contactimport.propertyservice.properties.rest;

import io.contactimport.contracts.api.ApiTimestamps;
import io.contactimport.propertyservice.properties.repository.ContactProperty;
import io.contactimport.propertyservice.properties.service.ContactPropertyService;
import io.contactimport.support.rest.Answers;
import io.contactimport.support.rest.JsonBodies;
import io.contactimport.support.rest.PageRequest;
import io.contactimport.support.rest.PathIds;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** {@code /contact-properties} of one team, as the gateway routes it here. */
@Path("/internal/teams/{teamId}/contact-properties")
public class ContactPropertyResource {

    private static final String NOT_FOUND = "Contact property not found";
    private static final int DEFAULT_LIMIT = 20;

    private final ContactPropertyService service;

    public ContactPropertyResource(ContactPropertyService service) {
        this.service = service;
    }

    /** A number property's fallback value is a JSON number, as Resend shows it. */
    public record ContactPropertyView(String object, UUID id, String key, String type, Object fallbackValue,
                                      String createdAt) {
        static ContactPropertyView of(ContactProperty property) {
            Object fallback = property.fallbackValue != null && property.type.equals("number")
                    ? new BigDecimal(property.fallbackValue) : property.fallbackValue;
            return new ContactPropertyView("contact_property", property.id, property.key, property.type,
                    fallback, ApiTimestamps.format(property.createdAt));
        }
    }

    @POST
    public Uni<Response> create(@RestPath UUID teamId, JsonObject body) {
        String key = JsonBodies.requiredText(body, "key");
        String type = JsonBodies.requiredText(body, "type");
        Object fallback = JsonBodies.orEmpty(body).getValue("fallback_value");
        return service.create(teamId, key, type, fallback).map(property -> Response.status(201)
                .entity(Map.of("object", "contact_property", "id", property.id)).build());
    }

    @GET
    public Uni<PageRequest.Page<ContactPropertyView>> list(@RestPath UUID teamId, @RestQuery String limit,
                                                           @RestQuery String after, @RestQuery String before) {
        PageRequest page = PageRequest.of(limit, after, before, DEFAULT_LIMIT);
        return service.page(teamId, page).map(rows -> page.page(rows).map(ContactPropertyView::of));
    }

    @GET
    @Path("/{id}")
    public Uni<ContactPropertyView> get(@RestPath UUID teamId, @RestPath String id) {
        return service.find(teamId, PathIds.parse(id, NOT_FOUND))
                .map(found -> ContactPropertyView.of(Answers.found(found, NOT_FOUND)));
    }

    /** Only the fallback value changes: key and type are fixed once created. */
    @PATCH
    @Path("/{id}")
    public Uni<Map<String, Object>> update(@RestPath UUID teamId, @RestPath String id, JsonObject body) {
        JsonObject fields = JsonBodies.orEmpty(body);
        return service.updateFallback(teamId, PathIds.parse(id, NOT_FOUND), fields.getString("key"),
                        fields.getString("type"), fields.containsKey("fallback_value"), fields.getValue("fallback_value"))
                .map(found -> Map.of("object", "contact_property",
                        "id", Answers.found(found, NOT_FOUND).id));
    }

    @DELETE
    @Path("/{id}")
    public Uni<Map<String, Object>> delete(@RestPath UUID teamId, @RestPath String id) {
        UUID propertyId = PathIds.parse(id, NOT_FOUND);
        return service.delete(teamId, propertyId)
                .map(deleted -> Answers.deleted("contact_property", propertyId, deleted, NOT_FOUND));
    }
}
