package io.contactimport.gateway.imports.rest;

import io.contactimport.contracts.api.ApiException;

/** The list conventions of the API: {@code limit} between 1 and 100. */
final class Pagination {

    private Pagination() {
    }

    static int limit(String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= 100) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.validation("The pagination limit must be a number between 1 and 100.");
    }
}
