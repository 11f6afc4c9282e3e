package coop.panier.members;

import java.util.UUID;

import coop.panier.memberships.ConsumptionUnits;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A foyer: the people one membership covers. Its members point to it. */
@Entity
@Table(name = "household")
public class Household extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    /** People aged 14 or over, the first adult included. */
    @Column(nullable = false)
    public int adults;

    /** Children under 14. */
    @Column(nullable = false)
    public int children;

    @Version
    public long version;

    public ConsumptionUnits consumptionUnits() {
        return ConsumptionUnits.of(adults, children);
    }
}
