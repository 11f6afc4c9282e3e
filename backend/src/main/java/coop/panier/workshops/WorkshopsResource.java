package coop.panier.workshops;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import coop.panier.api.WorkshopsApi;
import coop.panier.api.model.GuestRegistration;
import coop.panier.api.model.GuestRegistrationInput;
import coop.panier.api.model.PublicWorkshop;
import coop.panier.api.model.PublicWorkshopPage;
import coop.panier.api.model.Workshop.RegistrationStatusEnum;
import coop.panier.api.model.WorkshopAttendee;
import coop.panier.api.model.WorkshopAttendeePage;
import coop.panier.api.model.WorkshopInput;
import coop.panier.api.model.WorkshopPage;
import coop.panier.api.model.WorkshopRegistration;
import coop.panier.api.model.WorkshopRegistrationStatus;
import coop.panier.api.model.WorkshopStatus;
import coop.panier.common.Caller;
import coop.panier.common.Cursor;
import coop.panier.common.ETags;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

/**
 * Workshops and events over HTTP: scheduled by admins, joined by members, and the public ones
 * shown to anyone and joined by neighbours with a name and an e-mail.
 */
public class WorkshopsResource implements WorkshopsApi {

    @Inject
    WorkshopService workshops;

    @Inject
    Registrations registrations;

    @Inject
    PublicCalendar publicCalendar;

    @Inject
    Attendees attendees;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Override
    @RolesAllowed("admin")
    public Response createWorkshop(WorkshopInput in) {
        Workshop workshop = workshops.create(caller, new WorkshopService.Definition(in.getTitle(), in.getDescription(),
                in.getPlace(), in.getStartsAt().toInstant(), in.getEndsAt().toInstant(), in.getCapacity(), in.getPublic()));
        return Response.created(URI.create("/api/v1/events/" + workshop.id)).tag(ETags.of(workshop.version))
                .entity(toApi(new WorkshopService.View(workshop, 0, null, null))).build();
    }

    @Override
    @Authenticated
    public Response listWorkshops(Integer limit, String cursor) {
        Cursor.Slice<WorkshopService.View> page = workshops.page(caller, false, limit, cursor);
        return Response.ok(new WorkshopPage().items(page.items().stream().map(this::toApi).toList())
                .nextCursor(page.nextCursor())).build();
    }

    @Override
    @Authenticated
    public Response getWorkshop(UUID eventId) {
        WorkshopService.View view = workshops.get(caller, eventId, false);
        return Response.ok(toApi(view)).tag(ETags.of(view.workshop().version)).build();
    }

    @Override
    @RolesAllowed("admin")
    public Response cancelWorkshop(UUID eventId) {
        return Response.ok(toApi(workshops.cancel(caller, eventId))).build();
    }

    @Override
    @RolesAllowed("member")
    public Response registerForWorkshop(UUID eventId) {
        Registrations.Registration made = registrations.register(caller, eventId);
        return Response.created(URI.create("/api/v1/events/" + eventId))
                .entity(new WorkshopRegistration().id(made.id()).workshopId(made.workshopId())
                        .status(WorkshopRegistrationStatus.fromValue(made.status()))
                        .waitingPosition(made.waitingPosition()).registeredAt(offset(made.registeredAt())))
                .build();
    }

    @Override
    @RolesAllowed("admin")
    public Response listWorkshopRegistrations(UUID eventId, Integer limit, String cursor) {
        Cursor.Slice<Attendees.Attendee> page = attendees.page(eventId, limit, cursor);
        return Response.ok(new WorkshopAttendeePage().items(page.items().stream().map(a -> new WorkshopAttendee()
                .id(a.id()).status(WorkshopAttendee.StatusEnum.fromValue(a.status())).waitingPosition(a.waitingPosition())
                .registeredAt(offset(a.registeredAt())).guest(a.guest()).name(a.name()).memberId(a.memberId())
                .memberNumber(a.memberNumber()).email(a.email()).erased(a.erased())).toList())
                .nextCursor(page.nextCursor())).build();
    }

    @Override
    @RolesAllowed("member")
    public Response withdrawFromWorkshop(UUID eventId) {
        registrations.withdraw(caller, eventId);
        return Response.noContent().build();
    }

    // Anonymous visitors: public events only, never a members' workshop.

    @Override
    @PermitAll
    public Response listPublicWorkshops(Integer limit, String cursor) {
        Cursor.Slice<WorkshopService.View> page = workshops.page(caller, true, limit, cursor);
        return Response.ok(new PublicWorkshopPage().items(page.items().stream().map(this::toPublic).toList())
                .nextCursor(page.nextCursor())).build();
    }

    @Override
    @PermitAll
    public Response getPublicWorkshop(UUID eventId) {
        return Response.ok(toPublic(workshops.get(caller, eventId, true))).build();
    }

    @Override
    @PermitAll
    public Response getPublicWorkshopCalendar() {
        return Response.ok(publicCalendar.calendar(), "text/calendar; charset=utf-8").build();
    }

    @Override
    @PermitAll
    public Response registerGuestForWorkshop(UUID eventId, GuestRegistrationInput in) {
        Registrations.GuestResult result = registrations.registerGuest(eventId, in.getName(), in.getEmail());
        return Response.status(result.created() ? 201 : 200).entity(toApi(result)).build();
    }

    @Override
    @PermitAll
    public Response getGuestRegistration(String registrationToken) {
        return Response.ok(toApi(registrations.guestRegistration(registrationToken))).build();
    }

    @Override
    @PermitAll
    public Response cancelGuestRegistration(String registrationToken) {
        registrations.cancelGuest(registrationToken);
        return Response.noContent().build();
    }

    private GuestRegistration toApi(Registrations.GuestResult result) {
        return new GuestRegistration().status(WorkshopRegistrationStatus.fromValue(result.registration().status()))
                .waitingPosition(result.registration().waitingPosition()).workshop(toPublic(result.workshop()));
    }

    private coop.panier.api.model.Workshop toApi(WorkshopService.View view) {
        Workshop w = view.workshop();
        return new coop.panier.api.model.Workshop().id(w.id).title(w.title).description(w.description).place(w.place)
                .startsAt(offset(w.startsAt)).endsAt(offset(w.endsAt)).capacity(w.capacity).placesLeft(w.placesLeft())
                .waiting(view.waiting())._public(w.open).status(WorkshopStatus.fromValue(w.status.name()))
                .registrationStatus(view.myStatus() == null ? null : RegistrationStatusEnum.fromValue(view.myStatus()))
                .waitingPosition(view.myPosition());
    }

    private PublicWorkshop toPublic(WorkshopService.View view) {
        Workshop w = view.workshop();
        return new PublicWorkshop().id(w.id).title(w.title).description(w.description).place(w.place)
                .startsAt(offset(w.startsAt)).endsAt(offset(w.endsAt)).capacity(w.capacity).placesLeft(w.placesLeft());
    }

    private OffsetDateTime offset(Instant instant) {
        return instant.atZone(clock.getZone()).toOffsetDateTime();
    }
}
