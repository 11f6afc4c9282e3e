package coop.panier.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import coop.panier.api.DashboardApi;
import coop.panier.api.model.AdminDashboard;
import coop.panier.api.model.DashboardFailedImport;
import coop.panier.api.model.DashboardFailedMail;
import coop.panier.api.model.DashboardLowStock;
import coop.panier.api.model.DashboardLowStockProduct;
import coop.panier.api.model.DashboardMembership;
import coop.panier.api.model.DashboardMemberships;
import coop.panier.api.model.DashboardMails;
import coop.panier.api.model.DashboardPickups;
import coop.panier.api.model.DashboardPriceListImports;
import coop.panier.api.model.DashboardSlot;
import coop.panier.api.model.DashboardUnderstaffedShift;
import coop.panier.api.model.DashboardUnderstaffedShifts;
import coop.panier.api.model.DashboardWebhook;
import coop.panier.api.model.DashboardWebhooks;
import coop.panier.api.model.EventType;
import coop.panier.api.model.ProductUnit;
import coop.panier.catalog.FailedImports;
import coop.panier.common.Few;
import coop.panier.drive.PickupsAhead;
import coop.panier.integrations.DeliveryFailures;
import coop.panier.memberships.AwaitingPayment;
import coop.panier.stock.LowStockAlerts;
import coop.panier.volunteering.UnderstaffedShifts;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

/**
 * The admins' home: what needs attention today. Each area answers its own question (one query,
 * in its package); this class only asks them in turn and writes one object per area. A new
 * card is a property in the contract, a method here and a card in the SPA.
 */
@RolesAllowed("admin")
public class DashboardResource implements DashboardApi {

    /** Failed mails older than this are no longer news: their members have ordered or not since. */
    static final Duration MAILS_LOOK_BACK = Duration.ofDays(7);

    @Inject
    Clock clock;

    @Inject
    PickupsAhead pickups;

    @Inject
    AwaitingPayment awaitingPayment;

    @Inject
    LowStockAlerts lowStock;

    @Inject
    FailedImports failedImports;

    @Inject
    DeliveryFailures deliveryFailures;

    @Inject
    UnderstaffedShifts understaffed;

    @Override
    public Response getAdminDashboard() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        return Response.ok(new AdminDashboard().generatedAt(time(now)).pickups(pickups(today))
                .memberships(memberships(today)).lowStock(lowStock()).priceListImports(priceListImports())
                .webhooks(webhooks()).mails(mails(now)).understaffedShifts(understaffedShifts(now))).build();
    }

    /** Today's and tomorrow's slots, days counted in the co-op's zone. */
    private DashboardPickups pickups(LocalDate today) {
        ZoneId zone = clock.getZone();
        LocalDate tomorrow = today.plusDays(1);
        return new DashboardPickups().today(today).tomorrow(tomorrow).slots(pickups
                .between(today.atStartOfDay(zone).toInstant(), tomorrow.plusDays(1).atStartOfDay(zone).toInstant())
                .stream().map(s -> new DashboardSlot().id(s.id()).place(s.place()).startsAt(time(s.startsAt()))
                        .endsAt(time(s.endsAt())).capacity(s.capacity()).toPrepare(s.toPrepare())
                        .prepared(s.prepared()).pickedUp(s.pickedUp()))
                .toList());
    }

    private DashboardMemberships memberships(LocalDate today) {
        Few<AwaitingPayment.Waiting> waiting = awaitingPayment.on(today, Few.SHOWN);
        return new DashboardMemberships().count(waiting.count()).items(waiting.items().stream()
                .map(w -> new DashboardMembership().membershipId(w.membershipId()).householdId(w.householdId())
                        .householdName(w.householdName()).periodStart(w.periodStart())
                        .leftToPayCents(w.leftToPayCents()).currency(DashboardMembership.CurrencyEnum.EUR)
                        .createdAt(time(w.createdAt())))
                .toList());
    }

    private DashboardLowStock lowStock() {
        Few<LowStockAlerts.Low> low = lowStock.few(Few.SHOWN);
        return new DashboardLowStock().count(low.count()).items(low.items().stream()
                .map(p -> new DashboardLowStockProduct().productId(p.productId()).name(p.name())
                        .unit(ProductUnit.fromValue(p.unit())).available(p.available().stripTrailingZeros())
                        .lowStockThreshold(p.threshold().stripTrailingZeros()))
                .toList());
    }

    private DashboardPriceListImports priceListImports() {
        Few<FailedImports.Failed> failed = failedImports.few(Few.SHOWN);
        return new DashboardPriceListImports().count(failed.count()).items(failed.items().stream()
                .map(f -> new DashboardFailedImport().importId(f.importId()).supplierId(f.supplierId())
                        .supplierName(f.supplierName()).fileName(f.fileName()).startedAt(time(f.startedAt())))
                .toList());
    }

    private DashboardWebhooks webhooks() {
        Few<DeliveryFailures.FailingEndpoint> failing = deliveryFailures.endpoints(Few.SHOWN);
        return new DashboardWebhooks().count(failing.count()).items(failing.items().stream()
                .map(w -> new DashboardWebhook().webhookId(w.id()).url(w.url()).description(w.description())
                        .enabled(w.enabled()).failingSince(time(w.failingSince())))
                .toList());
    }

    private DashboardMails mails(Instant now) {
        Instant since = now.minus(MAILS_LOOK_BACK);
        Few<DeliveryFailures.FailedMail> failed = deliveryFailures.mailsSince(since, Few.SHOWN);
        return new DashboardMails().count(failed.count()).since(time(since)).items(failed.items().stream()
                .map(m -> new DashboardFailedMail().deliveryId(m.id()).eventType(EventType.fromValue(m.eventType()))
                        .memberId(m.memberId()).memberName(m.memberName()).occurredAt(time(m.occurredAt()))
                        .attempts(m.attempts()).lastError(m.lastError()))
                .toList());
    }

    private DashboardUnderstaffedShifts understaffedShifts(Instant now) {
        Few<UnderstaffedShifts.Short> few = understaffed.ahead(now, Few.SHOWN);
        return new DashboardUnderstaffedShifts().count(few.count()).until(time(understaffed.horizon(now)))
                .items(few.items().stream().map(s -> new DashboardUnderstaffedShift().shiftId(s.shiftId()).task(s.task())
                        .place(s.place()).startsAt(time(s.startsAt())).endsAt(time(s.endsAt())).seats(s.seats())
                        .freeSeats(s.freeSeats()).standInsWanted(s.standInsWanted()))
                        .toList());
    }

    private OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atZone(clock.getZone()).toOffsetDateTime();
    }
}
