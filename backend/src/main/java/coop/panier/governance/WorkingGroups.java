package coop.panier.governance;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import coop.panier.common.Caller;
import coop.panier.common.Cursor;
import coop.panier.common.ETags;
import coop.panier.common.ProblemException;
import coop.panier.common.SqlValues;
import coop.panier.members.Member;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Working groups (commissions): created and edited by admins, joined and left by any active
 * member, with their coming meetings and the notes their members write for everyone to read.
 */
@ApplicationScoped
@Transactional
public class WorkingGroups {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Participants participants;

    /** Stands for a caller who is not a member yet: nobody's id. */
    private static final UUID NOBODY = new UUID(0, 0);

    public record Meeting(Instant startsAt, String place, String note) {
    }

    public record Definition(String name, String description, List<Meeting> meetings) {
    }

    public record MemberLine(UUID memberId, String name, Instant joinedAt) {
    }

    /** A group as the caller reads it; its members only on the read of one group. */
    public record View(WorkingGroup group, List<Meeting> meetings, int memberCount, boolean isMember, int openProposals,
            List<MemberLine> members) {
    }

    public record Note(UUID id, UUID groupId, UUID authorId, String authorName, String body, Instant writtenAt) {
    }

    public WorkingGroup create(Definition definition) {
        WorkingGroup group = new WorkingGroup();
        group.id = UUID.randomUUID();
        group.createdAt = clock.instant();
        apply(group, definition);
        em.persist(group);
        em.flush();
        replaceMeetings(group.id, definition.meetings());
        return group;
    }

    public WorkingGroup update(UUID groupId, String ifMatch, Definition definition) {
        WorkingGroup group = find(groupId);
        ETags.requireCurrent(ifMatch, group.version);
        apply(group, definition);
        // A new version even when only the meetings changed.
        em.lock(group, jakarta.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        em.flush();
        replaceMeetings(group.id, definition.meetings());
        return group;
    }

    private void apply(WorkingGroup group, Definition definition) {
        String name = ProposalService.required("name", definition.name());
        boolean taken = !em.createNativeQuery("select 1 from working_group where lower(btrim(name)) = lower(?1) and id <> ?2")
                .setParameter(1, name).setParameter(2, group.id).getResultList().isEmpty();
        if (taken) {
            throw ProblemException.conflict("Une commission porte déjà ce nom.");
        }
        group.name = name;
        group.description = definition.description() == null ? "" : definition.description().strip();
    }

    private void replaceMeetings(UUID groupId, List<Meeting> meetings) {
        em.createNativeQuery("delete from working_group_meeting where group_id = ?1").setParameter(1, groupId).executeUpdate();
        for (int i = 0; meetings != null && i < meetings.size(); i++) {
            Meeting meeting = meetings.get(i);
            em.createNativeQuery("insert into working_group_meeting (id, group_id, starts_at, place, note) values (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, groupId).setParameter(3, meeting.startsAt())
                    .setParameter(4, ProposalService.required("meetings[" + i + "].place", meeting.place()))
                    .setParameter(5, ProposalService.optional(meeting.note())).executeUpdate();
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public View get(Caller caller, UUID groupId) {
        WorkingGroup group = find(groupId);
        UUID me = participants.reader(caller).map(m -> m.id).orElse(null);
        return view(group, me, members(groupId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Cursor.Slice<View> page(Caller caller, Integer limit, String cursor) {
        int size = Cursor.limit(limit);
        record Key(String name, UUID id) {
        }
        Key after = Cursor.read(cursor, 2, k -> new Key(k.get(0), UUID.fromString(k.get(1))));
        UUID me = participants.reader(caller).map(m -> m.id).orElse(null);
        List<WorkingGroup> groups = (after == null
                ? em.createQuery("from WorkingGroup order by lower(name), id", WorkingGroup.class)
                : em.createQuery("from WorkingGroup where lower(name) > :name or (lower(name) = :name and id > :id)"
                        + " order by lower(name), id", WorkingGroup.class).setParameter("name", after.name())
                        .setParameter("id", after.id()))
                .setMaxResults(size + 1).getResultList();
        List<View> views = groups.stream().map(g -> view(g, me, null)).toList();
        return Cursor.slice(views, size, v -> new String[] { v.group().name.toLowerCase(), v.group().id.toString() });
    }

    private View view(WorkingGroup group, UUID me, List<MemberLine> members) {
        Instant now = clock.instant();
        List<Meeting> meetings = new ArrayList<>();
        for (Object[] row : SqlValues.rows(em.createNativeQuery("select starts_at, place, note from working_group_meeting"
                + " where group_id = ?1 and starts_at >= ?2 order by starts_at, id", Object[].class)
                .setParameter(1, group.id).setParameter(2, now).getResultList())) {
            meetings.add(new Meeting((Instant) row[0], (String) row[1], (String) row[2]));
        }
        Object[] counts = (Object[]) em.createNativeQuery("""
                select (select count(*) from working_group_member g join member m on m.id = g.member_id
                        where g.group_id = ?1 and m.status = 'ACTIVE' and m.erased_at is null),
                       (select count(*) from working_group_member where group_id = ?1 and member_id = ?2),
                       (select count(*) from proposal where group_id = ?1 and status = 'OPEN' and deadline > ?3)""", Object[].class)
                .setParameter(1, group.id).setParameter(2, me == null ? NOBODY : me).setParameter(3, now).getSingleResult();
        return new View(group, meetings, ((Number) counts[0]).intValue(), ((Number) counts[1]).intValue() > 0,
                ((Number) counts[2]).intValue(), members);
    }

    private List<MemberLine> members(UUID groupId) {
        List<MemberLine> lines = new ArrayList<>();
        for (Object[] row : SqlValues.rows(em.createNativeQuery("""
                select m.id, m.first_name || ' ' || m.last_name, g.joined_at
                from working_group_member g join member m on m.id = g.member_id
                where g.group_id = ?1 and m.status <> 'LEFT' and m.erased_at is null
                order by m.first_name, m.last_name, m.id""", Object[].class).setParameter(1, groupId).getResultList())) {
            lines.add(new MemberLine((UUID) row[0], (String) row[1], (Instant) row[2]));
        }
        return lines;
    }

    /** Open membership: the caller joins (again: nothing changes). */
    public View join(Caller caller, UUID groupId) {
        WorkingGroup group = find(groupId);
        Member member = participants.active(caller);
        em.createNativeQuery("insert into working_group_member (group_id, member_id, joined_at) values (?1, ?2, ?3)"
                + " on conflict do nothing").setParameter(1, group.id).setParameter(2, member.id)
                .setParameter(3, clock.instant()).executeUpdate();
        return view(group, member.id, members(groupId));
    }

    /** The caller leaves; their responses and notes stay. */
    public void leave(Caller caller, UUID groupId) {
        WorkingGroup group = find(groupId);
        Member member = participants.reader(caller).orElseThrow(WorkingGroups::notAMember);
        int left = em.createNativeQuery("delete from working_group_member where group_id = ?1 and member_id = ?2")
                .setParameter(1, group.id).setParameter(2, member.id).executeUpdate();
        if (left == 0) {
            throw notAMember();
        }
    }

    private static ProblemException notAMember() {
        return ProblemException.notFound("Vous n'êtes pas membre de cette commission.");
    }

    public Note write(Caller caller, UUID groupId, String body) {
        WorkingGroup group = find(groupId);
        Member member = participants.active(caller);
        participants.requireInGroup(group.id, member.id);
        Note note = new Note(UUID.randomUUID(), group.id, member.id, participants.name(member.id),
                ProposalService.required("body", body), clock.instant());
        em.createNativeQuery("insert into working_group_note (id, group_id, author_id, body, written_at) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, note.id()).setParameter(2, group.id).setParameter(3, member.id).setParameter(4, note.body())
                .setParameter(5, note.writtenAt()).executeUpdate();
        return note;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Cursor.Slice<Note> notes(UUID groupId, Integer limit, String cursor) {
        find(groupId);
        int size = Cursor.limit(limit);
        record Key(Instant at, UUID id) {
        }
        Key after = Cursor.read(cursor, 2, k -> new Key(Instant.parse(k.get(0)), UUID.fromString(k.get(1))));
        var query = em.createNativeQuery("select n.id, n.group_id, n.author_id, m.first_name || ' ' || m.last_name, n.body, n.written_at"
                + " from working_group_note n join member m on m.id = n.author_id where n.group_id = :group"
                + (after == null ? "" : " and (n.written_at, n.id) < (:at, :id)")
                + " order by n.written_at desc, n.id desc limit :size", Object[].class)
                .setParameter("group", groupId).setParameter("size", size + 1);
        if (after != null) {
            query.setParameter("at", after.at()).setParameter("id", after.id());
        }
        List<Note> notes = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            notes.add(new Note((UUID) r[0], (UUID) r[1], (UUID) r[2], (String) r[3], (String) r[4], (Instant) r[5]));
        }
        return Cursor.slice(notes, size, n -> new String[] { n.writtenAt().toString(), n.id().toString() });
    }

    private WorkingGroup find(UUID groupId) {
        WorkingGroup group = em.find(WorkingGroup.class, groupId);
        if (group == null) {
            throw ProblemException.notFound("Cette commission n'existe pas.");
        }
        return group;
    }
}
