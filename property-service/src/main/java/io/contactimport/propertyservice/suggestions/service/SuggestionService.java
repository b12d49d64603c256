package io.contactimport.propertyservice.suggestions.service;

import io.contactimport.propertyservice.properties.repository.ContactProperty;
import io.contactimport.propertyservice.properties.repository.ContactPropertyRepository;
import io.contactimport.propertyservice.suggestions.repository.MappingHistory;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Column suggestions for a team's file, and the team's confirmed mappings they learn from. */
@ApplicationScoped
public class SuggestionService {

    private final ColumnSuggester suggester;
    private final ContactPropertyRepository properties;
    private final MappingHistory history;

    public SuggestionService(ContactPropertyRepository properties, MappingHistory history, KeyEmbeddings embeddings) {
        this.suggester = new ColumnSuggester(embeddings);
        this.properties = properties;
        this.history = history;
    }

    /** The suggestions and the {@code column_map} they add up to. */
    public record Suggestions(List<ColumnSuggestion> columns, JsonObject columnMap) {
    }

    public Uni<Suggestions> suggest(UUID teamId, SampledFile sample) {
        return Panache.withSession(() -> properties.listForTeam(teamId)
                        .chain(existing -> history.forTeam(teamId).map(choices -> new TeamContext(existing, choices))))
                // The embedding model is CPU work: off the event loop, after the session is closed.
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(team -> {
                    Map<String, String> types = new HashMap<>();
                    for (ContactProperty property : team.existing()) {
                        types.put(property.key, property.type);
                    }
                    Map<String, ColumnSuggester.Remembered> remembered = new HashMap<>();
                    team.choices().forEach((header, choice) -> remembered.put(header, new ColumnSuggester.Remembered(
                            !choice.target().equals("property") ? choice.target()
                                    : types.containsKey(choice.key()) ? "existing_property" : "new_property",
                            choice.key(), choice.key() == null ? null : types.getOrDefault(choice.key(), choice.type()))));
                    List<ColumnSuggestion> columns = suggester.suggest(sample.header(), sample.rows(), types, remembered);
                    return new Suggestions(columns, columnMap(columns));
                });
    }

    private record TeamContext(List<ContactProperty> existing, Map<String, MappingHistory.Choice> choices) {
    }

    /**
     * Remembers what the team confirmed for each header of a file: a core field, a property, or (a header the
     * column_map leaves out) not imported.
     */
    @WithTransaction
    public Uni<Void> confirm(UUID teamId, List<String> header, JsonObject columnMap) {
        Map<String, MappingHistory.Choice> choices = new HashMap<>();
        for (String column : header) {
            String key = ColumnSuggester.headerKey(column);
            if (!key.isEmpty()) {
                choices.put(column, new MappingHistory.Choice(key, "ignore", null, null));
            }
        }
        for (String core : List.of("email", "first_name", "last_name", "unsubscribed")) {
            String column = columnMap.getString(core);
            if (choices.containsKey(column)) {
                choices.put(column, new MappingHistory.Choice(ColumnSuggester.headerKey(column), core, null, null));
            }
        }
        JsonObject mapped = columnMap.getJsonObject("properties", new JsonObject());
        for (String key : mapped.fieldNames()) {
            JsonObject property = mapped.getJsonObject(key);
            String column = property.getString("column");
            if (choices.containsKey(column)) {
                choices.put(column, new MappingHistory.Choice(ColumnSuggester.headerKey(column), "property", key,
                        property.getString("type", "string")));
            }
        }
        return history.confirm(teamId, new ArrayList<>(choices.values()));
    }

    private static JsonObject columnMap(List<ColumnSuggestion> columns) {
        JsonObject map = new JsonObject();
        JsonObject properties = new JsonObject();
        for (ColumnSuggestion column : columns) {
            switch (column.target()) {
                case "email", "first_name", "last_name", "unsubscribed" -> map.put(column.target(), column.header());
                case "existing_property", "new_property" -> properties.put(column.key(),
                        new JsonObject().put("column", column.header()).put("type", column.type()));
                default -> {
                    // not imported
                }
            }
        }
        return map.put("properties", properties);
    }
}
