package coop.panier.volunteering;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import coop.panier.common.Caller;
import coop.panier.common.Cursor;
import coop.panier.common.ProblemException;
import coop.panier.members.MemberRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The skills the co-op defines (« caisse formée », « premiers secours ») and who holds them. */
@ApplicationScoped
@Transactional
public class Skills {

    public record Skill(UUID id, String name, String description, int holders) {
    }

    public record Holder(UUID memberId, String memberNumber, String firstName, String lastName, UUID skillId,
            Instant grantedAt) {
    }

    public record Ref(UUID id, String name) {
    }

    @Inject
    EntityManager em;

    @Inject
    MemberRepository members;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Skill> all() {
        List<Object[]> rows = em.createNativeQuery("""
                select s.id, s.name, s.description, (select count(*) from member_skill h where h.skill_id = s.id)
                from skill s order by lower(s.name)""", Object[].class).getResultList();
        return rows.stream().map(r -> new Skill((UUID) r[0], (String) r[1], (String) r[2], ((Number) r[3]).intValue()))
                .toList();
    }

    public Skill create(String name, String description) {
        String wanted = name.strip();
        String about = description == null || description.isBlank() ? null : description.strip();
        boolean taken = !em.createNativeQuery("select 1 from skill where plain_name(name) = plain_name(?1)")
                .setParameter(1, wanted).getResultList().isEmpty();
        if (taken) {
            throw ProblemException.conflict("La compétence « " + wanted + " » existe déjà.");
        }
        UUID id = UUID.randomUUID();
        em.createNativeQuery("insert into skill (id, name, description) values (?1, ?2, nullif(?3, ''))")
                .setParameter(1, id).setParameter(2, wanted).setParameter(3, about == null ? "" : about).executeUpdate();
        return new Skill(id, wanted, about, 0);
    }

    /** The holders of a skill, by member number. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Cursor.Slice<Holder> holders(UUID skillId, Integer limit, String cursor) {
        String after = Cursor.read(cursor, 1, key -> key.get(0));
        requireSkill(skillId);
        int size = Cursor.limit(limit);
        List<Object[]> rows = em.createNativeQuery("""
                select m.id, m.member_number, m.first_name, m.last_name, h.skill_id, h.granted_at
                from member_skill h join member m on m.id = h.member_id
                where h.skill_id = ?1 and m.member_number > ?2 order by m.member_number""", Object[].class)
                .setParameter(1, skillId).setParameter(2, after == null ? "" : after).setMaxResults(size + 1)
                .getResultList();
        return Cursor.slice(rows.stream().map(Skills::holder).toList(), size, h -> new String[] { h.memberNumber() });
    }

    /** Records that the member holds the skill; again is the same. */
    public Holder grant(Caller caller, UUID memberId, UUID skillId) {
        requireSkill(skillId);
        if (members.findById(memberId) == null) {
            throw ProblemException.notFound("Aucun adhérent ne porte cet identifiant.");
        }
        em.createNativeQuery("insert into member_skill (member_id, skill_id, granted_at, granted_by) values (?1, ?2, ?3,"
                + " (select id from member where keycloak_subject = ?4)) on conflict do nothing")
                .setParameter(1, memberId).setParameter(2, skillId).setParameter(3, clock.instant())
                .setParameter(4, caller.subject()).executeUpdate();
        Object[] row = (Object[]) em.createNativeQuery("""
                select m.id, m.member_number, m.first_name, m.last_name, h.skill_id, h.granted_at
                from member_skill h join member m on m.id = h.member_id
                where h.member_id = ?1 and h.skill_id = ?2""", Object[].class)
                .setParameter(1, memberId).setParameter(2, skillId).getSingleResult();
        return holder(row);
    }

    /** The member keeps the seats they took while they held it. */
    public void revoke(UUID memberId, UUID skillId) {
        int removed = em.createNativeQuery("delete from member_skill where member_id = ?1 and skill_id = ?2")
                .setParameter(1, memberId).setParameter(2, skillId).executeUpdate();
        if (removed == 0) {
            throw ProblemException.notFound("Cet adhérent n'a pas cette compétence.");
        }
    }

    /** The skills a member holds, by name. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Ref> of(UUID memberId) {
        if (memberId == null) {
            return List.of();
        }
        List<Object[]> rows = em.createNativeQuery("""
                select s.id, s.name from member_skill h join skill s on s.id = h.skill_id
                where h.member_id = ?1 order by lower(s.name)""", Object[].class).setParameter(1, memberId)
                .getResultList();
        return rows.stream().map(r -> new Ref((UUID) r[0], (String) r[1])).toList();
    }

    /** The names of the skills, for the ids that exist; a missing one is a 400 on `field`. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, String> names(List<UUID> ids, String field) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = em.createNativeQuery("select id, name from skill where id in (?1)", Object[].class)
                .setParameter(1, ids).getResultList();
        Map<UUID, String> names = new HashMap<>();
        rows.forEach(r -> names.put((UUID) r[0], (String) r[1]));
        for (UUID id : ids) {
            if (!names.containsKey(id)) {
                throw ProblemException.invalidField(field, "aucune compétence ne porte l'identifiant " + id);
            }
        }
        return names;
    }

    private void requireSkill(UUID skillId) {
        if (em.createNativeQuery("select 1 from skill where id = ?1").setParameter(1, skillId).getResultList().isEmpty()) {
            throw ProblemException.notFound("Aucune compétence ne porte cet identifiant.");
        }
    }

    private static Holder holder(Object[] r) {
        return new Holder((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (UUID) r[4], (Instant) r[5]);
    }
}
