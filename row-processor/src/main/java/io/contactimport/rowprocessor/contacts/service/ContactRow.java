package io.contactimport.rowprocessor.contacts.service;

/**
 * A row that passed validation, normalised: email trimmed and lower-cased, empty cells as null ("not given"),
 * properties as a JSON object of the non-empty typed values.
 */
public record ContactRow(long number, String email, String firstName, String lastName, Boolean unsubscribed,
                         String propertiesJson) {
}
