package io.contactimport.propertyservice.properties.service;

/** A property an import (or a user) wants to exist: its key and type, e.g. {@code {"key":"plan","type":"string"}}. */
public record PropertyDefinition(String key, String type) {
}
