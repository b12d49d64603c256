package io.contactimport.rowprocessor.contacts.rest;

import io.contactimport.rowprocessor.contacts.repository.Contacts;
import io.contactimport.rowprocessor.contacts.service.ContactService;
import io.contactimport.rowprocessor.segments.repository.Segments;
import io.contactimport.rowprocessor.segments.rest.SegmentResource.SegmentView;
import io.contactimport.rowprocessor.topics.repository.TopicSubscriptions;
import io.contactimport.support.rest.PageRequest;
import io.contactimport.support.rest.PathIds;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** {@code /contacts} of one team; a contact is named by its id or its email (told apart by the {@code @}). */
@Path("/internal/teams/{teamId}/contacts")
public class ContactResource {

    private static final int DEFAULT_LIMIT = 20;
    private static final String SEGMENT_NOT_FOUND = "Segment not found";

    private final ContactService service;
    private final Contacts contacts;
    private final Segments segments;
    private final TopicSubscriptions subscriptions;

    public ContactResource(ContactService service, Contacts contacts, Segments segments,
                           TopicSubscriptions subscriptions) {
        this.service = service;
        this.contacts = contacts;
        this.segments = segments;
        this.subscriptions = subscriptions;
    }

    @POST
    public Uni<Response> create(@RestPath UUID teamId, JsonObject body) {
        return service.create(teamId, body)
                .map(id -> Response.status(201).entity(Map.of("object", "contact", "id", id)).build());
    }

    @GET
    public Uni<PageRequest.Page<ContactViews.ContactItem>> list(@RestPath UUID teamId, @RestQuery String limit,
                                                                @RestQuery String after, @RestQuery String before) {
        PageRequest page = PageRequest.of(limit, after, before, DEFAULT_LIMIT);
        return contacts.list(teamId, null, page).map(rows -> page.page(rows).map(ContactViews.ContactItem::of));
    }

    @GET
    @Path("/{identifier}")
    public Uni<JsonObject> get(@RestPath UUID teamId, @RestPath String identifier) {
        return service.find(teamId, identifier).chain(contact -> service.propertyTypes(teamId)
                .map(types -> ContactViews.full(contact, types)));
    }

    @PATCH
    @Path("/{identifier}")
    public Uni<Map<String, Object>> update(@RestPath UUID teamId, @RestPath String identifier, JsonObject body) {
        return service.update(teamId, identifier, body).map(id -> Map.of("object", "contact", "id", id));
    }

    @DELETE
    @Path("/{identifier}")
    public Uni<Map<String, Object>> delete(@RestPath UUID teamId, @RestPath String identifier) {
        return service.delete(teamId, identifier)
                .map(id -> Map.of("object", "contact", "contact", id, "deleted", true));
    }

    @GET
    @Path("/{identifier}/segments")
    public Uni<PageRequest.Page<SegmentView>> segments(@RestPath UUID teamId, @RestPath String identifier,
                                                       @RestQuery String limit, @RestQuery String after,
                                                       @RestQuery String before) {
        PageRequest page = PageRequest.of(limit, after, before, DEFAULT_LIMIT);
        return service.find(teamId, identifier).chain(contact -> segments.ofContact(teamId, contact.id(), page))
                .map(rows -> page.page(rows).map(SegmentView::of));
    }

    @POST
    @Path("/{identifier}/segments/{segmentId}")
    public Uni<Response> joinSegment(@RestPath UUID teamId, @RestPath String identifier, @RestPath String segmentId) {
        UUID segment = PathIds.parse(segmentId, SEGMENT_NOT_FOUND);
        return service.joinSegment(teamId, identifier, segment)
                .map(id -> Response.status(201).entity(Map.of("id", segment)).build());
    }

    @DELETE
    @Path("/{identifier}/segments/{segmentId}")
    public Uni<Map<String, Object>> leaveSegment(@RestPath UUID teamId, @RestPath String identifier,
                                                 @RestPath String segmentId) {
        UUID segment = PathIds.parse(segmentId, SEGMENT_NOT_FOUND);
        return service.leaveSegment(teamId, identifier, segment)
                .map(wasMember -> Map.of("id", segment, "deleted", wasMember));
    }

    @GET
    @Path("/{identifier}/topics")
    public Uni<PageRequest.Page<TopicSubscriptions.ContactTopic>> topics(@RestPath UUID teamId,
                                                                         @RestPath String identifier,
                                                                         @RestQuery String limit,
                                                                         @RestQuery String after,
                                                                         @RestQuery String before) {
        PageRequest page = PageRequest.of(limit, after, before, DEFAULT_LIMIT);
        return service.find(teamId, identifier).chain(contact -> subscriptions.ofContact(teamId, contact.id(), page))
                .map(page::page);
    }

    /** The body is a bare JSON array of {@code {id, subscription}}. */
    @PATCH
    @Path("/{identifier}/topics")
    public Uni<Map<String, Object>> chooseTopics(@RestPath UUID teamId, @RestPath String identifier, JsonArray body) {
        return service.chooseTopics(teamId, identifier, body).map(id -> Map.of("id", id));
    }
}
