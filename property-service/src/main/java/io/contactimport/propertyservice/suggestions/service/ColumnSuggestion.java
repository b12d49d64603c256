package io.contactimport.propertyservice.suggestions.service;

import io.contactimport.contracts.imports.DateOrder;

/**
 * What to do with one column: {@code target} is {@code email}, {@code first_name}, {@code last_name},
 * {@code unsubscribed}, {@code existing_property} or {@code new_property} (with {@code key} and {@code type}), or
 * {@code ignore}; with a confidence between 0 and 1 and the reason in a few words. A date column whose values put
 * day and month before the year has the {@code format} a column map names for it ({@code DD/MM/YYYY}).
 */
public record ColumnSuggestion(String header, String target, String key, String type, String format,
                               double confidence, String reason) {

    ColumnSuggestion(String header, String target, String key, String type, double confidence, String reason) {
        this(header, target, key, type, null, confidence, reason);
    }

    static ColumnSuggestion ignore(String header, double confidence, String reason) {
        return new ColumnSuggestion(header, "ignore", null, null, confidence, reason);
    }

    /** This suggestion with the date format of its column's values, when it imports them as dates. */
    ColumnSuggestion withDateOrder(DateOrder order) {
        return order == null || !"date".equals(type) ? this
                : new ColumnSuggestion(header, target, key, type, order.apiValue(), confidence,
                        reason + "; dates written " + order.apiValue());
    }
}
