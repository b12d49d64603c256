package io.contactimport.rowprocessor.topics.repository;

import io.contactimport.contracts.imports.TopicSubscription;
import io.contactimport.rowprocessor.common.repository.Keyset;
import io.contactimport.support.rest.PageRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Each contact's explicit choice per topic. Only the team's own, still existing topics are joined; the same topic
 * given twice counts once (the last one wins), so one statement never touches a row twice.
 */
@ApplicationScoped
public class TopicSubscriptions {

    private static final String SUBSCRIBE = """
            INSERT INTO contacts.topic_subscriptions (contact_id, topic_id, subscription)
            SELECT c.id, t.id, w.subscription
            FROM unnest($2::uuid[], $3::text[]) AS w(topic_id, subscription)
            JOIN contacts.topics t ON t.id = w.topic_id AND t.team_id = $1
            JOIN contacts.contacts c ON c.team_id = $1 AND %s
            ORDER BY c.id, t.id
            ON CONFLICT (contact_id, topic_id) DO UPDATE SET subscription = EXCLUDED.subscription""";

    private static final String SUBSCRIBE_IMPORTED = SUBSCRIBE.formatted("c.email = ANY($4::text[])");
    private static final String SUBSCRIBE_ONE = SUBSCRIBE.formatted("c.id = $4");

    private final Pool pool;

    public TopicSubscriptions(Pool pool) {
        this.pool = pool;
    }

    /** A topic as one contact sees it: the contact's choice, or the topic's default. */
    public record ContactTopic(UUID id, String name, String description, String subscription) {
    }

    public Uni<Void> subscribeImported(SqlClient client, UUID teamId, Collection<String> emails,
                                       List<TopicSubscription> topics) {
        if (emails.isEmpty() || topics.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return client.preparedQuery(SUBSCRIBE_IMPORTED)
                .execute(bind(teamId, topics).addArrayOfString(emails.toArray(String[]::new))).replaceWithVoid();
    }

    public Uni<Void> subscribe(SqlClient client, UUID teamId, UUID contactId, List<TopicSubscription> topics) {
        if (topics.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return client.preparedQuery(SUBSCRIBE_ONE).execute(bind(teamId, topics).addUUID(contactId)).replaceWithVoid();
    }

    public Uni<List<ContactTopic>> ofContact(UUID teamId, UUID contactId, PageRequest page) {
        return pool.preparedQuery("""
                        SELECT t.id, t.name, t.description, COALESCE(s.subscription, t.default_subscription) AS subscription
                        FROM contacts.topics t
                        LEFT JOIN contacts.topic_subscriptions s ON s.topic_id = t.id AND s.contact_id = $2
                        WHERE t.team_id = $1""" + page.keysetClause("t", "contacts.topics", 3))
                .execute(Keyset.withCursor(Tuple.of(teamId, contactId), page)).map(rows -> {
                    List<ContactTopic> topics = new ArrayList<>();
                    rows.forEach(row -> topics.add(new ContactTopic(row.getUUID("id"), row.getString("name"),
                            row.getString("description"), row.getString("subscription"))));
                    return topics;
                });
    }

    private static Tuple bind(UUID teamId, List<TopicSubscription> topics) {
        Map<UUID, Boolean> lastWins = new LinkedHashMap<>();
        topics.forEach(topic -> lastWins.put(topic.id(), topic.optIn()));
        return Tuple.tuple().addUUID(teamId).addArrayOfUUID(lastWins.keySet().toArray(UUID[]::new))
                .addArrayOfString(lastWins.values().stream().map(optIn -> optIn ? "opt_in" : "opt_out")
                        .toArray(String[]::new));
    }
}
