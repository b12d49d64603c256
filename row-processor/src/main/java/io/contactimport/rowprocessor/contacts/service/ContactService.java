package io.contactimport.rowprocessor.contacts.service;

import io.contactimport.contracts.api.ApiException;
import io.contactimport.contracts.changes.ContactChangeType;
import io.contactimport.contracts.imports.TopicSubscription;
import io.contactimport.rowprocessor.changes.repository.ChangeOutbox;
import io.contactimport.rowprocessor.changes.service.ContactChangesConfig;
import io.contactimport.rowprocessor.contacts.repository.Contacts;
import io.contactimport.rowprocessor.contacts.repository.Contacts.Contact;
import io.contactimport.rowprocessor.properties.client.PropertyServiceClient;
import io.contactimport.rowprocessor.segments.repository.SegmentMembers;
import io.contactimport.rowprocessor.segments.repository.Segments;
import io.contactimport.rowprocessor.topics.repository.TopicSubscriptions;
import io.contactimport.rowprocessor.topics.repository.Topics;
import io.contactimport.support.rest.JsonBodies;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The contacts API's rules: one contact at a time, with its properties checked against their types. */
@ApplicationScoped
public class ContactService {

    public static final String NOT_FOUND = "Contact not found";

    private final Pool pool;
    private final Contacts contacts;
    private final Segments segments;
    private final Topics topics;
    private final SegmentMembers members;
    private final TopicSubscriptions subscriptions;
    private final PropertyServiceClient properties;
    private final ChangeOutbox changes;
    private final ContactChangesConfig changesConfig;

    public ContactService(Pool pool, Contacts contacts, Segments segments, Topics topics, SegmentMembers members,
                          TopicSubscriptions subscriptions, @RestClient PropertyServiceClient properties,
                          ChangeOutbox changes, ContactChangesConfig changesConfig) {
        this.pool = pool;
        this.contacts = contacts;
        this.segments = segments;
        this.topics = topics;
        this.members = members;
        this.subscriptions = subscriptions;
        this.properties = properties;
        this.changes = changes;
        this.changesConfig = changesConfig;
    }

    /** A contact named by its id or, when the identifier has an {@code @}, by its email. */
    public Uni<Contact> find(UUID teamId, String identifier) {
        Uni<Optional<Contact>> found;
        if (identifier.contains("@")) {
            found = contacts.findByEmail(teamId, ValueParser.normaliseEmail(identifier).orElse(identifier));
        } else {
            try {
                found = contacts.findById(teamId, UUID.fromString(identifier));
            } catch (IllegalArgumentException e) {
                throw ApiException.notFound(NOT_FOUND);
            }
        }
        return found.map(contact -> contact.orElseThrow(() -> ApiException.notFound(NOT_FOUND)));
    }

    /** Key → type of the team's properties. */
    public Uni<Map<String, String>> propertyTypes(UUID teamId) {
        return properties.list(teamId).map(list -> list.stream()
                .collect(Collectors.toMap(PropertyServiceClient.ContactProperty::key,
                        PropertyServiceClient.ContactProperty::type)));
    }

    public Uni<UUID> create(UUID teamId, JsonObject body) {
        JsonObject fields = JsonBodies.orEmpty(body);
        Object emailValue = fields.getValue("email");
        if (emailValue == null || emailValue.toString().isBlank()) {
            throw ApiException.missingRequiredField("email");
        }
        String email = ValueParser.normaliseEmail(emailValue.toString())
                .orElseThrow(() -> ApiException.validation("Invalid `email` field: `" + emailValue + "` is not an email address."));
        String firstName = JsonBodies.optionalText(fields, "first_name");
        String lastName = JsonBodies.optionalText(fields, "last_name");
        boolean unsubscribed = Boolean.TRUE.equals(bool(fields, "unsubscribed"));
        List<UUID> segmentIds = segmentIds(fields.getValue("segments"));
        List<TopicSubscription> topicChoices = topicSubscriptions(fields.getValue("topics"));
        return propertyTypes(teamId)
                .map(types -> PropertyValues.of(fields.getValue("properties"), types))
                .call(() -> requireSegments(teamId, segmentIds))
                .call(() -> requireTopics(teamId, topicChoices.stream().map(TopicSubscription::id).toList()))
                .chain(values -> pool.withTransaction(connection -> contacts
                        .insert(connection, teamId, email, firstName, lastName, unsubscribed, values.set())
                        .map(id -> id.orElseThrow(() -> ApiException.validation(
                                "A contact with email `" + email + "` already exists.")))
                        .call(id -> members.add(connection, teamId, id, segmentIds))
                        .call(id -> subscriptions.subscribe(connection, teamId, id, topicChoices))
                        .call(id -> announce(connection, teamId, id, email, ContactChangeType.CREATED,
                                new JsonObject().put("first_name", firstName).put("last_name", lastName)
                                        .put("unsubscribed", unsubscribed).put("properties", values.set())))));
    }

    /** Only the fields present change; {@code null} clears a name or removes a property. */
    public Uni<UUID> update(UUID teamId, String identifier, JsonObject body) {
        JsonObject fields = JsonBodies.orEmpty(body);
        return propertyTypes(teamId).map(types -> PropertyValues.of(fields.getValue("properties"), types))
                .map(values -> new Contacts.Changes(
                        fields.containsKey("first_name"), JsonBodies.optionalText(fields, "first_name"),
                        fields.containsKey("last_name"), JsonBodies.optionalText(fields, "last_name"),
                        bool(fields, "unsubscribed"), values.set(), values.removed()))
                .chain(changes -> find(teamId, identifier).call(contact -> pool.withTransaction(connection ->
                        contacts.update(connection, teamId, contact.id(), changes).call(updated -> updated
                                ? announce(connection, teamId, contact.id(), contact.email(),
                                        ContactChangeType.UPDATED, changes.changedFields())
                                : Uni.createFrom().voidItem()))))
                .map(Contact::id);
    }

    public Uni<UUID> delete(UUID teamId, String identifier) {
        return find(teamId, identifier).call(contact -> pool.withTransaction(connection ->
                contacts.delete(connection, teamId, contact.id()).call(deleted -> deleted
                        ? announce(connection, teamId, contact.id(), contact.email(), ContactChangeType.DELETED,
                                new JsonObject())
                        : Uni.createFrom().voidItem()))).map(Contact::id);
    }

    /** The change goes into the outbox in the change's transaction; the relay sends it once that committed. */
    private Uni<Void> announce(SqlConnection connection, UUID teamId, UUID contactId, String email,
                               ContactChangeType type, JsonObject fields) {
        return changesConfig.enabled() ? changes.add(connection, teamId, contactId, email, type, fields)
                : Uni.createFrom().voidItem();
    }

    public Uni<UUID> joinSegment(UUID teamId, String identifier, UUID segmentId) {
        return requireSegments(teamId, List.of(segmentId)).chain(() -> find(teamId, identifier))
                .call(contact -> members.add(pool, teamId, contact.id(), List.of(segmentId))).map(Contact::id);
    }

    public Uni<Boolean> leaveSegment(UUID teamId, String identifier, UUID segmentId) {
        return requireSegments(teamId, List.of(segmentId)).chain(() -> find(teamId, identifier))
                .chain(contact -> members.remove(pool, teamId, contact.id(), segmentId));
    }

    /** The body of {@code PATCH /contacts/{id}/topics}: a bare array of {@code {id, subscription}}. */
    public Uni<UUID> chooseTopics(UUID teamId, String identifier, Object body) {
        List<TopicSubscription> choices = topicSubscriptions(body);
        return requireTopics(teamId, choices.stream().map(TopicSubscription::id).toList())
                .chain(() -> find(teamId, identifier))
                .call(contact -> subscriptions.subscribe(pool, teamId, contact.id(), choices)).map(Contact::id);
    }

    private Uni<Void> requireSegments(UUID teamId, List<UUID> ids) {
        return requireAll(ids, id -> segments.find(teamId, id).map(Optional::isPresent), "Segment not found");
    }

    private Uni<Void> requireTopics(UUID teamId, List<UUID> ids) {
        return requireAll(ids, id -> topics.find(teamId, id).map(Optional::isPresent), "Topic not found");
    }

    private static Uni<Void> requireAll(List<UUID> ids, java.util.function.Function<UUID, Uni<Boolean>> exists,
                                        String notFound) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (UUID id : ids) {
            all = all.chain(() -> exists.apply(id)).invoke(found -> {
                if (!found) {
                    throw ApiException.notFound(notFound + ": " + id);
                }
            }).replaceWithVoid();
        }
        return all;
    }

    private static Boolean bool(JsonObject fields, String field) {
        Object value = fields.getValue(field);
        if (value != null && !(value instanceof Boolean)) {
            throw ApiException.validation("`" + field + "` must be true or false.");
        }
        return (Boolean) value;
    }

    private static List<UUID> segmentIds(Object value) {
        List<UUID> ids = new ArrayList<>();
        for (Object item : array(value, "segments", "[{\"id\": \"<segment id>\"}]")) {
            ids.add(id(item, "segments"));
        }
        return ids;
    }

    static List<TopicSubscription> topicSubscriptions(Object value) {
        String shape = "[{\"id\": \"<topic id>\", \"subscription\": \"opt_in\" | \"opt_out\"}]";
        List<TopicSubscription> choices = new ArrayList<>();
        for (Object item : array(value, "topics", shape)) {
            Object subscription = item instanceof JsonObject object ? object.getValue("subscription") : null;
            if (!"opt_in".equals(subscription) && !"opt_out".equals(subscription)) {
                throw ApiException.validation("`topics` must look like " + shape + ".");
            }
            choices.add(new TopicSubscription(id(item, "topics"), subscription.equals("opt_in")));
        }
        return choices;
    }

    private static JsonArray array(Object value, String field, String shape) {
        if (value == null) {
            return new JsonArray();
        }
        if (value instanceof JsonArray array) {
            return array;
        }
        if (value instanceof List<?> list) {
            return new JsonArray(new ArrayList<>(list));
        }
        throw ApiException.validation("`" + field + "` must be an array like " + shape + ".");
    }

    private static UUID id(Object item, String field) {
        Object id = item instanceof JsonObject object ? object.getValue("id")
                : item instanceof Map<?, ?> map ? map.get("id") : item instanceof String bare ? bare : null;
        try {
            return UUID.fromString(String.valueOf(id));
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("`" + field + "` has an invalid id `" + id + "`.");
        }
    }
}
