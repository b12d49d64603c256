package io.contactimport.propertyservice.properties.service;

import io.contactimport.contracts.api.ApiException;
import io.contactimport.contracts.imports.PropertyType;
import io.contactimport.propertyservice.properties.repository.ContactProperty;
import io.contactimport.propertyservice.properties.repository.ContactPropertyRepository;
import io.contactimport.support.rest.PageRequest;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** A new property; its key is unique in the team, and the fallback value must be of its type. */
    @WithTransaction
    public Uni<ContactProperty> create(UUID teamId, String key, String type, Object fallbackValue) {
        PropertyType parsed = validate(List.of(new PropertyDefinition(key, type))).get(key);
        String fallback = fallback(key, parsed, fallbackValue);
        return repository.findByKeys(teamId, List.of(key)).flatMap(existing -> {
            if (!existing.isEmpty()) {
                throw ApiException.validation("A contact property with key `" + key + "` already exists.");
            }
            ContactProperty property = new ContactProperty();
            property.id = UUID.randomUUID();
            property.teamId = teamId;
            property.key = key;
            property.type = parsed.apiValue();
            property.fallbackValue = fallback;
            property.createdAt = Instant.now();
            return repository.persist(property);
        });
    }

    @WithSession
    public Uni<List<ContactProperty>> page(UUID teamId, PageRequest page) {
        return repository.page(teamId, page);
    }

    @WithSession
    public Uni<Optional<ContactProperty>> find(UUID teamId, UUID id) {
        return repository.find("teamId = ?1 and id = ?2", teamId, id).firstResult()
                .map(Optional::ofNullable);
    }

    /** Key and type are fixed: a request that tries to change them is rejected rather than half applied. */
    @WithTransaction
    public Uni<Optional<ContactProperty>> updateFallback(UUID teamId, UUID id, String key, String type,
                                                         boolean setFallback, Object fallbackValue) {
        return find(teamId, id).map(found -> found.map(property -> {
            if (key != null && !key.equals(property.key) || type != null && !type.equals(property.type)) {
                throw ApiException.validation("The key and type of a contact property cannot be changed.");
            }
            if (setFallback) {
                property.fallbackValue = fallback(property.key, PropertyType.fromApiValue(property.type), fallbackValue);
            }
            return property;
        }));
    }

    @WithTransaction
    public Uni<Boolean> delete(UUID teamId, UUID id) {
        return repository.delete("teamId = ?1 and id = ?2", teamId, id).map(count -> count > 0);
    }

    private static String fallback(String key, PropertyType type, Object value) {
        if (value == null) {
            return null;
        }
        boolean fits = switch (type) {
            case NUMBER -> value instanceof Number;
            case BOOLEAN -> value instanceof Boolean;
            case STRING, DATE -> value instanceof String;
        };
        if (!fits) {
            throw ApiException.validation("The fallback value of `" + key + "` must be a " + type.apiValue() + ".");
        }
        return value.toString();
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
