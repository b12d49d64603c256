package io.contactimport.support.rest;

import io.contactimport.contracts.api.ApiException;
import java.util.UUID;

/** An id taken from a path: anything that is not a UUID cannot name an object, so it answers 404 like an unknown one. */
public final class PathIds {

    private PathIds() {
    }

    public static UUID parse(String id, String notFoundMessage) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound(notFoundMessage);
        }
    }
}
