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
     * Remembers what a person decided for headers of a file: each header the column_map maps (a core field or a
     * property), and each header named in {@code notImported} (the dashboard's review sends the columns set, or left,
     * to "Don't import"). A header an API call's column_map merely leaves out says nothing, and is not remembered.
     */
    @WithTransaction
    public Uni<Void> confirm(UUID teamId, List<String> header, JsonObject columnMap, List<String> notImported) {
        Map<String, MappingHistory.Choice> choices = new HashMap<>();
        for (String column : notImported) {
            remember(choices, header, column, "ignore", null, null);
        }
        for (String core : List.of("email", "first_name", "last_name", "unsubscribed")) {
            remember(choices, header, columnMap.getString(core), core, null, null);
        }
        JsonObject mapped = columnMap.getJsonObject("properties", new JsonObject());
        for (String key : mapped.fieldNames()) {
            JsonObject property = mapped.getJsonObject(key);
            remember(choices, header, property.getString("column"), "property", key,
                    property.getString("type", "string"));
        }
        return history.confirm(teamId, new ArrayList<>(choices.values()));
    }

    private static void remember(Map<String, MappingHistory.Choice> choices, List<String> header, String column,
                                 String target, String key, String type) {
        String headerKey = column == null || !header.contains(column) ? "" : ColumnSuggester.headerKey(column);
        if (!headerKey.isEmpty()) {
            choices.put(column, new MappingHistory.Choice(headerKey, target, key, type));
        }
    }

    private static JsonObject columnMap(List<ColumnSuggestion> columns) {
        JsonObject map = new JsonObject();
        JsonObject properties = new JsonObject();
        for (ColumnSuggestion column : columns) {
            switch (column.target()) {
                case "email", "first_name", "last_name", "unsubscribed" -> map.put(column.target(), column.header());
                case "existing_property", "new_property" -> {
                    JsonObject property = new JsonObject().put("column", column.header()).put("type", column.type());
                    properties.put(column.key(), column.format() == null ? property
                            : property.put("format", column.format()));
                }
                default -> {
                    // not imported
                }
            }
        }
        return map.put("properties", properties);
    }
}
