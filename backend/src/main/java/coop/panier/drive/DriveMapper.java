package coop.panier.drive;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import coop.panier.api.model.Basket;
import coop.panier.api.model.BasketLine;
import coop.panier.api.model.OrderLine;
import coop.panier.api.model.OrderStatus;
import coop.panier.api.model.PickupSlotStatus;
import coop.panier.api.model.PreparationBasket;
import coop.panier.api.model.PreparationList;
import coop.panier.api.model.PreparationProduct;
import coop.panier.api.model.ProductUnit;
import coop.panier.api.model.SlotSummary;
import coop.panier.api.model.WaitlistPosition;
import coop.panier.api.model.WaitlistStatus;

/** Between the drive's entities and their API representation. */
final class DriveMapper {

    private DriveMapper() {
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atZone(DriveTexts.zone()).toOffsetDateTime();
    }

    static coop.panier.api.model.PickupSlot toApi(SlotService.View v, Instant now) {
        PickupSlot s = v.slot();
        WaitlistPosition mine = v.myPosition() == null ? null : new WaitlistPosition()
                .status(v.myOfferUntil() == null ? WaitlistStatus.WAITING : WaitlistStatus.OFFERED)
                .position(v.myPosition()).offeredUntil(time(v.myOfferUntil()));
        return new coop.panier.api.model.PickupSlot()
                .id(s.id).place(s.place).startsAt(time(s.startsAt)).endsAt(time(s.endsAt))
                .capacity(s.capacity).booked(s.booked).placesLeft(s.placesLeft()).orderDeadline(time(s.orderDeadline))
                .status(PickupSlotStatus.fromValue(s.status.name()))
                .orderable(s.takesOrders(now) && (s.placesLeft() > 0 || (mine != null && v.myOfferUntil() != null)))
                .cancelReason(s.cancelReason).waitlistLength(v.waitlistLength()).myWaitlist(mine);
    }

    static SlotSummary summary(PickupSlot s) {
        return new SlotSummary().id(s.id).place(s.place).startsAt(time(s.startsAt)).endsAt(time(s.endsAt))
                .orderDeadline(time(s.orderDeadline)).status(PickupSlotStatus.fromValue(s.status.name()));
    }

    static coop.panier.api.model.Order toApi(OrderQueries.View v) {
        Order o = v.order();
        return new coop.panier.api.model.Order()
                .id(o.id).number(o.number).memberId(o.memberId).memberNumber(v.member().memberNumber)
                .memberName(v.member().firstName + " " + v.member().lastName).householdId(o.householdId)
                .slot(summary(v.slot())).status(OrderStatus.fromValue(o.status.name()))
                .lines(lines(o.lines)).totalCents(o.totalCents).currency(coop.panier.api.model.Order.CurrencyEnum.EUR)
                .changeable(v.changeable()).cancelReason(o.cancelReason).householdNoShows(v.householdNoShows())
                .placedAt(time(o.placedAt)).pickedUpAt(time(o.pickedUpAt)).paidCents(v.paidCents());
    }

    static List<OrderLine> lines(List<coop.panier.drive.OrderLine> lines) {
        return lines.stream().map(l -> new OrderLine().productId(l.productId).productName(l.productName)
                .unit(ProductUnit.fromValue(l.unit.name())).quantity(l.quantity.stripTrailingZeros())
                .unitPriceCents(l.unitPriceCents).lineTotalCents(l.totalCents())
                .addedQuantity(l.addedQuantity.signum() == 0 ? null : l.addedQuantity.stripTrailingZeros())
                .addedCents(l.addedQuantity.signum() == 0 ? null : l.addedCents)).toList();
    }

    static Basket toApi(List<BasketService.Line> lines) {
        return new Basket().currency(Basket.CurrencyEnum.EUR)
                .lines(lines.stream().map(l -> new BasketLine().productId(l.product().id).productName(l.product().name)
                        .unit(ProductUnit.fromValue(l.product().unit.name()))
                        .orderStep(l.product().orderStep.stripTrailingZeros()).quantity(l.quantity().stripTrailingZeros())
                        .unitPriceCents(l.product().priceCents).lineTotalCents(l.totalCents())
                        .stockOnHand(l.product().available().stripTrailingZeros()).available(l.available())).toList())
                .totalCents(lines.stream().mapToLong(BasketService.Line::totalCents).sum());
    }

    static PreparationList toApi(PreparationLists.List_ list) {
        return new PreparationList().title(list.title())
                .slots(list.slots().stream().map(DriveMapper::summary).toList())
                .byProduct(list.byProduct().stream().map(t -> new PreparationProduct().productId(t.productId())
                        .productName(t.productName()).unit(ProductUnit.fromValue(t.unit().name()))
                        .quantity(t.quantity().stripTrailingZeros()).orders(t.orders())).toList())
                .byMember(list.byMember().stream().map(b -> new PreparationBasket().orderId(b.order().id)
                        .orderNumber(b.order().number).memberNumber(b.member().memberNumber)
                        .memberName(b.member().firstName + " " + b.member().lastName)
                        .slotStartsAt(time(b.slot().startsAt)).status(OrderStatus.fromValue(b.order().status.name()))
                        .lines(lines(b.order().lines)).totalCents(b.order().totalCents)).toList());
    }
}
