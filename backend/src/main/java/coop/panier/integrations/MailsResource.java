package coop.panier.integrations;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import coop.panier.api.MailsApi;
import coop.panier.api.model.EventType;
import coop.panier.api.model.HouseholdMember;
import coop.panier.api.model.MailDelivery;
import coop.panier.api.model.MailDeliveryPage;
import coop.panier.api.model.MailDeliveryStatus;
import coop.panier.common.Cursor;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

/** The mails owed to members, for admins: what was sent, what failed, and sending a failed one again. */
public class MailsResource implements MailsApi {

    @Inject
    MailLog log;

    @Override
    @RolesAllowed("admin")
    public Response listMailDeliveries(MailDeliveryStatus status, Integer limit, String cursor) {
        Cursor.Slice<MailLog.Entry> page = log.page(status == null ? null : status.toString(), limit, cursor);
        return Response.ok(new MailDeliveryPage().items(page.items().stream().map(MailsResource::toApi).toList())
                .nextCursor(page.nextCursor())).build();
    }

    @Override
    @RolesAllowed("admin")
    public Response retryMailDelivery(UUID mailDeliveryId) {
        return Response.ok(toApi(log.retry(mailDeliveryId))).build();
    }

    private static MailDelivery toApi(MailLog.Entry e) {
        return new MailDelivery().id(e.id()).eventId(e.eventId()).eventType(EventType.fromValue(e.eventType()))
                .occurredAt(time(e.occurredAt()))
                .recipient(new HouseholdMember().id(e.memberId()).memberNumber(e.memberNumber())
                        .firstName(e.firstName()).lastName(e.lastName()))
                .status(MailDeliveryStatus.fromValue(e.status())).attempts(e.attempts())
                .nextAttemptAt("PENDING".equals(e.status()) ? time(e.nextAttemptAt()) : null)
                .sentAt(time(e.sentAt())).lastError(e.lastError());
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
