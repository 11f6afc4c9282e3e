package coop.panier.drive;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import coop.panier.common.Caller;
import coop.panier.common.Cursor;
import coop.panier.common.ProblemException;
import coop.panier.members.Member;
import coop.panier.members.MemberRepository;
import coop.panier.volunteering.DoorAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Reading orders: a member's own, or all of them for admins, with what the screens show next to them. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OrderQueries {

    @Inject
    EntityManager em;

    @Inject
    MemberRepository members;

    @Inject
    Clock clock;

    @Inject
    DoorAccess door;

    /** An order with its member, its slot, and for admins the household's orders not collected. */
    public record View(Order order, Member member, PickupSlot slot, Integer householdNoShows, Long paidCents,
            boolean changeable) {
    }

    public record Filter(UUID slotId, LocalDate day, Order.Status status, String text) {
    }

    public record Week(LocalDate weekStart, long orders, long revenueCents) {
    }

    public View get(Caller caller, UUID id) {
        Order order = em.find(Order.class, id);
        if (order == null || (!caller.seesAll() && !order.memberId.equals(members.idOf(caller)))) {
            throw OrderService.notFound();
        }
        return views(List.of(order), caller.seesAll()).get(0);
    }

    /** The order just handed over, to whoever handed it over (OrderLifecycle.pickUp let them through). */
    public View handedOver(Caller caller, UUID id) {
        return views(List.of(em.find(Order.class, id)), caller.seesAll()).get(0);
    }

    /**
     * Newest slot first; a member sees only their own orders, but a member at the door (DoorAccess)
     * sees every basket of the slot or the day they ask for, as the pickup screen shows them.
     */
    public Cursor.Slice<View> page(Caller caller, Filter filter, Integer limit, String cursor) {
        record After(Instant startsAt, UUID id) {
        }
        After after = Cursor.read(cursor, 2, key -> new After(Instant.parse(key.get(0)), UUID.fromString(key.get(1))));
        StringBuilder where = new StringBuilder("s.id = o.slotId");
        Map<String, Object> params = new LinkedHashMap<>();
        boolean pickupScreen = filter.slotId() != null || filter.day() != null;
        if (!caller.seesAll() && !(pickupScreen && door.open(caller))) {
            where.append(" and o.memberId = :me");
            UUID me = members.idOf(caller);
            params.put("me", me == null ? new UUID(0, 0) : me);
        }
        if (filter.slotId() != null) {
            where.append(" and o.slotId = :slot");
            params.put("slot", filter.slotId());
        }
        if (filter.day() != null) {
            ZoneId zone = clock.getZone();
            where.append(" and s.startsAt >= :dayStart and s.startsAt < :dayEnd");
            params.put("dayStart", filter.day().atStartOfDay(zone).toInstant());
            params.put("dayEnd", filter.day().plusDays(1).atStartOfDay(zone).toInstant());
        }
        if (filter.status() != null) {
            where.append(" and o.status = :status");
            params.put("status", filter.status());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            where.append(" and o.memberId in (select m.id from Member m where cast(function('search_text',"
                    + " concat(m.firstName, ' ', m.lastName, ' ', m.memberNumber)) as String)"
                    + " like concat('%', cast(function('search_text', :text) as String), '%'))");
            params.put("text", filter.text().strip());
        }
        if (after != null) {
            where.append(" and (s.startsAt < :afterStart or (s.startsAt = :afterStart and o.id > :afterId))");
            params.put("afterStart", after.startsAt());
            params.put("afterId", after.id());
        }
        int size = Cursor.limit(limit);
        var query = em.createQuery("select o from CustomerOrder o, PickupSlot s where " + where
                + " order by s.startsAt desc, o.id", Order.class).setMaxResults(size + 1);
        params.forEach(query::setParameter);
        List<Order> found = query.getResultList();
        List<View> views = views(found, caller.seesAll());
        return Cursor.slice(views, size, v -> new String[] { v.slot().startsAt.toString(), v.order().id.toString() });
    }

    /** Orders and revenue by the week of their slot; cancelled orders do not count. */
    public List<Week> stats(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ProblemException.invalidField("to", "doit être après from");
        }
        LocalDate first = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        if (first.plusWeeks(53).isBefore(to)) {
            throw ProblemException.invalidField("to", "au plus 53 semaines");
        }
        ZoneId zone = clock.getZone();
        List<Object[]> rows = em.createQuery("select s.startsAt, o.totalCents from CustomerOrder o, PickupSlot s"
                + " where s.id = o.slotId and o.status <> :cancelled and s.startsAt >= :from and s.startsAt < :to",
                Object[].class)
                .setParameter("cancelled", Order.Status.CANCELLED)
                .setParameter("from", first.atStartOfDay(zone).toInstant())
                .setParameter("to", to.plusDays(1).atStartOfDay(zone).toInstant()).getResultList();
        Map<LocalDate, long[]> weeks = new LinkedHashMap<>();
        for (LocalDate week = first; !week.isAfter(to); week = week.plusWeeks(1)) {
            weeks.put(week, new long[2]);
        }
        for (Object[] row : rows) {
            LocalDate week = ((Instant) row[0]).atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            long[] sums = weeks.get(week);
            if (sums != null) {
                sums[0]++;
                sums[1] += (Long) row[1];
            }
        }
        return weeks.entrySet().stream().map(e -> new Week(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }

    /** Members, slots and no-shows fetched once for the whole page, not once per order. */
    List<View> views(List<Order> orders, boolean admin) {
        if (orders.isEmpty()) {
            return List.of();
        }
        Map<UUID, Member> memberById = byId(em.createQuery("from Member m where m.id in :ids", Member.class)
                .setParameter("ids", ids(orders, o -> o.memberId)).getResultList(), m -> m.id);
        Map<UUID, PickupSlot> slotById = byId(em.createQuery("from PickupSlot s where s.id in :ids", PickupSlot.class)
                .setParameter("ids", ids(orders, o -> o.slotId)).getResultList(), s -> s.id);
        Map<UUID, Long> noShows = Map.of();
        if (admin) {
            noShows = em.createQuery("select o.householdId, count(o) from CustomerOrder o where o.status = :noShow"
                    + " and o.householdId in :ids group by o.householdId", Object[].class)
                    .setParameter("noShow", Order.Status.NO_SHOW).setParameter("ids", ids(orders, o -> o.householdId))
                    .getResultList().stream().collect(Collectors.toMap(r -> (UUID) r[0], r -> (Long) r[1]));
        }
        Map<UUID, Long> paid = em.createQuery("select e.orderId, -sum(e.amountCents) from LedgerEntry e"
                + " where e.orderId in :ids and e.kind = coop.panier.memberships.LedgerEntry.Kind.PAYMENT group by e.orderId",
                Object[].class).setParameter("ids", ids(orders, o -> o.id)).getResultList().stream()
                .collect(Collectors.toMap(r -> (UUID) r[0], r -> ((Number) r[1]).longValue()));
        Instant now = clock.instant();
        List<View> views = new ArrayList<>();
        for (Order o : orders) {
            PickupSlot slot = slotById.get(o.slotId);
            views.add(new View(o, memberById.get(o.memberId), slot,
                    admin ? noShows.getOrDefault(o.householdId, 0L).intValue() : null,
                    o.status == Order.Status.PICKED_UP ? paid.getOrDefault(o.id, 0L) : null,
                    o.status == Order.Status.PLACED && slot.beforeDeadline(now)));
        }
        return views;
    }

    private static <T> List<UUID> ids(Collection<Order> orders, Function<Order, UUID> id) {
        return orders.stream().map(id).distinct().toList();
    }

    private static <T> Map<UUID, T> byId(List<T> items, Function<T, UUID> id) {
        return items.stream().collect(Collectors.toMap(id, t -> t));
    }
}
