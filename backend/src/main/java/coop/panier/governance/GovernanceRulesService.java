package coop.panier.governance;

import coop.panier.common.ETags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The co-op's rules for proposals, read by every decision and changed by admins. */
@ApplicationScoped
@Transactional
public class GovernanceRulesService {

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.SUPPORTS)
    public GovernanceSettings rules() {
        return em.find(GovernanceSettings.class, true);
    }

    /** The whole rules, with the version read. */
    public GovernanceSettings update(String ifMatch, int minDeadlineDays, int consensusQuorumPercent) {
        GovernanceSettings rules = rules();
        ETags.requireCurrent(ifMatch, rules.version);
        rules.minDeadlineDays = minDeadlineDays;
        rules.consensusQuorumPercent = consensusQuorumPercent;
        em.flush();
        return rules;
    }
}
