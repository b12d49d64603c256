package io.contactimport.rowprocessor.contacts.service;

import io.contactimport.contracts.api.ApiException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code properties} of a contacts API request, checked against the team's property types: values are stored
 * typed (numbers as numbers, booleans as booleans, dates as ISO text), and {@code null} removes a property.
 */
public record PropertyValues(JsonObject set, List<String> removed) {

    public static PropertyValues of(Object value, Map<String, String> types) {
        // PHP encodes an empty map as [].
        if (value == null || value instanceof JsonArray array && array.isEmpty()) {
            return new PropertyValues(new JsonObject(), List.of());
        }
        if (!(value instanceof JsonObject properties)) {
            throw ApiException.validation("`properties` must be an object of property keys and values.");
        }
        JsonObject set = new JsonObject();
        List<String> removed = new ArrayList<>();
        for (Map.Entry<String, Object> entry : properties) {
            String key = entry.getKey();
            String type = types.get(key);
            if (type == null) {
                throw ApiException.validation("Property `" + key
                        + "` does not exist: create it under /contact-properties first.");
            }
            if (entry.getValue() == null) {
                removed.add(key);
            } else {
                set.put(key, typed(key, type, entry.getValue()));
            }
        }
        return new PropertyValues(set, removed);
    }

    private static Object typed(String key, String type, Object value) {
        String text = String.valueOf(value);
        Optional<?> typed = switch (type) {
            case "number" -> value instanceof Number ? Optional.of(value) : ValueParser.parseNumber(text);
            case "boolean" -> value instanceof Boolean ? Optional.of(value) : ValueParser.parseBoolean(text);
            case "date" -> value instanceof String ? ValueParser.parseDate(text, null) : Optional.empty();
            default -> value instanceof String || value instanceof Number || value instanceof Boolean
                    ? Optional.of(text) : Optional.empty();
        };
        return typed.orElseThrow(() -> ApiException.validation(
                "Property `" + key + "` is of type " + type + ": `" + text + "` is not a " + type + "."));
    }

    /** A stored value as the API shows it: {@code {"type": …, "value": …}}; the type of a deleted property is guessed. */
    public static JsonObject view(JsonObject stored, Map<String, String> types) {
        JsonObject view = new JsonObject();
        for (Map.Entry<String, Object> entry : stored) {
            Object value = entry.getValue();
            String type = types.getOrDefault(entry.getKey(),
                    value instanceof Number ? "number" : value instanceof Boolean ? "boolean" : "string");
            view.put(entry.getKey(), new JsonObject().put("type", type).put("value", value));
        }
        return view;
    }
}
