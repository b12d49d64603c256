package io.contactimport.contracts.imports;

/** The value types a contact property (and an imported property column) can have. */
public enum PropertyType {
    STRING, NUMBER, BOOLEAN, DATE;

    public String apiValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static PropertyType fromApiValue(String value) {
        for (PropertyType type : values()) {
            if (type.apiValue().equals(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown property type '" + value + "'");
    }
}
