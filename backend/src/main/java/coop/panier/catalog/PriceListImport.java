package coop.panier.catalog;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Where an import of a price list stands; its rejected lines are kept beside it. */
@Entity
@Table(name = "price_list_import")
public class PriceListImport extends PanacheEntityBase {

    public enum Status {
        RUNNING, DONE, FAILED
    }

    @Id
    public UUID id;

    @Column(name = "supplier_id", nullable = false)
    public UUID supplierId;

    @Column(name = "file_name")
    public String fileName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "total_lines", nullable = false)
    public int totalLines;

    @Column(name = "processed_lines", nullable = false)
    public int processedLines;

    @Column(name = "created_count", nullable = false)
    public int created;

    @Column(name = "updated_count", nullable = false)
    public int updated;

    @Column(name = "rejected_count", nullable = false)
    public int rejected;

    @Column(name = "started_by")
    public UUID startedBy;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** The backend instance running it; claimed, with its lease and file, in SQL only (see PriceListImporter). */
    @Column(name = "claimed_by", insertable = false, updatable = false)
    public UUID claimedBy;
}
