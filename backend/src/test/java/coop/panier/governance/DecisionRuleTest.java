package coop.panier.governance;

import static coop.panier.governance.DecisionRule.Rule.CONSENSUS;
import static coop.panier.governance.DecisionRule.Rule.CONSENT;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import coop.panier.governance.DecisionRule.Count;
import coop.panier.governance.DecisionRule.Decision;
import coop.panier.governance.DecisionRule.Rejection;

/** The one rule, worked through the cases the co-ops asked about. */
class DecisionRuleTest {

    private static Decision decide(DecisionRule.Rule rule, int agree, int standAside, int concern, int block, int eligible) {
        return DecisionRule.decide(rule, new Count(agree, standAside, concern, block, eligible), 50);
    }

    @Test
    void consentWithOneBlockIsRejectedAndWithoutOneAdoptedWhateverTheConcernsAndTheTurnout() {
        assertThat(decide(CONSENT, 9, 0, 0, 1, 40)).isEqualTo(new Decision(false, Rejection.BLOCKED));
        assertThat(decide(CONSENT, 1, 2, 3, 0, 40)).as("nobody says no").isEqualTo(new Decision(true, null));
        assertThat(decide(CONSENT, 0, 0, 0, 0, 40)).as("silence is consent").isEqualTo(new Decision(true, null));
    }

    @Test
    void consensusWithOneConcernIsRejected() {
        assertThat(decide(CONSENSUS, 5, 0, 1, 0, 6)).isEqualTo(new Decision(false, Rejection.CONCERNS));
    }

    @Test
    void consensusBlockedSaysBlockedBeforeConcerns() {
        assertThat(decide(CONSENSUS, 3, 0, 1, 1, 6)).isEqualTo(new Decision(false, Rejection.BLOCKED));
    }

    @Test
    void consensusNeedsItsQuorumRoundedUp() {
        assertThat(DecisionRule.quorum(CONSENSUS, 5, 50)).isEqualTo(3);
        assertThat(DecisionRule.quorum(CONSENT, 5, 50)).isZero();
        assertThat(decide(CONSENSUS, 2, 0, 0, 0, 5)).as("2 of 5, 3 needed").isEqualTo(new Decision(false, Rejection.QUORUM_NOT_MET));
        assertThat(decide(CONSENSUS, 2, 1, 0, 0, 5)).as("standing aside counts as a response").isEqualTo(new Decision(true, null));
    }
}
