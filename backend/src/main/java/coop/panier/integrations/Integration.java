package coop.panier.integrations;

import java.time.Instant;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An integration client an admin created: its Keycloak client, the scopes granted, its request budget. */
@Entity
@Table(name = "integration_client")
public class Integration extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    /** The client_id it sends to Keycloak, and that its tokens carry (azp, client_id). */
    @Column(name = "client_id", nullable = false)
    public String clientId;

    /** Keycloak's own id of the client, for its admin API. */
    @Column(name = "keycloak_id", nullable = false)
    public String keycloakId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public String[] scopes;

    @Column(name = "budget_per_minute", nullable = false)
    public int budgetPerMinute;

    @Column(nullable = false)
    public boolean enabled = true;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Gone from Keycloak; kept so that its tokens still valid are refused. */
    @Column(name = "deleted_at")
    public Instant deletedAt;
}
