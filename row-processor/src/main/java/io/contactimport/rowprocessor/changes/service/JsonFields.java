package io.contactimport.rowprocessor.changes.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A JSON object as stored (a row's properties, an outbox entry's fields) as the map an event carries. */
@ApplicationScoped
public class JsonFields {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final ObjectMapper json;

    public JsonFields(ObjectMapper json) {
        this.json = json;
    }

    public Map<String, Object> read(String jsonObject) {
        try {
            return json.readValue(jsonObject, MAP);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
