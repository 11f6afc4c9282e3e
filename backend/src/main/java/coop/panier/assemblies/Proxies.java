package coop.panier.assemblies;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import coop.panier.common.Caller;
import coop.panier.common.Constraints;
import coop.panier.common.ProblemException;
import coop.panier.common.SqlValues;
import coop.panier.members.Member;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

/**
 * Proxies (procurations): a member who cannot attend gives theirs to another active member, one
 * per member and assembly, never to oneself, and no member holds more than the co-op's maximum.
 * PostgreSQL refuses the same (V41: the primary key, a check and a trigger).
 */
@ApplicationScoped
@Transactional
public class Proxies {

    static final String TO_ONESELF = "proxy-to-oneself";
    static final String LIMIT_REACHED = "proxy-limit-reached";

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Assemblies assemblies;

    @Inject
    Participants participants;

    public record Proxy(UUID giverId, UUID holderId, Instant givenAt) {
    }

    public Proxy give(Caller caller, UUID assemblyId, UUID holderId) {
        Member giver = participants.inGoodStanding(caller);
        Assembly assembly = assemblies.lock(assemblyId);
        requireNotStarted(assembly);
        if (giver.id.equals(holderId)) {
            throw new ProblemException(409, TO_ONESELF, "Procuration à soi-même",
                    "On ne se donne pas sa propre procuration : choisissez un·e autre adhérent·e qui sera présent·e.", List.of());
        }
        if (!Participants.active(em, holderId)) {
            throw ProblemException.invalidField("holderId", "aucun adhérent actif ne porte cet identifiant");
        }
        int max = assemblies.rules().maxProxiesHeld;
        long held = ((Number) em.createNativeQuery("select count(*) from assembly_proxy where assembly_id = ?1"
                + " and holder_id = ?2 and giver_id <> ?3").setParameter(1, assemblyId).setParameter(2, holderId)
                .setParameter(3, giver.id).getSingleResult()).longValue();
        if (held >= max) {
            throw limitReached(max);
        }
        Instant now = clock.instant();
        try {
            em.createNativeQuery("""
                    insert into assembly_proxy (assembly_id, giver_id, holder_id, given_at) values (?1, ?2, ?3, ?4)
                    on conflict (assembly_id, giver_id) do update set holder_id = excluded.holder_id, given_at = excluded.given_at""")
                    .setParameter(1, assemblyId).setParameter(2, giver.id).setParameter(3, holderId).setParameter(4, now)
                    .executeUpdate();
        } catch (PersistenceException e) {
            if (Constraints.violated(e, "assembly_proxy_limit")) {
                throw limitReached(max);
            }
            throw e;
        }
        LiveMode.bump(em, assemblyId);
        return new Proxy(giver.id, holderId, now);
    }

    public void withdraw(Caller caller, UUID assemblyId) {
        UUID me = participants.idOf(caller);
        Assembly assembly = assemblies.lock(assemblyId);
        int gone = me == null ? 0 : em.createNativeQuery("delete from assembly_proxy where assembly_id = ?1 and giver_id = ?2")
                .setParameter(1, assemblyId).setParameter(2, me).executeUpdate();
        if (gone == 0) {
            throw ProblemException.notFound("Vous n'avez pas donné de procuration pour cette assemblée.");
        }
        requireNotStarted(assembly);
        LiveMode.bump(em, assemblyId);
    }

    /** The assembly's proxies, by holder then giver. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Proxy> of(UUID assemblyId) {
        List<Object[]> rows = SqlValues.rows(em.createNativeQuery("""
                select p.giver_id, p.holder_id, p.given_at from assembly_proxy p
                join member h on h.id = p.holder_id join member g on g.id = p.giver_id
                where p.assembly_id = ?1 order by h.last_name, h.first_name, g.last_name, g.first_name""")
                .setParameter(1, assemblyId).getResultList());
        return rows.stream().map(r -> new Proxy((UUID) r[0], (UUID) r[1], SqlValues.instant(r[2]))).toList();
    }

    private static void requireNotStarted(Assembly assembly) {
        if (assembly.status != Assembly.Status.SCHEDULED) {
            throw ProblemException.conflict("Cette assemblée a commencé : les procurations ne changent plus.");
        }
    }

    private static ProblemException limitReached(int max) {
        return new ProblemException(409, LIMIT_REACHED, "Procurations déjà détenues",
                max == 0 ? "La coopérative n'accepte pas de procuration pour ses assemblées."
                        : "Cette personne détient déjà " + (max == 1 ? "une procuration" : max + " procurations")
                                + " pour cette assemblée, le maximum de la coopérative : choisissez quelqu'un d'autre.",
                List.of());
    }
}
