package io.contactimport.propertyservice.properties.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ContactPropertyRepository implements PanacheRepositoryBase<ContactProperty, UUID> {

    public Uni<List<ContactProperty>> listForTeam(UUID teamId) {
        return list("teamId = ?1 order by createdAt desc, id desc", teamId);
    }

    public Uni<List<ContactProperty>> findByKeys(UUID teamId, Collection<String> keys) {
        return list("teamId = ?1 and key in ?2", teamId, keys);
    }
}
