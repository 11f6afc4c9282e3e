package coop.panier.members;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.Immutable;

/** A change of a member's status and its reason, kept as history. */
@Entity
@Immutable
@Table(name = "member_status_change")
public class StatusChange extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "member_id", nullable = false)
    public UUID memberId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", nullable = false)
    public MemberStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public MemberStatus to;

    @Column(nullable = false)
    public String reason;

    @Column(name = "changed_by")
    public UUID changedBy;

    @Column(name = "changed_at", nullable = false)
    @CreationTimestamp
    public Instant changedAt;
}
