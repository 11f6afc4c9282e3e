package coop.panier.governance;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A commission inside the co-op (the co-op itself is the implicit top group). */
@Entity
@Table(name = "working_group")
public class WorkingGroup extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String description = "";

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;
}
