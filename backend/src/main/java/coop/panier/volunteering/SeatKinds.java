package coop.panier.volunteering;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import coop.panier.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Seats that require a skill. A shift of N seats may keep some for the holders of a skill
 * (« 1 place caisse formée »); the others require none. Each sign-up takes a seat of one kind:
 * a member holding a skill whose seats are free takes one of those first, so that the seats
 * requiring nothing stay for those who hold nothing; a member without the skill never takes
 * a seat that requires it. PostgreSQL counts the same (V35) and refuses the sign-up too.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SeatKinds {

    static final String SKILL_REQUIRED = "shift-skill-required";

    /** Of a shift's seats, those requiring a skill, and how many are taken. */
    public record Need(UUID skillId, String skill, int seats, int taken) {
        int free() {
            return Math.max(seats - taken, 0);
        }
    }

    /** A shift's seats by kind: all of them, those taken without a skill, those requiring one. */
    public record Seats(int seats, int unskilledTaken, List<Need> needs) {

        int unskilledFree() {
            return Math.max(seats - needs.stream().mapToInt(Need::seats).sum() - unskilledTaken, 0);
        }

        /** The free seats someone holding these skills may take. */
        int freeFor(Set<UUID> held) {
            return unskilledFree() + needs.stream().filter(n -> held.contains(n.skillId())).mapToInt(Need::free).sum();
        }

        /**
         * The kind of seat someone holding these skills takes: a free one requiring a skill they
         * hold first, else a free one requiring none (the empty string's place: null skill).
         */
        Choice choose(Set<UUID> held) {
            for (Need need : needs) {
                if (held.contains(need.skillId()) && need.free() > 0) {
                    return new Choice(true, need.skillId());
                }
            }
            return new Choice(unskilledFree() > 0, null);
        }

        /** The same seats with one more sign-up of that kind. */
        Seats taking(Choice choice) {
            if (choice.skillId() == null) {
                return new Seats(seats, unskilledTaken + 1, needs);
            }
            return new Seats(seats, unskilledTaken, needs.stream().map(n -> n.skillId().equals(choice.skillId())
                    ? new Need(n.skillId(), n.skill(), n.seats(), n.taken() + 1) : n).toList());
        }
    }

    /** A seat someone may take: possible or not, and which kind (null: requiring no skill). */
    public record Choice(boolean possible, UUID skillId) {
    }

    /** Someone to seat, with the skills they hold. */
    public record Candidate(UUID memberId, Set<UUID> skills) {
    }

    /**
     * Seats several members at once (the holders of a template's regular seats) on empty seats:
     * those holding a required skill first, so that the seats requiring none stay for the
     * others. Who cannot be seated is absent from the answer.
     */
    static Map<UUID, UUID> seatAll(Seats empty, List<Candidate> candidates) {
        List<Candidate> order = new ArrayList<>(candidates);
        Set<UUID> required = new HashSet<>(empty.needs().stream().map(Need::skillId).toList());
        order.sort(Comparator.comparing(c -> c.skills().stream().noneMatch(required::contains)));
        Map<UUID, UUID> seated = new LinkedHashMap<>();
        Seats seats = empty;
        for (Candidate c : order) {
            Choice choice = seats.choose(c.skills());
            if (choice.possible()) {
                seated.put(c.memberId(), choice.skillId());
                seats = seats.taking(choice);
            }
        }
        return seated;
    }

    @Inject
    EntityManager em;

    /** The seats by kind of each of these shifts, in two queries. */
    public Map<UUID, Seats> of(Collection<UUID> shiftIds) {
        Map<UUID, Seats> all = new HashMap<>();
        if (shiftIds.isEmpty()) {
            return all;
        }
        List<Object[]> shifts = em.createNativeQuery("""
                select s.id, s.seats, (select count(*) from shift_signup g where g.shift_id = s.id
                                       and g.status = 'SIGNED_UP' and g.skill_id is null)
                from shift s where s.id in (?1)""", Object[].class).setParameter(1, shiftIds).getResultList();
        List<Object[]> needs = em.createNativeQuery("""
                select k.shift_id, k.skill_id, s.name, k.seats,
                       (select count(*) from shift_signup g where g.shift_id = k.shift_id and g.skill_id = k.skill_id
                        and g.status = 'SIGNED_UP')
                from shift_skilled_seat k join skill s on s.id = k.skill_id
                where k.shift_id in (?1) order by lower(s.name)""", Object[].class).setParameter(1, shiftIds)
                .getResultList();
        Map<UUID, List<Need>> byShift = new HashMap<>();
        for (Object[] r : needs) {
            byShift.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(new Need((UUID) r[1], (String) r[2],
                    ((Number) r[3]).intValue(), ((Number) r[4]).intValue()));
        }
        for (Object[] r : shifts) {
            all.put((UUID) r[0], new Seats(((Number) r[1]).intValue(), ((Number) r[2]).intValue(),
                    byShift.getOrDefault((UUID) r[0], List.of())));
        }
        return all;
    }

    public Seats of(UUID shiftId) {
        return of(List.of(shiftId)).get(shiftId);
    }

    /**
     * Seats these members on empty seats (so many, those requiring a skill as given), as
     * seatAll does; who cannot be seated is absent from the answer.
     */
    Map<UUID, UUID> seatOnEmpty(int seats, List<SkilledSeat> skilled, List<UUID> memberIds) {
        List<Need> needs = skilled.stream().map(k -> new Need(k.skillId(), "", k.seats(), 0)).toList();
        return seatAll(new Seats(seats, 0, needs), candidates(memberIds));
    }

    /** Each member with the skills they hold, in one query. */
    List<Candidate> candidates(List<UUID> memberIds) {
        Map<UUID, Set<UUID>> skills = new HashMap<>();
        memberIds.forEach(m -> skills.put(m, new HashSet<>()));
        if (!memberIds.isEmpty()) {
            List<Object[]> rows = em.createNativeQuery("select member_id, skill_id from member_skill where member_id in (?1)",
                    Object[].class).setParameter(1, memberIds).getResultList();
            rows.forEach(r -> skills.get((UUID) r[0]).add((UUID) r[1]));
        }
        return memberIds.stream().map(m -> new Candidate(m, skills.get(m))).toList();
    }

    /** The skills a member holds (none for a caller without a member). */
    public Set<UUID> held(UUID memberId) {
        if (memberId == null) {
            return Set.of();
        }
        return new HashSet<>(em.createNativeQuery("select skill_id from member_skill where member_id = ?1", UUID.class)
                .setParameter(1, memberId).getResultList());
    }

    /**
     * The kind of seat the member takes in the shift (null: one requiring no skill), under the
     * shift's row lock; a 409 naming the skill when only seats requiring one they lack are free.
     */
    public UUID seatFor(UUID shiftId, UUID memberId) {
        Seats seats = of(shiftId);
        Choice choice = seats.choose(held(memberId));
        if (!choice.possible()) {
            List<String> lacking = seats.needs().stream().filter(n -> n.free() > 0).map(n -> "« " + n.skill() + " »")
                    .toList();
            throw new ProblemException(409, SKILL_REQUIRED, "Place réservée à une compétence",
                    "Les places libres de ce créneau demandent la compétence " + String.join(" ou ", lacking)
                            + ", que la coopérative n'a pas notée pour vous : choisissez un autre créneau, ou"
                            + " demandez à un·e admin si vous l'avez.",
                    List.of());
        }
        return choice.skillId();
    }

    /** Checks seats requiring a skill against the seats: skills that exist, each once, at most the seats in all. */
    void validate(int seats, List<SkilledSeat> skilled, Skills skills) {
        Set<UUID> seen = new HashSet<>();
        for (SkilledSeat s : skilled) {
            if (!seen.add(s.skillId())) {
                throw ProblemException.invalidField("skilledSeats", "une compétence n'y figure qu'une fois");
            }
        }
        skills.names(List.copyOf(seen), "skilledSeats");
        int sum = skilled.stream().mapToInt(SkilledSeat::seats).sum();
        if (sum > seats) {
            throw ProblemException.invalidField("skilledSeats", sum + " places demandent une compétence, plus que les "
                    + seats + " places du créneau");
        }
    }

    /** A number of seats requiring a skill, as given for a shift or a template. */
    public record SkilledSeat(UUID skillId, int seats) {
    }

    /** Writes a shift's seats requiring a skill (replacing those it had). */
    void define(UUID shiftId, List<SkilledSeat> skilled) {
        em.createNativeQuery("delete from shift_skilled_seat where shift_id = ?1").setParameter(1, shiftId).executeUpdate();
        for (SkilledSeat s : skilled) {
            em.createNativeQuery("insert into shift_skilled_seat (shift_id, skill_id, seats) values (?1, ?2, ?3)")
                    .setParameter(1, shiftId).setParameter(2, s.skillId()).setParameter(3, s.seats()).executeUpdate();
        }
    }
}
