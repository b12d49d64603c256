package io.contactimport.rowprocessor.topics.rest;

import io.contactimport.contracts.api.ApiException;
import io.contactimport.contracts.api.ApiTimestamps;
import io.contactimport.rowprocessor.topics.repository.Topics;
import io.contactimport.rowprocessor.topics.repository.Topics.Topic;
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

/** {@code /topics} of one team. */
@Path("/internal/teams/{teamId}/topics")
public class TopicResource {

    public static final String NOT_FOUND = "Topic not found";
    private static final int DEFAULT_LIMIT = 20;

    private final Topics topics;

    public TopicResource(Topics topics) {
        this.topics = topics;
    }

    public record TopicView(String object, UUID id, String name, String description, String defaultSubscription,
                            String createdAt) {
        static TopicView of(Topic topic) {
            return new TopicView("topic", topic.id(), topic.name(), topic.description(), topic.defaultSubscription(),
                    ApiTimestamps.format(topic.createdAt().toInstant()));
        }
    }

    @POST
    public Uni<Response> create(@RestPath UUID teamId, JsonObject body) {
        String name = JsonBodies.requiredText(body, "name");
        String description = JsonBodies.optionalText(body, "description");
        String defaultSubscription = JsonBodies.requiredText(body, "default_subscription");
        if (!defaultSubscription.equals("opt_in") && !defaultSubscription.equals("opt_out")) {
            throw ApiException.validation("`default_subscription` must be `opt_in` or `opt_out`.");
        }
        return topics.create(teamId, name, description, defaultSubscription).map(topic -> Response.status(201)
                .entity(Map.of("object", "topic", "id", topic.id())).build());
    }

    @GET
    public Uni<PageRequest.Page<TopicView>> list(@RestPath UUID teamId, @RestQuery String limit,
                                                 @RestQuery String after, @RestQuery String before) {
        PageRequest page = PageRequest.of(limit, after, before, DEFAULT_LIMIT);
        return topics.list(teamId, page).map(rows -> page.page(rows).map(TopicView::of));
    }

    @GET
    @Path("/{id}")
    public Uni<TopicView> get(@RestPath UUID teamId, @RestPath String id) {
        return topics.find(teamId, PathIds.parse(id, NOT_FOUND))
                .map(found -> TopicView.of(Answers.found(found, NOT_FOUND)));
    }

    /** Name and description can change; the default subscription is fixed at creation, as in Resend. */
    @PATCH
    @Path("/{id}")
    public Uni<Map<String, Object>> update(@RestPath UUID teamId, @RestPath String id, JsonObject body) {
        String name = JsonBodies.optionalText(body, "name");
        String description = JsonBodies.optionalText(body, "description");
        return topics.update(teamId, PathIds.parse(id, NOT_FOUND), name, description).map(found -> Map.of(
                "object", "topic", "id", Answers.found(found, NOT_FOUND).id()));
    }

    @DELETE
    @Path("/{id}")
    public Uni<Map<String, Object>> delete(@RestPath UUID teamId, @RestPath String id) {
        UUID topicId = PathIds.parse(id, NOT_FOUND);
        return topics.delete(teamId, topicId)
                .map(deleted -> Answers.deleted("topic", topicId, deleted, NOT_FOUND));
    }
}
