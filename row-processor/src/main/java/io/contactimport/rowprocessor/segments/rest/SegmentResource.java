package io.contactimport.rowprocessor.segments.rest;

import io.contactimport.contracts.api.ApiException;
import io.contactimport.contracts.api.ApiTimestamps;
import io.contactimport.rowprocessor.contacts.repository.Contacts;
import io.contactimport.rowprocessor.contacts.rest.ContactViews;
import io.contactimport.rowprocessor.segments.repository.Segments;
import io.contactimport.rowprocessor.segments.repository.Segments.Segment;
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
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** {@code /segments} (and {@code /audiences}, which the gateway routes here too) of one team. */
@Path("/internal/teams/{teamId}/segments")
public class SegmentResource {

    static final String NOT_FOUND = "Segment not found";
    private static final int DEFAULT_LIMIT = 20;

    private final Segments segments;
    private final Contacts contacts;

    public SegmentResource(Segments segments, Contacts contacts) {
        this.segments = segments;
        this.contacts = contacts;
    }

    public record SegmentView(String object, UUID id, String name, String createdAt) {
        public static SegmentView of(Segment segment) {
            return new SegmentView("segment", segment.id(), segment.name(),
                    ApiTimestamps.format(segment.createdAt().toInstant()));
        }
    }

    @POST
    public Uni<Response> create(@RestPath UUID teamId, JsonObject body) {
        String name = JsonBodies.requiredText(body, "name");
        return segments.create(teamId, name).map(segment -> Response.status(201)
                .entity(Map.of("object", "segment", "id", segment.id(), "name", segment.name())).build());
    }

    @GET
    public Uni<PageRequest.Page<SegmentView>> list(@RestPath UUID teamId, @RestQuery String limit,
                                                   @RestQuery String after, @RestQuery String before) {
        PageRequest page = PageRequest.of(limit, after, before, DEFAULT_LIMIT);
        return segments.list(teamId, page).map(rows -> page.page(rows).map(SegmentView::of));
    }

    @GET
    @Path("/{id}")
    public Uni<SegmentView> get(@RestPath UUID teamId, @RestPath String id) {
        return segments.find(teamId, PathIds.parse(id, NOT_FOUND))
                .map(found -> SegmentView.of(Answers.found(found, NOT_FOUND)));
    }

    @PATCH
    @Path("/{id}")
    public Uni<Map<String, Object>> rename(@RestPath UUID teamId, @RestPath String id, JsonObject body) {
        String name = JsonBodies.requiredText(body, "name");
        return segments.rename(teamId, PathIds.parse(id, NOT_FOUND), name).map(found -> Map.of(
                "object", "segment", "id", Answers.found(found, NOT_FOUND).id()));
    }

    @DELETE
    @Path("/{id}")
    public Uni<Map<String, Object>> delete(@RestPath UUID teamId, @RestPath String id) {
        UUID segmentId = PathIds.parse(id, NOT_FOUND);
        return segments.delete(teamId, segmentId)
                .map(deleted -> Answers.deleted("segment", segmentId, deleted, NOT_FOUND));
    }

    @GET
    @Path("/{id}/contacts")
    public Uni<PageRequest.Page<ContactViews.ContactItem>> contacts(@RestPath UUID teamId, @RestPath String id,
                                                                    @RestQuery String limit, @RestQuery String after,
                                                                    @RestQuery String before) {
        UUID segmentId = PathIds.parse(id, NOT_FOUND);
        PageRequest page = PageRequest.of(limit, after, before, DEFAULT_LIMIT);
        return segments.find(teamId, segmentId).chain(found -> {
            if (found.isEmpty()) {
                throw ApiException.notFound(NOT_FOUND);
            }
            return contacts.list(teamId, segmentId, page).map(rows -> page.page(rows).map(ContactViews.ContactItem::of));
        });
    }
}
