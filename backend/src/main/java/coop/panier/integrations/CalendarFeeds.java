package coop.panier.integrations;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import coop.panier.common.Caller;
import coop.panier.common.ProblemException;
import coop.panier.members.Member;
import coop.panier.members.MemberRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * A member's private calendar (RFC 5545), reached by a secret address that any calendar app can
 * subscribe to: their pickup slots, the volunteer shifts they hold a seat in, and the co-op's
 * assemblies to come.
 */
@ApplicationScoped
@Transactional
public class CalendarFeeds {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    MemberRepository members;

    @Inject
    EntityManager em;

    /** The secret of the caller's feed, made on their first ask. */
    public String tokenOf(Caller caller) {
        Member member = members.findBySubject(caller.subject()).orElseThrow(CalendarFeeds::noMember);
        em.createNativeQuery("insert into calendar_feed (member_id, token) values (?1, ?2) on conflict (member_id) do nothing")
                .setParameter(1, member.id).setParameter(2, newToken()).executeUpdate();
        return (String) em.createNativeQuery("select token from calendar_feed where member_id = ?1")
                .setParameter(1, member.id).getSingleResult();
    }

    /** A new secret: the address given out before stops working. */
    public String rotate(Caller caller) {
        Member member = members.findBySubject(caller.subject()).orElseThrow(CalendarFeeds::noMember);
        String token = newToken();
        em.createNativeQuery("insert into calendar_feed (member_id, token) values (?1, ?2)"
                + " on conflict (member_id) do update set token = excluded.token, created_at = now()")
                .setParameter(1, member.id).setParameter(2, token).executeUpdate();
        return token;
    }

    /** The feed behind a secret, or a 404 for one that names no feed (never said apart from a revoked one). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String calendar(String token) {
        List<?> owner = em.createNativeQuery("select f.member_id from calendar_feed f join member m on m.id = f.member_id"
                + " where f.token = ?1 and m.erased_at is null").setParameter(1, token).getResultList();
        if (owner.isEmpty()) {
            throw ProblemException.notFound("Aucun calendrier à cette adresse.");
        }
        List<Object[]> pickups = em.createNativeQuery("""
                select o.id, o.number, s.place, s.starts_at, s.ends_at, o.total_cents
                from customer_order o join pickup_slot s on s.id = o.slot_id
                where o.member_id = ?1 and o.status in ('PLACED', 'PREPARED') order by s.starts_at""", Object[].class)
                .setParameter(1, owner.get(0)).getResultList();
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Panier//Calendrier de l'adhérent//FR"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        for (Object[] pickup : pickups) {
            VEvent event = new VEvent((Instant) pickup[3], (Instant) pickup[4], "Retrait de la commande n° " + pickup[1]);
            event.add(new Uid("order-" + pickup[0] + "@panier"));
            event.add(new Location((String) pickup[2]));
            event.add(new Description("Total : " + MailTexts.money(((Number) pickup[5]).longValue(), "fr")));
            calendar.add(event);
        }
        // Live sign-ups only: a seat given back or to a stand-in leaves the member's calendar.
        List<Object[]> shifts = em.createNativeQuery("""
                select sh.id, sh.task, sh.place, sh.starts_at, sh.ends_at
                from shift_signup s join shift sh on sh.id = s.shift_id
                where s.member_id = ?1 and s.status = 'SIGNED_UP' and sh.status = 'OPEN' order by sh.starts_at""",
                Object[].class).setParameter(1, owner.get(0)).getResultList();
        for (Object[] shift : shifts) {
            VEvent event = new VEvent((Instant) shift[3], (Instant) shift[4], "Bénévolat : " + shift[1]);
            event.add(new Uid("shift-" + shift[0] + "@panier"));
            event.add(new Location((String) shift[2]));
            event.add(new Description("Créneau de bénévolat « " + shift[1] + " ». Empêché·e ? Désinscrivez-vous ou cherchez un remplaçant"
                    + " depuis la page Bénévolat."));
            calendar.add(event);
        }
        // The workshops where the member holds a place (not those they wait for).
        List<Object[]> workshops = em.createNativeQuery("""
                select w.id, w.title, w.place, w.starts_at, w.ends_at
                from workshop_registration r join workshop w on w.id = r.workshop_id
                where r.member_id = ?1 and r.status = 'CONFIRMED' and w.status = 'OPEN' order by w.starts_at""",
                Object[].class).setParameter(1, owner.get(0)).getResultList();
        for (Object[] workshop : workshops) {
            VEvent event = new VEvent((Instant) workshop[3], (Instant) workshop[4], "Atelier : " + workshop[1]);
            event.add(new Uid("workshop-" + workshop[0] + "@panier"));
            event.add(new Location((String) workshop[2]));
            event.add(new Description("Empêché·e ? Libérez votre place pour la personne suivante depuis la page Ateliers."));
            calendar.add(event);
        }
        // The co-op's assemblies to come or under way: every member is invited.
        List<Object[]> assemblies = em.createNativeQuery("""
                select id, title, place, starts_at, ends_at from assembly where status <> 'CLOSED' order by starts_at""",
                Object[].class).getResultList();
        for (Object[] assembly : assemblies) {
            VEvent event = new VEvent((Instant) assembly[3], (Instant) assembly[4], "Assemblée : " + assembly[1]);
            event.add(new Uid("assembly-" + assembly[0] + "@panier"));
            event.add(new Location((String) assembly[2]));
            event.add(new Description("Ordre du jour, procuration et compte rendu depuis la page Assemblées."));
            calendar.add(event);
        }
        return calendar.toString();
    }

    private static String newToken() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private static ProblemException noMember() {
        return ProblemException.notFound("Aucun adhérent n'est lié à ce compte.");
    }
}
