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

    public record PropertyColumn(String column, PropertyType type) {
    }
}
