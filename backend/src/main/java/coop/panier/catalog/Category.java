package coop.panier.catalog;

import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A shelf of the catalogue; sub-categories have a top-level parent (two levels). */
@Entity
@Table(name = "category")
public class Category extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(name = "parent_id")
    public UUID parentId;
}
