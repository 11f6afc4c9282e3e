package coop.panier.drive;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import coop.panier.common.Caller;
import coop.panier.common.ETags;
import coop.panier.common.ProblemException;
import coop.panier.common.SqlValues;
import coop.panier.members.Member;
import coop.panier.members.MemberRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import coop.panier.integrations.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

/** Pickup slots: published by admins, seen by members with their places left and waitlist. */
@ApplicationScoped
public class SlotService {

    private static final Logger LOG = Logger.getLogger(SlotService.class);
    private static final int MAX_DAYS = 92;

    @Inject
    EntityManager em;

    @Inject
    OrderEvents events;

    @Inject
    SlotPlaces places;

    @Inject
    MemberRepository members;

    @Inject
    OrderService orders;

    @Inject
    Clock clock;

    @ConfigProperty(name = "panier.drive.deadline-hours", defaultValue = "48")
    int deadlineHours;

    public record Definition(String place, Instant startsAt, Instant endsAt, int capacity, Instant orderDeadline) {
    }

    public record Series(String place, LocalDate firstDay, int weeks, LocalTime from, LocalTime to, int slotMinutes,
            int capacity, Integer deadlineHoursBefore) {
    }

    public record Update(String place, int capacity, Instant orderDeadline, PickupSlot.Status status) {
    }

    /** A slot as the caller sees it: the length of its waitlist and where the caller stands on it. */
    public record View(PickupSlot slot, int waitlistLength, Integer myPosition, Instant myOfferUntil) {
    }

    @Transactional
    public PickupSlot create(Definition definition) {
        PickupSlot slot = slotOf(definition, "");
        em.persist(slot);
        events.slot(EventType.SLOT_PUBLISHED, slot);
        return slot;
    }

    /** Every slot of the series, or none. */
    @Transactional
    public List<PickupSlot> createSeries(Series series) {
        ZoneId zone = clock.getZone();
        if (!series.to().isAfter(series.from())) {
            throw ProblemException.invalidField("to", "doit être après l'heure de début");
        }
        long minutes = Duration.between(series.from(), series.to()).toMinutes();
        if (minutes < series.slotMinutes()) {
            throw ProblemException.invalidField("slotMinutes", "plus long que la plage horaire");
        }
        int hoursBefore = series.deadlineHoursBefore() == null ? deadlineHours : series.deadlineHoursBefore();
        List<PickupSlot> created = new ArrayList<>();
        for (int week = 0; week < series.weeks(); week++) {
            LocalDate day = series.firstDay().plusWeeks(week);
            for (LocalTime start = series.from(); !start.plusMinutes(series.slotMinutes()).isAfter(series.to())
                    && !start.plusMinutes(series.slotMinutes()).isBefore(start); start = start.plusMinutes(series.slotMinutes())) {
                Instant startsAt = day.atTime(start).atZone(zone).toInstant();
                Instant endsAt = startsAt.plus(series.slotMinutes(), ChronoUnit.MINUTES);
                PickupSlot slot = slotOf(new Definition(series.place(), startsAt, endsAt, series.capacity(),
                        deadlineBefore(startsAt, hoursBefore)), "");
                em.persist(slot);
                events.slot(EventType.SLOT_PUBLISHED, slot);
                created.add(slot);
            }
        }
        return created;
    }

    /** Place, capacity, deadline and open/closed; more capacity is offered to the waitlist at once. */
    public PickupSlot update(UUID id, String ifMatch, Update update) {
        try {
            return updated(id, ifMatch, update);
        } catch (PersistenceException e) {
            if (Violations.of(e, "pickup_slot_capacity")) {
                // An order or an offer took a place while the change was written.
                throw ProblemException.conflict("Les places de ce créneau viennent de changer : relisez-le et réessayez.");
            }
            throw e;
        }
    }

    private PickupSlot updated(UUID id, String ifMatch, Update update) {
        return QuarkusTransaction.requiringNew().call(() -> {
            PickupSlot slot = places.lock(id).orElseThrow(SlotService::notFound);
            ETags.requireCurrent(ifMatch, slot.version);
            if (slot.status == PickupSlot.Status.CANCELLED) {
                throw ProblemException.conflict("Ce créneau est annulé ; publiez-en un autre.");
            }
            if (update.capacity() < slot.booked) {
                throw ProblemException.conflict("Ce créneau a déjà " + slot.booked
                        + " commandes : sa capacité ne peut pas descendre en dessous.");
            }
            if (update.orderDeadline().isAfter(slot.startsAt)) {
                throw ProblemException.invalidField("orderDeadline", "doit être avant le début du créneau");
            }
            slot.place = update.place().strip();
            slot.orderDeadline = update.orderDeadline();
            slot.status = update.status();
            if (update.capacity() < slot.booked + slot.held) {
                // Places kept for the waitlist go first when the capacity shrinks.
                places.withdrawOffers(slot, update.capacity());
            }
            if (update.capacity() < slot.booked + slot.held) {
                throw ProblemException.conflict("Ce créneau a " + slot.booked + " commandes et " + slot.held
                        + " places gardées pour sa liste d'attente : sa capacité ne peut pas descendre en dessous.");
            }
            slot.capacity = update.capacity();
            em.flush();
            events.slot(EventType.SLOT_CHANGED, slot);
            places.offerFreePlaces(slot, clock.instant());
            return slot;
        });
    }

    /**
     * The slot and all its orders are cancelled in one transaction: either every member is told
     * and every reservation released, or nothing happened. The orders are locked before the slot,
     * as changing an order does; one placed meanwhile is found again under the slot's lock.
     */
    public PickupSlot cancel(Caller caller, UUID id, String reason) {
        String why = reason.strip();
        return QuarkusTransaction.requiringNew().call(() -> {
            lockLiveOrders(id);
            PickupSlot slot = places.lock(id).orElseThrow(SlotService::notFound);
            if (slot.status != PickupSlot.Status.CANCELLED) {
                slot.status = PickupSlot.Status.CANCELLED;
                slot.cancelReason = why;
                places.closeWaitlist(slot);
                events.slot(EventType.SLOT_CANCELLED, slot);
            }
            orders.cancelForSlot(lockLiveOrders(id), slot, "Créneau annulé : " + why);
            return slot;
        });
    }

    private List<Order> lockLiveOrders(UUID slotId) {
        return em.createQuery("from CustomerOrder o where o.slotId = :slot and o.status in :live order by o.id",
                Order.class).setParameter("slot", slotId)
                .setParameter("live", List.of(Order.Status.PLACED, Order.Status.PREPARED))
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<View> list(Caller caller, LocalDate from, LocalDate to) {
        ZoneId zone = clock.getZone();
        LocalDate first = from == null ? LocalDate.now(clock) : from;
        LocalDate last = to == null ? first.plusWeeks(8) : to;
        if (last.isBefore(first)) {
            throw ProblemException.invalidField("to", "doit être après from");
        }
        if (first.plusDays(MAX_DAYS).isBefore(last)) {
            throw ProblemException.invalidField("to", "au plus " + MAX_DAYS + " jours à la fois");
        }
        boolean admin = caller.admin();
        var query = em.createQuery("from PickupSlot s where s.startsAt >= :from and s.startsAt < :to"
                + (admin ? "" : " and s.status <> :cancelled and s.endsAt > :now") + " order by s.startsAt, s.id",
                PickupSlot.class)
                .setParameter("from", first.atStartOfDay(zone).toInstant())
                .setParameter("to", last.plusDays(1).atStartOfDay(zone).toInstant());
        if (!admin) {
            // Members see what they can still come to; a cancelled slot shows on their cancelled order.
            query.setParameter("cancelled", PickupSlot.Status.CANCELLED).setParameter("now", clock.instant());
        }
        return views(query.getResultList(), members.idOf(caller));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public View get(Caller caller, UUID id) {
        PickupSlot slot = em.find(PickupSlot.class, id);
        if (slot == null) {
            throw notFound();
        }
        return views(List.of(slot), members.idOf(caller)).get(0);
    }

    public View join(Caller caller, UUID id) {
        Member member = orders.activeMember(caller);
        QuarkusTransaction.requiringNew().run(() -> {
            PickupSlot slot = places.lock(id).orElseThrow(SlotService::notFound);
            if (orders.liveOrderIn(member.id, id) != null) {
                throw ProblemException.conflict("Vous avez déjà une commande pour ce créneau.");
            }
            places.join(slot, member.id, clock.instant());
        });
        return QuarkusTransaction.requiringNew().call(() -> views(List.of(em.find(PickupSlot.class, id)), member.id).get(0));
    }

    public void leave(Caller caller, UUID id) {
        UUID me = members.idOf(caller);
        QuarkusTransaction.requiringNew().run(() -> {
            PickupSlot slot = places.lock(id).orElseThrow(SlotService::notFound);
            if (me != null) {
                places.leave(slot, me, clock.instant());
            }
        });
    }

    /** Places offered and not taken in time go to the next member waiting. */
    @Scheduled(every = "${panier.drive.offer-check:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expireOffers() {
        Instant now = clock.instant();
        List<UUID> slots = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select distinct slot_id from waitlist_entry where offered_until <= ?1", UUID.class)
                .setParameter(1, now).getResultList());
        for (UUID id : slots) {
            try {
                QuarkusTransaction.requiringNew().run(() -> places.lock(id).ifPresent(s -> places.expireOffers(s, now)));
            } catch (RuntimeException e) {
                LOG.warnf(e, "Could not pass on the waitlist offers of slot %s", id);
            }
        }
    }

    /** The waitlists of all the slots in one query: their lengths, and where the caller stands. */
    private List<View> views(List<PickupSlot> slots, UUID me) {
        if (slots.isEmpty()) {
            return List.of();
        }
        record Standing(int length, Integer position, Instant offer) {
        }
        java.util.Map<UUID, Standing> standings = new java.util.HashMap<>();
        List<Object[]> rows = em.createNativeQuery("""
                select slot_id, length, position, offered_until, member_id = ?2 from (
                    select slot_id, member_id, offered_until, count(*) over (partition by slot_id) as length,
                           row_number() over (partition by slot_id order by joined_at) as position
                    from waitlist_entry where slot_id in (?1)) w
                where position = 1 or member_id = ?2""", Object[].class)
                .setParameter(1, slots.stream().map(s -> s.id).toList())
                .setParameter(2, me == null ? new UUID(0, 0) : me).getResultList();
        for (Object[] row : rows) {
            UUID slot = (UUID) row[0];
            int length = ((Number) row[1]).intValue();
            if (Boolean.TRUE.equals(row[4])) {
                standings.put(slot, new Standing(length, ((Number) row[2]).intValue(),
                        SqlValues.instant(row[3])));
            } else {
                standings.putIfAbsent(slot, new Standing(length, null, null));
            }
        }
        return slots.stream().map(s -> {
            Standing standing = standings.getOrDefault(s.id, new Standing(0, null, null));
            return new View(s, standing.length(), standing.position(), standing.offer());
        }).toList();
    }

    private PickupSlot slotOf(Definition d, String field) {
        if (!d.endsAt().isAfter(d.startsAt())) {
            throw ProblemException.invalidField(field + "endsAt", "doit être après le début");
        }
        Instant deadline = d.orderDeadline() == null ? deadlineBefore(d.startsAt(), deadlineHours) : d.orderDeadline();
        if (deadline.isAfter(d.startsAt())) {
            throw ProblemException.invalidField(field + "orderDeadline", "doit être avant le début du créneau");
        }
        PickupSlot slot = new PickupSlot();
        slot.id = UUID.randomUUID();
        slot.place = d.place().strip();
        slot.startsAt = d.startsAt();
        slot.endsAt = d.endsAt();
        slot.capacity = d.capacity();
        slot.orderDeadline = deadline;
        return slot;
    }

    /**
     * "48 hours before" as the co-op reads it: whole days back on its calendar, at the same local
     * hour, even across a change of clocks; the hours left over are counted on the timeline.
     */
    private Instant deadlineBefore(Instant startsAt, int hours) {
        return startsAt.atZone(clock.getZone()).minusDays(hours / 24).minusHours(hours % 24).toInstant();
    }

    static ProblemException notFound() {
        return ProblemException.notFound("Aucun créneau ne porte cet identifiant.");
    }
}
