package io.contactimport.support.rest;

import io.contactimport.contracts.api.ApiException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The answers every resource of the API gives the same way. */
public final class Answers {

    private Answers() {
    }

    /** The object, or 404 {@code not_found} with the resource's message. */
    public static <T> T found(Optional<T> value, String notFound) {
        return value.orElseThrow(() -> ApiException.notFound(notFound));
    }

    /** {@code {"object": …, "id": …, "deleted": true}}, or 404 when there was nothing to delete. */
    public static Map<String, Object> deleted(String object, UUID id, boolean deleted, String notFound) {
        if (!deleted) {
            throw ApiException.notFound(notFound);
        }
        return Map.of("object", object, "id", id, "deleted", true);
    }
}
