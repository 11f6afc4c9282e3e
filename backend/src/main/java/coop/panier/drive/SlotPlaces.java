package coop.panier.drive;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import coop.panier.common.ProblemException;
import coop.panier.integrations.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * The places of a slot and its waitlist. Every method runs in its caller's transaction with
 * the slot's row locked by {@link #lock}, so counters move one transaction at a time. PostgreSQL
 * counts `booked` itself from the slot's orders (V11) and its `booked + held <= capacity` check
 * refuses whatever slips through; the slot's fields here follow what the database does.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SlotPlaces {

    @Inject
    EntityManager em;

    @Inject
    OrderEvents events;

    @ConfigProperty(name = "panier.drive.offer-hours", defaultValue = "12")
    int offerHours;

    /** Locks the slots in id order, so that two transactions never wait on each other. */
    public List<PickupSlot> lock(Collection<UUID> ids) {
        return em.createQuery("from PickupSlot s where s.id in :ids order by s.id", PickupSlot.class)
                .setParameter("ids", ids).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    public Optional<PickupSlot> lock(UUID id) {
        return lock(List.of(id)).stream().findFirst();
    }

    /**
     * Makes room for the member's order, which the caller then writes into the slot: the place
     * kept for them if the waitlist offered it, else a free one.
     */
    public void take(PickupSlot slot, UUID memberId, Instant now) {
        refuseUnlessOrderable(slot, now);
        // An offer past its time is over even if the job has not run yet: were it deleted below
        // without its place, the slot would keep that place held for nobody.
        expireOffers(slot, now);
        int offered = em.createNativeQuery("delete from waitlist_entry where slot_id = ?1 and member_id = ?2"
                + " and offered_until > ?3").setParameter(1, slot.id).setParameter(2, memberId).setParameter(3, now)
                .executeUpdate();
        if (offered == 0 && slot.booked + slot.held >= slot.capacity) {
            throw ProblemException.conflict("Ce créneau est complet. Vous pouvez rejoindre sa liste d'attente.");
        }
        if (offered > 0) {
            em.createNativeQuery("update pickup_slot set held = held - 1 where id = ?1").setParameter(1, slot.id)
                    .executeUpdate();
            slot.held--;
        }
        em.createNativeQuery("delete from waitlist_entry where slot_id = ?1 and member_id = ?2")
                .setParameter(1, slot.id).setParameter(2, memberId).executeUpdate();
        slot.booked++;
    }

    /**
     * An order has left the slot (cancelled or moved, and written: the database has counted it
     * out); the first member waiting is offered the place.
     */
    public void release(PickupSlot slot, Instant now) {
        slot.booked--;
        offerFreePlaces(slot, now);
    }

    /** Offers each free place to the next member waiting, and keeps it for them a while. */
    public void offerFreePlaces(PickupSlot slot, Instant now) {
        while (slot.takesOrders(now) && slot.booked + slot.held < slot.capacity) {
            Instant until = now.plus(Duration.ofHours(offerHours));
            if (until.isAfter(slot.orderDeadline)) {
                until = slot.orderDeadline;
            }
            List<?> offered = em.createNativeQuery("""
                    update waitlist_entry set offered_until = ?2 where (slot_id, member_id) = (
                        select slot_id, member_id from waitlist_entry where slot_id = ?1 and offered_until is null
                        order by joined_at limit 1)
                    returning member_id""")
                    .setParameter(1, slot.id).setParameter(2, until).getResultList();
            if (offered.isEmpty()) {
                return;
            }
            events.waitlist(EventType.WAITLIST_PLACE_OFFERED, slot, (UUID) offered.get(0), until);
            em.createNativeQuery("update pickup_slot set held = held + 1 where id = ?1").setParameter(1, slot.id)
                    .executeUpdate();
            slot.held++;
        }
    }

    /** Offers not taken in time go to the next member. */
    public void expireOffers(PickupSlot slot, Instant now) {
        List<?> gone = em.createNativeQuery("delete from waitlist_entry where slot_id = ?1 and offered_until <= ?2"
                + " returning member_id").setParameter(1, slot.id).setParameter(2, now).getResultList();
        gone.forEach(member -> events.waitlist(EventType.WAITLIST_OFFER_EXPIRED, slot, (UUID) member, null));
        int expired = gone.size();
        if (expired > 0) {
            em.createNativeQuery("update pickup_slot set held = held - ?2 where id = ?1").setParameter(1, slot.id)
                    .setParameter(2, expired).executeUpdate();
            slot.held -= expired;
        }
        offerFreePlaces(slot, now);
    }

    public void join(PickupSlot slot, UUID memberId, Instant now) {
        refuseUnlessOrderable(slot, now);
        if (slot.booked + slot.held < slot.capacity) {
            throw ProblemException.conflict("Ce créneau a encore des places : commandez directement.");
        }
        em.createNativeQuery("insert into waitlist_entry (slot_id, member_id) values (?1, ?2) on conflict do nothing")
                .setParameter(1, slot.id).setParameter(2, memberId).executeUpdate();
    }

    public void leave(PickupSlot slot, UUID memberId, Instant now) {
        Object offered = em.createNativeQuery("delete from waitlist_entry where slot_id = ?1 and member_id = ?2"
                + " returning offered_until is not null").setParameter(1, slot.id).setParameter(2, memberId)
                .getResultStream().findFirst().orElse(null);
        if (Boolean.TRUE.equals(offered)) {
            em.createNativeQuery("update pickup_slot set held = held - 1 where id = ?1").setParameter(1, slot.id)
                    .executeUpdate();
            slot.held--;
            offerFreePlaces(slot, now);
        }
    }

    /** When the capacity shrinks, the latest offers go back to waiting, in their turn. */
    public void withdrawOffers(PickupSlot slot, int capacity) {
        int excess = Math.min(slot.booked + slot.held - capacity, slot.held);
        if (excess <= 0) {
            return;
        }
        int withdrawn = em.createNativeQuery("""
                update waitlist_entry set offered_until = null where (slot_id, member_id) in (
                    select slot_id, member_id from waitlist_entry where slot_id = ?1 and offered_until is not null
                    order by joined_at desc limit ?2)""").setParameter(1, slot.id).setParameter(2, excess).executeUpdate();
        em.createNativeQuery("update pickup_slot set held = held - ?2 where id = ?1").setParameter(1, slot.id)
                .setParameter(2, withdrawn).executeUpdate();
        slot.held -= withdrawn;
    }

    /** A cancelled slot keeps nobody waiting. */
    public void closeWaitlist(PickupSlot slot) {
        em.createNativeQuery("delete from waitlist_entry where slot_id = ?1").setParameter(1, slot.id).executeUpdate();
        em.createNativeQuery("update pickup_slot set held = 0 where id = ?1").setParameter(1, slot.id).executeUpdate();
        slot.held = 0;
    }

    static void refuseUnlessOrderable(PickupSlot slot, Instant now) {
        if (slot.status == PickupSlot.Status.CANCELLED) {
            throw ProblemException.conflict("Ce créneau a été annulé : " + slot.cancelReason);
        }
        if (slot.status == PickupSlot.Status.CLOSED) {
            throw ProblemException.conflict("Ce créneau ne prend plus de commandes.");
        }
        if (!slot.beforeDeadline(now)) {
            throw ProblemException.conflict("La date limite de commande de ce créneau ("
                    + DriveTexts.dateTime(slot.orderDeadline) + ") est passée.");
        }
    }
}
