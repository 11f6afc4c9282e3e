package coop.panier.governance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The co-op's rules for proposals: the one row of governance_rules (V38), edited by admins. */
@Entity
@Table(name = "governance_rules")
public class GovernanceSettings extends PanacheEntityBase {

    @Id
    public boolean id = true;

    @Column(name = "min_deadline_days", nullable = false)
    public int minDeadlineDays;

    @Column(name = "consensus_quorum_percent", nullable = false)
    public int consensusQuorumPercent;

    @Version
    public long version;
}
