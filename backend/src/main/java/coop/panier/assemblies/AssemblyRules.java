package coop.panier.assemblies;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The co-op's rules for assemblies: the one row of assembly_rules (V41), edited by admins. */
@Entity
@Table(name = "assembly_rules")
public class AssemblyRules extends PanacheEntityBase {

    @Id
    public boolean id = true;

    /** The agenda closes so many days before the assembly, on the co-op's calendar. */
    @Column(name = "agenda_close_days", nullable = false)
    public int agendaCloseDays;

    /** PostgreSQL's trigger reads the same column when a proxy is given. */
    @Column(name = "max_proxies_held", nullable = false)
    public int maxProxiesHeld;

    @Version
    public long version;
}
