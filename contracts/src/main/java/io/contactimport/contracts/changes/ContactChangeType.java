package io.contactimport.contracts.changes;

/** The {@code ce_type} of a contact change: Resend's webhook event names. */
public enum ContactChangeType {
    CREATED("contact.created"),
    UPDATED("contact.updated"),
    DELETED("contact.deleted");

    private final String eventType;

    ContactChangeType(String eventType) {
        this.eventType = eventType;
    }

    public String eventType() {
        return eventType;
    }
}
