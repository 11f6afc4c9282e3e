package coop.panier.volunteering;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import coop.panier.api.VolunteeringApi;
import coop.panier.api.model.ShiftInput;
import coop.panier.api.model.ShiftPage;
import coop.panier.api.model.ShiftSignup;
import coop.panier.api.model.ShiftStatus;
import coop.panier.common.Caller;
import coop.panier.common.Cursor;
import coop.panier.common.ETags;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

/** Volunteer shifts over HTTP: published by admins, taken and given back by members. */
public class VolunteeringResource implements VolunteeringApi {

    @Inject
    ShiftService shifts;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Override
    @RolesAllowed("admin")
    public Response createShift(ShiftInput in) {
        Shift shift = shifts.create(new ShiftService.Definition(in.getTask(), in.getPlace(),
                in.getStartsAt().toInstant(), in.getEndsAt().toInstant(), in.getSeats()));
        return Response.created(URI.create("/api/v1/shifts/" + shift.id)).tag(ETags.of(shift.version))
                .entity(toApi(new ShiftService.View(shift, false))).build();
    }

    @Override
    @Authenticated
    public Response listShifts(String task, LocalDate day, Boolean mine, Integer limit, String cursor) {
        Cursor.Slice<ShiftService.View> page = shifts.page(caller, new ShiftService.Filter(task, day, mine), limit, cursor);
        return Response.ok(new ShiftPage().items(page.items().stream().map(this::toApi).toList())
                .nextCursor(page.nextCursor())).build();
    }

    @Override
    @Authenticated
    public Response getShift(UUID shiftId) {
        ShiftService.View view = shifts.get(caller, shiftId);
        return Response.ok(toApi(view)).tag(ETags.of(view.shift().version)).build();
    }

    @Override
    @RolesAllowed("member")
    public Response signUpForShift(UUID shiftId) {
        ShiftService.Signup signup = shifts.signUp(caller, shiftId);
        return Response.created(URI.create("/api/v1/shifts/" + shiftId + "/signups/mine"))
                .entity(new ShiftSignup().id(signup.id()).shiftId(signup.shiftId()).memberId(signup.memberId())
                        .status(ShiftSignup.StatusEnum.SIGNED_UP).signedUpAt(offset(signup.signedUpAt())))
                .build();
    }

    @Override
    @RolesAllowed("member")
    public Response withdrawFromShift(UUID shiftId) {
        shifts.withdraw(caller, shiftId);
        return Response.noContent().build();
    }

    private coop.panier.api.model.Shift toApi(ShiftService.View view) {
        Shift s = view.shift();
        return new coop.panier.api.model.Shift().id(s.id).task(s.task).place(s.place)
                .startsAt(offset(s.startsAt)).endsAt(offset(s.endsAt)).seats(s.seats).freeSeats(s.freeSeats())
                .status(ShiftStatus.fromValue(s.status.name())).signedUp(view.signedUp());
    }

    /** In the co-op's zone, as the other areas answer. */
    private java.time.OffsetDateTime offset(java.time.Instant instant) {
        return instant.atZone(clock.getZone()).toOffsetDateTime();
    }
}
