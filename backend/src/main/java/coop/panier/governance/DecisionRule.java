package coop.panier.governance;

/**
 * The co-op's one rule for the outcome of a round at its deadline, used by the job that closes
 * proposals and on every read (a round past its deadline reads as decided before the job ran):
 * - `CONSENT`: adopted unless a block stands;
 * - `CONSENSUS`: adopted only if nobody blocks, nobody keeps a concern (every response is AGREE
 *   or STAND_ASIDE) and the quorum - a share of those who may respond - responded.
 * Pure: it reads only what it is given.
 */
public final class DecisionRule {

    public enum Rule {
        CONSENT, CONSENSUS
    }

    public enum Rejection {
        BLOCKED, CONCERNS, QUORUM_NOT_MET
    }

    /** The responses of a round, and how many members may respond to it. */
    public record Count(int agree, int standAside, int concern, int block, int eligible) {

        public int responded() {
            return agree + standAside + concern + block;
        }
    }

    /** Adopted, or rejected with its reason. */
    public record Decision(boolean adopted, Rejection rejection) {

        static final Decision ADOPTED = new Decision(true, null);

        static Decision rejected(Rejection why) {
            return new Decision(false, why);
        }
    }

    private DecisionRule() {
    }

    public static Decision decide(Rule rule, Count count, int quorumPercent) {
        if (count.block() > 0) {
            return Decision.rejected(Rejection.BLOCKED);
        }
        if (rule == Rule.CONSENT) {
            return Decision.ADOPTED;
        }
        if (count.concern() > 0) {
            return Decision.rejected(Rejection.CONCERNS);
        }
        return count.responded() >= quorum(rule, count.eligible(), quorumPercent) ? Decision.ADOPTED
                : Decision.rejected(Rejection.QUORUM_NOT_MET);
    }

    /** How many responses the rule needs: none for consent; for consensus the share of the eligible, rounded up. */
    public static int quorum(Rule rule, int eligible, int quorumPercent) {
        return rule == Rule.CONSENT ? 0 : (eligible * quorumPercent + 99) / 100;
    }
}
