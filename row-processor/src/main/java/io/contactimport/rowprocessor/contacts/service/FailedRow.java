package io.contactimport.rowprocessor.contacts.service;

import java.util.List;

/** A row that cannot be applied: why ({@code reason} is a stable code, {@code message} names the column) and its cells. */
public record FailedRow(long number, String email, String reason, String message, List<String> cells) {

    public static final String MALFORMED_ROW = "malformed_row";
    public static final String INVALID_EMAIL = "invalid_email";
    public static final String INVALID_PROPERTY_VALUE = "invalid_property_value";
    /** Valid to us, refused by PostgreSQL (a number beyond what it can store, say); the message is PostgreSQL's. */
    public static final String REJECTED_BY_DATABASE = "rejected_by_database";
}
