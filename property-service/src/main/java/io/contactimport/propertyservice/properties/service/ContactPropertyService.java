package io.contactimport.propertyservice.properties.service;

import io.contactimport.contracts.api.ApiException;
import io.contactimport.contracts.imports.PropertyType;
import io.contactimport.propertyservice.properties.repository.ContactProperty;
import io.contactimport.propertyservice.properties.repository.ContactPropertyRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

@ApplicationScoped
public class ContactPropertyService {

    static final Pattern KEY = Pattern.compile("^[A-Za-z0-9_]{1,50}$");

    private final ContactPropertyRepository repository;

    public ContactPropertyService(ContactPropertyRepository repository) {
        this.repository = repository;
    }

    @WithSession
    public Uni<List<ContactProperty>> list(UUID teamId) {
        return repository.listForTeam(teamId);
    }

    /**
     * Makes sure every definition exists for the team: creates the missing ones, accepts existing ones of the same
     * type, and rejects the whole request (creating nothing) when a key exists with another type.
     */
    @WithTransaction
    public Uni<List<ContactProperty>> ensure(UUID teamId, List<PropertyDefinition> definitions) {
        Map<String, PropertyType> wanted = validate(definitions);
        return repository.findByKeys(teamId, wanted.keySet()).flatMap(existing -> {
            List<ContactProperty> result = new ArrayList<>(existing);
            for (ContactProperty property : existing) {
                String wantedType = wanted.remove(property.key).apiValue();
                if (!wantedType.equals(property.type)) {
                    throw ApiException.validation("Property '" + property.key + "' already exists with type "
                            + property.type + ", not " + wantedType + ".");
                }
            }
            List<ContactProperty> created = new ArrayList<>();
            wanted.forEach((key, type) -> {
                ContactProperty property = new ContactProperty();
                property.id = UUID.randomUUID();
                property.teamId = teamId;
                property.key = key;
                property.type = type.apiValue();
                property.createdAt = Instant.now();
                created.add(property);
            });
            if (created.isEmpty()) {
                return Uni.createFrom().item(result);
            }
            result.addAll(created);
            return repository.persist(created).replaceWith(result);
        });
    }

    private static Map<String, PropertyType> validate(List<PropertyDefinition> definitions) {
        if (definitions == null) {
            throw ApiException.validation("Expected a list of properties.");
        }
        Map<String, PropertyType> wanted = new LinkedHashMap<>();
        for (PropertyDefinition definition : definitions) {
            if (definition == null || definition.key() == null || !KEY.matcher(definition.key()).matches()) {
                throw ApiException.validation("Property key '" + (definition == null ? null : definition.key())
                        + "' is invalid: use 1 to 50 letters, digits or underscores.");
            }
            PropertyType type;
            try {
                type = PropertyType.fromApiValue(definition.type() == null ? "string" : definition.type());
            } catch (IllegalArgumentException e) {
                throw ApiException.validation("Property '" + definition.key() + "' has unknown type '"
                        + definition.type() + "': use string, number, boolean or date.");
            }
            PropertyType previous = wanted.put(definition.key(), type);
            if (previous != null && previous != type) {
                throw ApiException.validation("Property '" + definition.key() + "' is given twice with different types.");
            }
        }
        return wanted;
    }
}
