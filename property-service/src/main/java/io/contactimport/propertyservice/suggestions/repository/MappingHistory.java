package io.contactimport.propertyservice.suggestions.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A team's confirmed choices per header (table {@code mapping_history}); a confirmation replaces the one before. */
@ApplicationScoped
public class MappingHistory {

    /** One confirmed choice: {@code target} is a core field, {@code property} (with key and type) or {@code ignore}. */
    public record Choice(String headerKey, String target, String key, String type) {
    }

    public Uni<Map<String, Choice>> forTeam(UUID teamId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "SELECT header_key, target, key, type FROM properties.mapping_history WHERE team_id = :team",
                        Object[].class).setParameter("team", teamId).getResultList())
                .map(rows -> {
                    Map<String, Choice> choices = new HashMap<>();
                    for (Object[] row : rows) {
                        choices.put((String) row[0], new Choice((String) row[0], (String) row[1], (String) row[2],
                                (String) row[3]));
                    }
                    return choices;
                });
    }

    /** Call inside a transaction. */
    public Uni<Void> confirm(UUID teamId, List<Choice> choices) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (Choice choice : choices) {
            all = all.chain(() -> Panache.getSession().chain(session -> session.createNativeQuery("""
                            INSERT INTO properties.mapping_history (team_id, header_key, target, key, type)
                            VALUES (:team, :header, :target, :key, :type)
                            ON CONFLICT (team_id, header_key) DO UPDATE SET target = EXCLUDED.target,
                                key = EXCLUDED.key, type = EXCLUDED.type, confirmed_at = now()""")
                    .setParameter("team", teamId).setParameter("header", choice.headerKey())
                    .setParameter("target", choice.target()).setParameter("key", choice.key())
                    .setParameter("type", choice.type()).executeUpdate())).replaceWithVoid();
        }
        return all;
    }
}
