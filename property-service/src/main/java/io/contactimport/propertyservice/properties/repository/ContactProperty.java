package io.contactimport.propertyservice.properties.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A team's custom contact property: its key and value type never change once created. */
@Entity
@Table(name = "contact_properties")
public class ContactProperty extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "team_id", nullable = false)
    public UUID teamId;

    @Column(nullable = false)
    public String key;

    @Column(nullable = false)
    public String type;

    @Column(name = "fallback_value")
    public String fallbackValue;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
