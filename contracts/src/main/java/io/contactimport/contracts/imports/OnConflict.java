package io.contactimport.contracts.imports;

/** What an import does with a row whose email already belongs to a contact of the team. */
public enum OnConflict {
    UPSERT, SKIP;

    public String apiValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
