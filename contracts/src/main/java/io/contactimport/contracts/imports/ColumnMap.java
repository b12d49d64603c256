package io.contactimport.contracts.imports;

import java.util.Map;

/**
 * Which CSV header fills which contact field. Core fields are header names (null: not imported);
 * {@code properties} maps a property key to its column and type.
 */
public record ColumnMap(String email, String firstName, String lastName, String unsubscribed,
                        Map<String, PropertyColumn> properties) {

    public ColumnMap {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    /** @param dateOrder for a date column whose values put day and month first; null for ISO 8601 dates */
    public record PropertyColumn(String column, PropertyType type, DateOrder dateOrder) {

        public PropertyColumn(String column, PropertyType type) {
            this(column, type, null);
        }
    }
}
