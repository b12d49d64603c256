package io.contactimport.rowprocessor.changes.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The {@code contacts.changes} events ({@code contact-changes.*}). */
@ConfigMapping(prefix = "contact-changes")
public interface ContactChangesConfig {

    /** Whether contact changes are published at all ({@code CONTACT_CHANGES_ENABLED}). */
    @WithDefault("true")
    boolean enabled();

    /** The events' {@code ce_source}. */
    @WithDefault("urn:contact-imports:row-processor")
    String source();

    /** The JSON Schema of the events' data, their {@code ce_dataschema} (under {@code EVENT_SCHEMAS_URL}). */
    String dataSchema();

    /** How often the contacts API's changes are sent from the outbox: the most they wait after their commit. */
    @WithDefault("1s")
    String relayEvery();
}
