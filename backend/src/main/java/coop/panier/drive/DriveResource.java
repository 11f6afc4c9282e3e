package coop.panier.drive;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;

import coop.panier.api.DriveApi;
import coop.panier.api.model.BasketInput;
import coop.panier.api.model.BasketLineInput;
import coop.panier.api.model.CancellationInput;
import coop.panier.api.model.OrderCancellationInput;
import coop.panier.api.model.OrderInput;
import coop.panier.api.model.OrderPage;
import coop.panier.api.model.OrderStats;
import coop.panier.api.model.OrderStatus;
import coop.panier.api.model.OrderStatusInput;
import coop.panier.api.model.PickupInput;
import coop.panier.api.model.PickupSlotInput;
import coop.panier.api.model.PickupSlotList;
import coop.panier.api.model.PickupSlotSeriesInput;
import coop.panier.api.model.PickupSlotUpdate;
import coop.panier.api.model.WeekStats;
import coop.panier.common.Caller;
import coop.panier.common.Csv;
import coop.panier.common.Cursor;
import coop.panier.common.ETags;
import coop.panier.members.Person;
import coop.panier.memberships.LedgerEntry;
import coop.panier.volunteering.DoorAccess;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The drive over HTTP: slots, baskets, orders, preparation lists and pickup. */
public class DriveResource implements DriveApi {

    private static final MediaType PDF = MediaType.valueOf("application/pdf");
    private static final MediaType CSV = MediaType.valueOf("text/csv");

    @Inject
    SlotService slots;

    @Inject
    BasketService baskets;

    @Inject
    OrderService orders;

    @Inject
    OrderLifecycle lifecycle;

    @Inject
    OrderQueries queries;

    @Inject
    PreparationLists preparation;

    @Inject
    DoorAccess door;

    @Inject
    Caller caller;

    @Inject
    JsonWebToken token;

    @Inject
    java.time.Clock clock;

    @Context
    HttpHeaders headers;

    @Override
    @Authenticated
    public Response listPickupSlots(LocalDate from, LocalDate to) {
        return Response.ok(new PickupSlotList().items(slots.list(caller, from, to).stream()
                .map(v -> DriveMapper.toApi(v, clock.instant())).toList())).build();
    }

    @Override
    @RolesAllowed("admin")
    public Response createPickupSlot(PickupSlotInput in) {
        PickupSlot slot = slots.create(new SlotService.Definition(in.getPlace(), in.getStartsAt().toInstant(),
                in.getEndsAt().toInstant(), in.getCapacity(),
                in.getOrderDeadline() == null ? null : in.getOrderDeadline().toInstant()));
        return Response.created(URI.create("/api/v1/pickup-slots/" + slot.id)).tag(ETags.of(slot.version))
                .entity(DriveMapper.toApi(new SlotService.View(slot, 0, null, null), clock.instant())).build();
    }

    @Override
    @RolesAllowed("admin")
    public Response createPickupSlotSeries(PickupSlotSeriesInput in) {
        List<PickupSlot> created = slots.createSeries(new SlotService.Series(in.getPlace(), in.getFirstDay(),
                in.getWeeks(), LocalTime.parse(in.getFrom()), LocalTime.parse(in.getTo()), in.getSlotMinutes(),
                in.getCapacity(), in.getDeadlineHoursBefore()));
        return Response.status(201).entity(new PickupSlotList().items(created.stream()
                .map(s -> DriveMapper.toApi(new SlotService.View(s, 0, null, null), clock.instant())).toList())).build();
    }

    @Override
    @Authenticated
    public Response getPickupSlot(UUID slotId) {
        SlotService.View view = slots.get(caller, slotId);
        return Response.ok(DriveMapper.toApi(view, clock.instant())).tag(ETags.of(view.slot().version)).build();
    }

    @Override
    @RolesAllowed("admin")
    public Response updatePickupSlot(UUID slotId, PickupSlotUpdate in, String ifMatch) {
        slots.update(slotId, ifMatch, new SlotService.Update(in.getPlace(), in.getCapacity(),
                in.getOrderDeadline().toInstant(), PickupSlot.Status.valueOf(in.getStatus().value())));
        return getPickupSlot(slotId);
    }

    @Override
    @RolesAllowed("admin")
    public Response cancelPickupSlot(UUID slotId, CancellationInput in) {
        slots.cancel(caller, slotId, in.getReason());
        return Response.ok(DriveMapper.toApi(slots.get(caller, slotId), clock.instant())).build();
    }

    @Override
    @RolesAllowed("member")
    public Response joinWaitlist(UUID slotId) {
        return Response.status(201).entity(DriveMapper.toApi(slots.join(caller, slotId), clock.instant()).getMyWaitlist())
                .build();
    }

    @Override
    @RolesAllowed("member")
    public Response leaveWaitlist(UUID slotId) {
        slots.leave(caller, slotId);
        return Response.noContent().build();
    }

    @Override
    @RolesAllowed({ "admin", "member" })
    public Response getSlotPreparationList(UUID slotId) {
        door.require(caller);
        return preparationList(preparation.ofSlot(slotId), "preparation-" + slotId);
    }

    @Override
    @RolesAllowed({ "admin", "member" })
    public Response getDayPreparationList(LocalDate day) {
        door.require(caller);
        return preparationList(preparation.ofDay(day), "preparation-" + day);
    }

    private Response preparationList(PreparationLists.List_ list, String fileName) {
        if (accepts(PDF)) {
            return Response.ok(PreparationPdf.of(list), PDF)
                    .header("Content-Disposition", "inline; filename=\"" + fileName + ".pdf\"").build();
        }
        if (accepts(CSV)) {
            return Response.ok(preparation.csv(list), Csv.MEDIA_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"" + fileName + ".csv\"").build();
        }
        return Response.ok(DriveMapper.toApi(list), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Only when asked for by name: a browser's or a client's wildcard gets JSON. */
    private boolean accepts(MediaType type) {
        return headers.getAcceptableMediaTypes().stream().anyMatch(t -> !t.isWildcardType() && t.isCompatible(type));
    }

    @Override
    @RolesAllowed("member")
    public Response getBasket() {
        return Response.ok(DriveMapper.toApi(baskets.get(Person.from(token)))).build();
    }

    @Override
    @RolesAllowed("member")
    public Response replaceBasket(BasketInput in) {
        return Response.ok(DriveMapper.toApi(baskets.replace(Person.from(token), lines(in.getLines())))).build();
    }

    @Override
    @RolesAllowed("member")
    public Response emptyBasket() {
        baskets.empty(Person.from(token));
        return Response.noContent().build();
    }

    @Override
    @RolesAllowed("member")
    public Response setBasketLine(UUID productId, BasketLineInput in) {
        return Response.ok(DriveMapper.toApi(baskets.set(Person.from(token), productId, in.getQuantity()))).build();
    }

    @Override
    @Authenticated
    public Response listOrders(UUID slotId, LocalDate day, OrderStatus status, String q, Integer limit, String cursor) {
        Cursor.Slice<OrderQueries.View> page = queries.page(caller, new OrderQueries.Filter(slotId, day,
                status == null ? null : Order.Status.valueOf(status.name()), q), limit, cursor);
        return Response.ok(new OrderPage().items(page.items().stream().map(DriveMapper::toApi).toList())
                .nextCursor(page.nextCursor())).build();
    }

    @Override
    @RolesAllowed("member")
    public Response placeOrder(OrderInput in, String idempotencyKey) {
        Order order = orders.place(caller, request(in), idempotencyKey);
        return Response.created(URI.create("/api/v1/orders/" + order.id)).tag(ETags.of(order.version))
                .entity(DriveMapper.toApi(queries.get(caller, order.id))).build();
    }

    @Override
    @RolesAllowed("admin")
    public Response getOrderStats(LocalDate from, LocalDate to) {
        return Response.ok(new OrderStats().weeks(queries.stats(from, to).stream().map(w -> new WeekStats()
                .weekStart(w.weekStart()).orders((int) w.orders()).revenueCents(w.revenueCents())).toList())).build();
    }

    @Override
    @Authenticated
    public Response getOrder(UUID orderId) {
        OrderQueries.View view = queries.get(caller, orderId);
        return Response.ok(DriveMapper.toApi(view)).tag(ETags.of(view.order().version)).build();
    }

    @Override
    @Authenticated
    public Response changeOrder(UUID orderId, OrderInput in, String ifMatch) {
        orders.change(caller, orderId, ifMatch, request(in));
        return getOrder(orderId);
    }

    @Override
    @Authenticated
    public Response cancelOrder(UUID orderId, OrderCancellationInput in) {
        orders.cancel(caller, orderId, in == null ? null : in.getReason());
        return Response.ok(DriveMapper.toApi(queries.get(caller, orderId))).build();
    }

    @Override
    @RolesAllowed("admin")
    public Response changeOrderStatus(UUID orderId, OrderStatusInput in) {
        lifecycle.changeStatus(caller, orderId, Order.Status.valueOf(in.getStatus().value()));
        return Response.ok(DriveMapper.toApi(queries.get(caller, orderId))).build();
    }

    @Override
    @RolesAllowed({ "admin", "member" })
    public Response recordPickup(UUID orderId, PickupInput in, String idempotencyKey) {
        var payment = in.getPayment() == null ? null : new OrderLifecycle.Payment(in.getPayment().getAmountCents(),
                LedgerEntry.Method.valueOf(in.getPayment().getMethod().name()), in.getPayment().getReference());
        lifecycle.pickUp(caller, orderId, payment, idempotencyKey);
        return Response.ok(DriveMapper.toApi(queries.handedOver(caller, orderId))).build();
    }

    private static OrderService.Request request(OrderInput in) {
        return new OrderService.Request(in.getSlotId(), lines(in.getLines()));
    }

    private static List<OrderService.Line> lines(List<coop.panier.api.model.LineInput> lines) {
        return lines.stream().map(l -> new OrderService.Line(l.getProductId(), l.getQuantity())).toList();
    }
}
