package coop.panier.volunteering;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import coop.panier.common.Caller;
import coop.panier.common.ETags;
import coop.panier.common.ProblemException;
import coop.panier.common.RequestDigest;
import coop.panier.members.Member;
import coop.panier.members.MemberRepository;
import coop.panier.members.Standing;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

/**
 * Shift templates and their regular seats. A template's shifts are generated in the transaction
 * that creates or changes it, so that a 2xx means they are there; the cycle is read (and held)
 * before the template is locked, in the order the generation job takes them.
 */
@ApplicationScoped
@Transactional
public class ShiftTemplates {

    /** A template as written by an admin. */
    public record Definition(String task, String place, DayOfWeek weekday, LocalTime startTime, LocalTime endTime,
            int seats, List<SeatKinds.SkilledSeat> skilledSeats, ShiftTemplate.Recurrence recurrence, String cycleWeek,
            LocalDate startsOn) {
    }

    /** A template with what its readers need: seats requiring a skill, regular seats held, shifts kept. */
    public record View(ShiftTemplate template, List<SkilledSeatView> skilledSeats, int regularSeats, List<Kept> kept) {
    }

    public record SkilledSeatView(UUID skillId, String skill, int seats) {
    }

    /** A shift to come that kept a former definition of its template: members signed up for it. */
    public record Kept(UUID shiftId, Instant startsAt, Instant endsAt, int signedUp) {
    }

    public record RegularSeat(UUID templateId, UUID memberId, String memberNumber, String firstName, String lastName,
            Instant since, List<Instant> notSignedUpOn) {
    }

    /** How a member volunteers: their regular seats (none: a volant) and their skills. */
    public record Mine(List<MySeat> regularSeats, List<Skills.Ref> skills) {
    }

    public record MySeat(ShiftTemplate template, Instant since) {
    }

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ShiftTasks tasks;

    @Inject
    Skills skills;

    @Inject
    SeatKinds seatKinds;

    @Inject
    ShiftCycle cycles;

    @Inject
    ShiftGenerator generator;

    @Inject
    RegularSignups regulars;

    @Inject
    MemberRepository members;

    @Inject
    Standing standing;

    @ConfigProperty(name = "panier.volunteering.withdraw-hours", defaultValue = "48")
    int withdrawHours;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<View> all() {
        List<ShiftTemplate> templates = em.createQuery(
                "from ShiftTemplate t where t.endedAt is null order by t.weekday, t.startTime, t.task, t.id",
                ShiftTemplate.class).getResultList();
        ShiftCycle.Cycle cycle = cycles.current();
        return templates.stream().map(t -> view(t, cycle)).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public View get(UUID id) {
        return view(find(id), cycles.current());
    }

    /**
     * Creates the template and generates its shifts, once per idempotency key: a retry gets the
     * first template back, another request under the same key is refused.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public View create(Definition d, String idempotencyKey) {
        String hash = RequestDigest.of(d.toString());
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                if (idempotencyKey != null) {
                    List<ShiftTemplate> earlier = em.createQuery("from ShiftTemplate t where t.idempotencyKey = :k",
                            ShiftTemplate.class).setParameter("k", idempotencyKey).getResultList();
                    if (!earlier.isEmpty()) {
                        return replay(earlier.get(0), hash);
                    }
                }
                ShiftTemplate template = new ShiftTemplate();
                template.id = UUID.randomUUID();
                template.idempotencyKey = idempotencyKey;
                template.requestHash = idempotencyKey == null ? null : hash;
                ShiftCycle.Cycle cycle = cycles.held();
                apply(template, d);
                em.persist(template);
                em.flush();
                writeSkilledSeats(template.id, d.skilledSeats());
                generator.generate(template, cycle, clock.instant());
                return view(template, cycle);
            });
        } catch (PersistenceException e) {
            if (idempotencyKey == null) {
                throw e;
            }
            // The same key arrived twice at once: the other request created it.
            return QuarkusTransaction.requiringNew().call(() -> replay(em.createQuery(
                    "from ShiftTemplate t where t.idempotencyKey = :k", ShiftTemplate.class)
                    .setParameter("k", idempotencyKey).getResultStream().findFirst().orElseThrow(() -> e), hash));
        }
    }

    private View replay(ShiftTemplate earlier, String hash) {
        return view(RequestDigest.replay(earlier, earlier.requestHash, hash, "un autre modèle de créneau"), cycles.current());
    }

    public View update(UUID id, String ifMatch, Definition d) {
        ShiftCycle.Cycle cycle = cycles.held();
        ShiftTemplate template = lock(id);
        ETags.requireCurrent(ifMatch, template.version);
        List<UUID> holders = holders(id);
        if (d.seats() < holders.size()) {
            throw ProblemException.conflict(holders.size() + " adhérents ont une place fixe dans ce créneau : il ne peut pas"
                    + " avoir moins de places. Libérez d'abord des places fixes.");
        }
        apply(template, d);
        requireHoldersFit(d.seats(), d.skilledSeats(), holders);
        template.version++;
        em.flush();
        writeSkilledSeats(template.id, d.skilledSeats());
        generator.generate(template, cycle, clock.instant());
        return view(template, cycle);
    }

    /** No more shifts; regular seats end; shifts to come are cancelled but those members chose. */
    public void end(UUID id) {
        ShiftTemplate template = lock(id);
        Instant now = clock.instant();
        template.endedAt = now;
        template.version++;
        em.flush();
        em.createNativeQuery("delete from shift_regular_seat where template_id = ?1").setParameter(1, id).executeUpdate();
        List<UUID> following = em.createNativeQuery("""
                select s.id from shift s where s.template_id = ?1 and s.occurs_on is not null and s.status = 'OPEN'
                  and s.starts_at > ?2
                  and not exists (select 1 from shift_signup g where g.shift_id = s.id and g.status = 'SIGNED_UP'
                                  and not g.regular)
                order by s.starts_at for update""", UUID.class).setParameter(1, id).setParameter(2, now).getResultList();
        following.forEach(shift -> generator.cancel(shift, now));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RegularSeat> regularSeats(UUID templateId) {
        find(templateId);
        List<Object[]> rows = em.createNativeQuery("""
                select r.member_id, m.member_number, m.first_name, m.last_name, r.since
                from shift_regular_seat r join member m on m.id = r.member_id
                where r.template_id = ?1 order by r.since, m.member_number""", Object[].class)
                .setParameter(1, templateId).getResultList();
        return rows.stream().map(r -> new RegularSeat(templateId, (UUID) r[0], (String) r[1], (String) r[2],
                (String) r[3], (Instant) r[4], List.of())).toList();
    }

    /** Gives the member a regular seat and signs them up in the template's shifts to come. */
    public RegularSeat assign(UUID templateId, UUID memberId) {
        ShiftTemplate template = lock(templateId);
        Member member = members.findById(memberId);
        if (member == null) {
            throw ProblemException.invalidField("memberId", "aucun adhérent ne porte cet identifiant");
        }
        standing.require(member, Standing.Need.BELONGING);
        List<UUID> holders = holders(templateId);
        if (holders.contains(memberId)) {
            throw ProblemException.conflict(member.firstName + " " + member.lastName
                    + " a déjà une place fixe dans ce créneau.");
        }
        if (holders.size() >= template.seats) {
            throw ProblemException.conflict("Les " + template.seats + " places de ce créneau sont déjà toutes des places"
                    + " fixes.");
        }
        List<UUID> after = new ArrayList<>(holders);
        after.add(memberId);
        requireHoldersFit(template.seats, generator.skilledSeats(templateId), after);
        Instant now = clock.instant();
        em.createNativeQuery("insert into shift_regular_seat (template_id, member_id, since) values (?1, ?2, ?3)")
                .setParameter(1, templateId).setParameter(2, memberId).setParameter(3, now).executeUpdate();
        List<Instant> missed = regulars.signUpEverywhere(templateId, memberId, now);
        return new RegularSeat(templateId, memberId, member.memberNumber, member.firstName, member.lastName, now, missed);
    }

    /**
     * Ends a regular seat, by an admin or by its holder (anyone else: 404). The holder keeps the
     * sign-ups inside the withdrawal delay, as any member would.
     */
    public void release(Caller caller, UUID templateId, UUID memberId) {
        if (!caller.admin() && !memberId.equals(members.idOf(caller))) {
            throw notHeld();
        }
        lock(templateId);
        int removed = em.createNativeQuery("delete from shift_regular_seat where template_id = ?1 and member_id = ?2")
                .setParameter(1, templateId).setParameter(2, memberId).executeUpdate();
        if (removed == 0) {
            throw notHeld();
        }
        Instant now = clock.instant();
        Instant after = now.atZone(clock.getZone()).plusDays(withdrawHours / 24).plusHours(withdrawHours % 24).toInstant();
        regulars.withdrawFrom(templateId, memberId, after, now);
    }

    /** The caller's regular seats (by weekday and time) and skills. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Mine mine(Caller caller) {
        UUID me = members.idOf(caller);
        if (me == null) {
            return new Mine(List.of(), List.of());
        }
        List<Object[]> rows = em.createNativeQuery("""
                select r.template_id, r.since from shift_regular_seat r join shift_template t on t.id = r.template_id
                where r.member_id = ?1 and t.ended_at is null order by t.weekday, t.start_time, t.id""", Object[].class)
                .setParameter(1, me).getResultList();
        List<MySeat> seats = rows.stream()
                .map(r -> new MySeat(em.find(ShiftTemplate.class, r[0]), (Instant) r[1])).toList();
        return new Mine(seats, skills.of(me));
    }

    private void apply(ShiftTemplate template, Definition d) {
        if (!d.endTime().isAfter(d.startTime())) {
            throw ProblemException.invalidField("endTime", "doit être après l'heure de début, le même jour");
        }
        if (d.recurrence() == ShiftTemplate.Recurrence.CYCLE && d.cycleWeek() == null) {
            throw ProblemException.invalidField("cycleWeek", "la semaine du cycle (A, B, C ou D) est requise avec CYCLE");
        }
        if (d.recurrence() == ShiftTemplate.Recurrence.WEEKLY && d.cycleWeek() != null) {
            throw ProblemException.invalidField("cycleWeek", "seulement avec CYCLE : un créneau hebdomadaire a lieu chaque semaine");
        }
        seatKinds.validate(d.seats(), d.skilledSeats(), skills);
        template.task = tasks.require(d.task(), "task");
        template.place = d.place().strip();
        template.weekday = d.weekday().getValue();
        template.startTime = d.startTime();
        template.endTime = d.endTime();
        template.seats = d.seats();
        template.recurrence = d.recurrence();
        template.cycleWeek = d.cycleWeek();
        template.startsOn = d.startsOn();
    }

    /** The holders of regular seats must fit the seats, those requiring a skill by holders of it. */
    private void requireHoldersFit(int seats, List<SeatKinds.SkilledSeat> skilled, List<UUID> holders) {
        if (seatKinds.seatOnEmpty(seats, skilled, holders).size() < holders.size()) {
            throw ProblemException.conflict("Les places fixes ne tiennent pas dans ce créneau : des places demandent une"
                    + " compétence que leurs titulaires n'ont pas. Réduisez les places à compétence ou libérez une"
                    + " place fixe.");
        }
    }

    private void writeSkilledSeats(UUID templateId, List<SeatKinds.SkilledSeat> skilled) {
        em.createNativeQuery("delete from shift_template_skilled_seat where template_id = ?1").setParameter(1, templateId)
                .executeUpdate();
        for (SeatKinds.SkilledSeat s : skilled) {
            em.createNativeQuery("insert into shift_template_skilled_seat (template_id, skill_id, seats) values (?1, ?2, ?3)")
                    .setParameter(1, templateId).setParameter(2, s.skillId()).setParameter(3, s.seats()).executeUpdate();
        }
    }

    private List<UUID> holders(UUID templateId) {
        return em.createNativeQuery("select member_id from shift_regular_seat where template_id = ?1 order by since",
                UUID.class).setParameter(1, templateId).getResultList();
    }

    private View view(ShiftTemplate t, ShiftCycle.Cycle cycle) {
        List<Object[]> skilled = em.createNativeQuery("""
                select k.skill_id, s.name, k.seats from shift_template_skilled_seat k join skill s on s.id = k.skill_id
                where k.template_id = ?1 order by lower(s.name)""", Object[].class).setParameter(1, t.id).getResultList();
        int regular = ((Number) em.createNativeQuery("select count(*) from shift_regular_seat where template_id = ?1")
                .setParameter(1, t.id).getSingleResult()).intValue();
        List<Object[]> upcoming = em.createNativeQuery("""
                select s.id, s.starts_at, s.ends_at, s.taken, s.template_version, s.occurs_on from shift s
                where s.template_id = ?1 and s.status = 'OPEN' and s.starts_at > ?2 order by s.starts_at""", Object[].class)
                .setParameter(1, t.id).setParameter(2, clock.instant()).getResultList();
        List<Kept> kept = upcoming.stream()
                .filter(r -> r[4] == null || ((Number) r[4]).longValue() != t.version || r[5] == null
                        || !t.fallsOn(ShiftCycle.date(r[5]), cycle))
                .map(r -> new Kept((UUID) r[0], (Instant) r[1], (Instant) r[2], ((Number) r[3]).intValue())).toList();
        return new View(t, skilled.stream().map(r -> new SkilledSeatView((UUID) r[0], (String) r[1],
                ((Number) r[2]).intValue())).toList(), regular, kept);
    }

    private ShiftTemplate find(UUID id) {
        ShiftTemplate template = em.find(ShiftTemplate.class, id);
        if (template == null || template.endedAt != null) {
            throw notFound();
        }
        return template;
    }

    private ShiftTemplate lock(UUID id) {
        ShiftTemplate template = em.find(ShiftTemplate.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (template == null || template.endedAt != null) {
            throw notFound();
        }
        return template;
    }

    static ProblemException notFound() {
        return ProblemException.notFound("Aucun modèle de créneau en vigueur ne porte cet identifiant.");
    }

    private static ProblemException notHeld() {
        return ProblemException.notFound("Cet adhérent n'a pas de place fixe dans ce créneau.");
    }
}
