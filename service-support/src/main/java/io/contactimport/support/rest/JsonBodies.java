package io.contactimport.support.rest;

import io.contactimport.contracts.api.ApiException;
import io.vertx.core.json.JsonObject;

/** Reading fields of a JSON request body as the API tolerates it: a missing body is an empty one. */
public final class JsonBodies {

    private JsonBodies() {
    }

    public static JsonObject orEmpty(JsonObject body) {
        return body == null ? new JsonObject() : body;
    }

    /** A required, non-blank text field. */
    public static String requiredText(JsonObject body, String field) {
        Object value = orEmpty(body).getValue(field);
        if (value == null || value.toString().isBlank()) {
            throw ApiException.missingRequiredField(field);
        }
        if (!(value instanceof String text)) {
            throw ApiException.validation("`" + field + "` must be a string.");
        }
        return text.trim();
    }

    /** An optional text field: null when absent. */
    public static String optionalText(JsonObject body, String field) {
        Object value = orEmpty(body).getValue(field);
        if (value != null && !(value instanceof String)) {
            throw ApiException.validation("`" + field + "` must be a string.");
        }
        return (String) value;
    }
}
