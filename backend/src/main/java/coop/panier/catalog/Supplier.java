package coop.panier.catalog;

import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A local producer or a wholesaler. */
@Entity
@Table(name = "supplier")
public class Supplier extends PanacheEntityBase {

    public enum Kind {
        PRODUCER, WHOLESALER
    }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    public String locality;

    @Column(name = "distance_km")
    public Integer distanceKm;

    public String contact;

    public String notes;

    @Version
    public long version;
}
