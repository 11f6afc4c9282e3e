package coop.panier.volunteering;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import coop.panier.common.Caller;
import coop.panier.common.Cursor;
import coop.panier.common.ProblemException;
import coop.panier.common.Constraints;
import coop.panier.common.RequestDigest;
import coop.panier.common.SqlValues;
import coop.panier.members.Member;
import coop.panier.members.Standing;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Hours done for the co-op outside shifts: a member logs them for their household, an admin or
 * a référent (not of that household) validates or refuses them, and validated hours are
 * credited once, in the month they were done.
 */
@ApplicationScoped
public class LoggedHoursService {

    /** How far back hours may be logged. */
    static final int LOG_DAYS_BACK = 90;

    public enum Status {
        PENDING, VALIDATED, REFUSED
    }

    public record Logged(UUID id, UUID householdId, String householdName, UUID memberId, String memberName,
            LocalDate doneOn, int minutes, String description, Status status, Instant loggedAt, Instant decidedAt,
            String decidedByName, String refusalReason) {
    }

    public record Entry(LocalDate doneOn, int minutes, String description) {
    }

    private static final String SELECT = """
            select l.id, l.household_id, h.name, l.member_id, m.first_name || ' ' || m.last_name, l.done_on, l.minutes,
                   l.description, l.status, l.logged_at, l.decided_at, d.first_name || ' ' || d.last_name,
                   l.refusal_reason, l.request_hash
            from volunteer_logged_hours l join household h on h.id = l.household_id join member m on m.id = l.member_id
                 left join member d on d.id = l.decided_by
            """;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Members members;

    @Inject
    HoursLedger ledger;

    @Inject
    HouseholdStandings standings;

    /** Logs the hours for the caller's household; a retry under the same key gets the first answer. */
    public Logged log(Caller caller, Entry entry, String idempotencyKey) {
        String hash = RequestDigest.of(entry.doneOn() + "|" + entry.minutes() + "|" + entry.description().strip());
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Member member = members.withHousehold(caller, Standing.Need.BELONGING);
                if (idempotencyKey != null) {
                    List<Logged> earlier = find("l.member_id = :m and l.idempotency_key = :k",
                            Map.of("m", member.id, "k", idempotencyKey), hash);
                    if (!earlier.isEmpty()) {
                        return earlier.get(0);
                    }
                }
                LocalDate today = LocalDate.now(clock);
                if (entry.doneOn().isAfter(today)) {
                    throw ProblemException.invalidField("doneOn", "ne peut pas être dans le futur");
                }
                if (entry.doneOn().isBefore(today.minusDays(LOG_DAYS_BACK))) {
                    throw ProblemException.invalidField("doneOn", "au plus " + LOG_DAYS_BACK + " jours en arrière");
                }
                if (entry.description().isBlank()) {
                    throw ProblemException.invalidField("description", "ne peut pas être vide");
                }
                UUID id = UUID.randomUUID();
                em.createNativeQuery("""
                        insert into volunteer_logged_hours (id, household_id, member_id, done_on, minutes, description,
                                                            logged_at, idempotency_key, request_hash)
                        values (:id, :household, :member, :doneOn, :minutes, :description, :now, :key, :hash)""")
                        .unwrap(org.hibernate.query.NativeQuery.class).setParameter("id", id)
                        .setParameter("household", member.householdId).setParameter("member", member.id)
                        .setParameter("doneOn", entry.doneOn()).setParameter("minutes", entry.minutes())
                        .setParameter("description", entry.description().strip()).setParameter("now", clock.instant())
                        .setParameter("key", idempotencyKey, String.class)
                        .setParameter("hash", idempotencyKey == null ? null : hash, String.class).executeUpdate();
                return get(id);
            });
        } catch (PersistenceException e) {
            if (idempotencyKey == null || !Constraints.violated(e, "volunteer_logged_hours_idempotency")) {
                throw e;
            }
            // The same key arrived twice at once: the other request logged them.
            return QuarkusTransaction.requiringNew().call(() -> find("l.idempotency_key = :k and l.member_id = (select"
                    + " id from member where keycloak_subject = :s)", Map.of("k", idempotencyKey, "s", caller.subject()),
                    hash).get(0));
        }
    }

    /** The hours the caller's household logged, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Cursor.Slice<Logged> mine(Caller caller, Integer limit, String cursor) {
        UUID household = members.householdOf(caller);
        if (household == null) {
            return new Cursor.Slice<>(List.of(), null);
        }
        return page("l.household_id = :household", Map.of("household", household), true, limit, cursor);
    }

    /** For admins and référents: those to validate, oldest first, or those decided, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Cursor.Slice<Logged> list(Status status, Integer limit, String cursor) {
        Status wanted = status == null ? Status.PENDING : status;
        return page("l.status = :status", Map.of("status", wanted.name()), wanted != Status.PENDING, limit, cursor);
    }

    /**
     * Validates or refuses, once: the same decision again answers it again, another one is a
     * 409. Validated hours are credited in the month they were done.
     */
    @Transactional
    public Logged decide(Caller caller, UUID id, Status decision, String reason) {
        List<?> locked = em.createNativeQuery("select household_id from volunteer_logged_hours where id = :id for update",
                UUID.class).setParameter("id", id).getResultList();
        if (locked.isEmpty()) {
            throw ProblemException.notFound("Aucune déclaration d'heures ne porte cet identifiant.");
        }
        UUID household = (UUID) locked.get(0);
        if (household.equals(members.householdOf(caller))) {
            throw ProblemException.forbidden("Ces heures sont celles de votre foyer : une autre personne doit les valider.");
        }
        Logged logged = get(id);
        if (logged.status() == decision) {
            return logged;
        }
        if (logged.status() != Status.PENDING) {
            throw ProblemException.conflict("Ces heures ont déjà été " + (logged.status() == Status.VALIDATED
                    ? "validées" : "refusées") + (logged.decidedByName() == null ? "" : " par " + logged.decidedByName())
                    + " : la décision ne change plus.");
        }
        if (decision == Status.REFUSED && (reason == null || reason.isBlank())) {
            throw ProblemException.invalidField("reason", "dites pourquoi ces heures sont refusées");
        }
        UUID by = members.idOf(caller);
        em.createNativeQuery("""
                update volunteer_logged_hours set status = :status, decided_by = :by, decided_at = :now,
                                                  refusal_reason = :reason where id = :id""")
                .unwrap(org.hibernate.query.NativeQuery.class).setParameter("status", decision.name())
                .setParameter("by", by, UUID.class).setParameter("now", clock.instant())
                .setParameter("reason", decision == Status.REFUSED ? reason.strip() : null, String.class)
                .setParameter("id", id).executeUpdate();
        if (decision == Status.VALIDATED) {
            standings.lock(household);
            ledger.record(household, HoursLedger.Kind.LOGGED, logged.minutes(), logged.doneOn(),
                    HoursLedger.Source.logged(id, logged.memberId()), by);
            standings.refresh(household);
        }
        return get(id);
    }

    private Logged get(UUID id) {
        return find("l.id = :id", Map.of("id", id), null).get(0);
    }

    /** The rows matching; with a request hash, one that differs is a reused key (422). */
    private List<Logged> find(String where, Map<String, Object> params, String hash) {
        var query = em.createNativeQuery(SELECT + " where " + where, Object[].class);
        params.forEach(query::setParameter);
        List<Object[]> rows = SqlValues.rows(query.getResultList());
        if (hash != null && !rows.isEmpty() && !hash.equals(rows.get(0)[13])) {
            throw RequestDigest.reused("une autre déclaration d'heures");
        }
        return rows.stream().map(LoggedHoursService::logged).toList();
    }

    private Cursor.Slice<Logged> page(String where, Map<String, Object> params, boolean newestFirst, Integer limit,
            String cursor) {
        record After(Instant loggedAt, UUID id) {
        }
        After after = Cursor.read(cursor, 2, key -> new After(Instant.parse(key.get(0)), UUID.fromString(key.get(1))));
        String direction = newestFirst ? "<" : ">";
        String sql = SELECT + " where " + where + (after == null ? ""
                : " and (l.logged_at " + direction + " :afterAt or (l.logged_at = :afterAt and l.id " + direction
                        + " :afterId))")
                + " order by l.logged_at " + (newestFirst ? "desc" : "asc") + ", l.id " + (newestFirst ? "desc" : "asc");
        int size = Cursor.limit(limit);
        var query = em.createNativeQuery(sql, Object[].class).setMaxResults(size + 1);
        params.forEach(query::setParameter);
        if (after != null) {
            query.setParameter("afterAt", after.loggedAt()).setParameter("afterId", after.id());
        }
        List<Logged> rows = SqlValues.rows(query.getResultList()).stream().map(LoggedHoursService::logged).toList();
        return Cursor.slice(rows, size, l -> new String[] { l.loggedAt().toString(), l.id().toString() });
    }

    private static Logged logged(Object[] r) {
        return new Logged((UUID) r[0], (UUID) r[1], (String) r[2], (UUID) r[3], (String) r[4], SqlValues.date(r[5]),
                SqlValues.integer(r[6]), (String) r[7], Status.valueOf((String) r[8]), SqlValues.instant(r[9]),
                SqlValues.instant(r[10]), (String) r[11], (String) r[12]);
    }
}
