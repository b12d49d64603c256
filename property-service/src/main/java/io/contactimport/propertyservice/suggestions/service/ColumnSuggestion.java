package io.contactimport.propertyservice.suggestions.service;

/**
 * What to do with one column: {@code target} is {@code email}, {@code first_name}, {@code last_name},
 * {@code unsubscribed}, {@code existing_property} or {@code new_property} (with {@code key} and {@code type}), or
 * {@code ignore}; with a confidence between 0 and 1 and the reason in a few words.
 */
public record ColumnSuggestion(String header, String target, String key, String type, double confidence,
                               String reason) {

    static ColumnSuggestion ignore(String header, double confidence, String reason) {
        return new ColumnSuggestion(header, "ignore", null, null, confidence, reason);
    }
}
