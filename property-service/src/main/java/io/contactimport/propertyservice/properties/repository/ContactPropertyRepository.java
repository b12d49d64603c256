package io.contactimport.propertyservice.properties.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.contactimport.support.rest.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ContactPropertyRepository implements PanacheRepositoryBase<ContactProperty, UUID> {

    public Uni<List<ContactProperty>> listForTeam(UUID teamId) {
        return list("teamId = ?1 order by createdAt desc, id desc", teamId);
    }

    /** A page of {@link PageRequest} (newest first), keyset-paged on (createdAt, id). */
    public Uni<List<ContactProperty>> page(UUID teamId, PageRequest page) {
        if (page.cursor() == null) {
            return find("teamId = ?1 order by createdAt desc, id desc", teamId).page(0, page.limit() + 1).list();
        }
        String direction = page.after() != null ? "<" : ">";
        String order = page.after() != null ? "desc" : "asc";
        return find("teamId = ?1 and (createdAt, id) " + direction
                        + " (select c.createdAt, c.id from ContactProperty c where c.id = ?2)"
                        + " order by createdAt " + order + ", id " + order, teamId, page.cursor())
                .page(0, page.limit() + 1).list();
    }

    public Uni<List<ContactProperty>> findByKeys(UUID teamId, Collection<String> keys) {
        return list("teamId = ?1 and key in ?2", teamId, keys);
    }
}
