package io.contactimport.rowprocessor.changes.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;

/** The {@code contacts.changes} events ({@code contact-changes.*}). */
@ConfigMapping(prefix = "contact-changes")
public interface ContactChangesConfig {

    /** Whether contact changes are published at all ({@code CONTACT_CHANGES_ENABLED}). */
    @WithDefault("true")
    boolean enabled();

    /** The JSON Schema of the events' data, their {@code ce_dataschema} ({@code EVENT_SCHEMAS_URL}). */
    URI dataSchema();

    /** How often the contacts API's changes are sent from the outbox: the most they wait after their commit. */
    @WithDefault("1s")
    String relayEvery();
}
