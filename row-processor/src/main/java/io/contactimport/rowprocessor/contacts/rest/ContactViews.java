package io.contactimport.rowprocessor.contacts.rest;

import io.contactimport.contracts.api.ApiTimestamps;
import io.contactimport.rowprocessor.contacts.repository.Contacts.Contact;
import io.contactimport.rowprocessor.contacts.service.PropertyValues;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.UUID;

/** How contacts look in the API. */
public final class ContactViews {

    private ContactViews() {
    }

    /** An item of a contacts list. */
    public record ContactItem(UUID id, String email, String firstName, String lastName, String createdAt,
                              boolean unsubscribed) {
        public static ContactItem of(Contact contact) {
            return new ContactItem(contact.id(), contact.email(), contact.firstName(), contact.lastName(),
                    ApiTimestamps.format(contact.createdAt().toInstant()), contact.unsubscribed());
        }
    }

    /** {@code GET /contacts/{id|email}}, with each property's type and value. */
    public static JsonObject full(Contact contact, Map<String, String> propertyTypes) {
        return new JsonObject().put("object", "contact").put("id", contact.id().toString())
                .put("email", contact.email()).put("first_name", contact.firstName())
                .put("last_name", contact.lastName())
                .put("created_at", ApiTimestamps.format(contact.createdAt().toInstant()))
                .put("unsubscribed", contact.unsubscribed())
                .put("properties", PropertyValues.view(contact.properties(), propertyTypes));
    }
}
