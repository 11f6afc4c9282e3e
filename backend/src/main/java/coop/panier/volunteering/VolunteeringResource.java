package coop.panier.volunteering;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import coop.panier.api.VolunteeringApi;
import coop.panier.api.model.DoorShift;
import coop.panier.api.model.RegularSeatInput;
import coop.panier.api.model.ShiftCycleInput;
import coop.panier.api.model.ShiftStandInRequest;
import coop.panier.api.model.AttendanceInput;
import coop.panier.api.model.AttendanceSheetPage;
import coop.panier.api.model.HouseholdBalancePage;
import coop.panier.api.model.HoursGiftInput;
import coop.panier.api.model.HoursPerMonth;
import coop.panier.api.model.LoggedHoursDecision;
import coop.panier.api.model.LoggedHoursInput;
import coop.panier.api.model.LoggedHoursPage;
import coop.panier.api.model.LoggedHoursStatus;
import coop.panier.api.model.ShiftCoordinatorInput;
import coop.panier.api.model.VolunteerExemptionInput;
import coop.panier.api.model.VolunteerExemptionPage;
import coop.panier.api.model.VolunteerPauseInput;
import coop.panier.api.model.VolunteerStanding;
import coop.panier.api.model.VolunteeringRules;
import coop.panier.api.model.ShiftInput;
import coop.panier.api.model.ShiftPage;
import coop.panier.api.model.ShiftSignup;
import coop.panier.api.model.ShiftStatus;
import coop.panier.api.model.ShiftTaskInput;
import coop.panier.api.model.ShiftTemplateInput;
import coop.panier.api.model.SkillInput;
import coop.panier.common.Caller;
import coop.panier.common.Csv;
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
    StandIns standIns;

    @Inject
    DoorAccess door;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    coop.panier.members.MemberRepository members;

    @Inject
    OneOffShifts oneOff;

    @Inject
    ShiftDetails details;

    @Inject
    ShiftPlanning planning;

    @Override
    @RolesAllowed("admin")
    public Response createShift(ShiftInput in) {
        Shift shift = oneOff.create(new ShiftService.Definition(in.getTask(), in.getPlace(),
                in.getStartsAt().toInstant(), in.getEndsAt().toInstant(), in.getSeats()),
                ShiftPlanning.skilled(in.getSkilledSeats()));
        return Response.created(URI.create("/api/v1/shifts/" + shift.id)).tag(ETags.of(shift.version))
                .entity(toApi(List.of(new ShiftService.View(shift, false))).get(0)).build();
    }

    @Override
    @Authenticated
    public Response listShifts(String task, LocalDate day, Boolean mine, Integer limit, String cursor) {
        Cursor.Slice<ShiftService.View> page = shifts.page(caller, new ShiftService.Filter(task, day, mine), limit, cursor);
        return Response.ok(new ShiftPage().items(toApi(page.items())).nextCursor(page.nextCursor())).build();
    }

    @Override
    @Authenticated
    public Response getShift(UUID shiftId) {
        ShiftService.View view = shifts.get(caller, shiftId);
        return Response.ok(toApi(List.of(view)).get(0)).tag(ETags.of(view.shift().version)).build();
    }

    // Tasks, skills, the cycle, templates and regular seats: ShiftPlanning answers them.

    @Override
    @Authenticated
    public Response listShiftTasks() {
        return planning.listTasks();
    }

    @Override
    @RolesAllowed("admin")
    public Response createShiftTask(ShiftTaskInput in) {
        return planning.createTask(in);
    }

    @Override
    @Authenticated
    public Response listSkills() {
        return planning.listSkills();
    }

    @Override
    @RolesAllowed("admin")
    public Response createSkill(SkillInput in) {
        return planning.createSkill(in);
    }

    @Override
    @RolesAllowed("admin")
    public Response listSkillHolders(UUID skillId, Integer limit, String cursor) {
        return planning.holders(skillId, limit, cursor);
    }

    @Override
    @RolesAllowed("admin")
    public Response grantSkill(UUID memberId, UUID skillId) {
        return planning.grant(memberId, skillId);
    }

    @Override
    @RolesAllowed("admin")
    public Response revokeSkill(UUID memberId, UUID skillId) {
        return planning.revoke(memberId, skillId);
    }

    @Override
    @Authenticated
    public Response getShiftCycle() {
        return planning.cycle();
    }

    @Override
    @RolesAllowed("admin")
    public Response updateShiftCycle(ShiftCycleInput in, String ifMatch) {
        return planning.changeCycle(in, ifMatch);
    }

    @Override
    @RolesAllowed("admin")
    public Response listShiftTemplates() {
        return planning.listTemplates();
    }

    @Override
    @RolesAllowed("admin")
    public Response createShiftTemplate(ShiftTemplateInput in, String idempotencyKey) {
        return planning.createTemplate(in, idempotencyKey);
    }

    @Override
    @RolesAllowed("admin")
    public Response getShiftTemplate(UUID templateId) {
        return planning.getTemplate(templateId);
    }

    @Override
    @RolesAllowed("admin")
    public Response updateShiftTemplate(UUID templateId, ShiftTemplateInput in, String ifMatch) {
        return planning.updateTemplate(templateId, in, ifMatch);
    }

    @Override
    @RolesAllowed("admin")
    public Response endShiftTemplate(UUID templateId) {
        return planning.endTemplate(templateId);
    }

    @Override
    @RolesAllowed("admin")
    public Response listRegularSeats(UUID templateId) {
        return planning.regularSeats(templateId);
    }

    @Override
    @RolesAllowed("admin")
    public Response assignRegularSeat(UUID templateId, RegularSeatInput in) {
        return planning.assign(templateId, in);
    }

    @Override
    @RolesAllowed({ "admin", "member" })
    public Response releaseRegularSeat(UUID templateId, UUID memberId) {
        return planning.release(templateId, memberId);
    }

    @Override
    @RolesAllowed("member")
    public Response getMyVolunteering() {
        return planning.mine();
    }

    @Override
    @RolesAllowed("member")
    public Response signUpForShift(UUID shiftId) {
        return created(shifts.signUp(caller, shiftId));
    }

    private Response created(ShiftService.Signup signup) {
        return Response.created(URI.create("/api/v1/shifts/" + signup.shiftId() + "/signups/mine"))
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

    @Override
    @RolesAllowed("member")
    public Response requestStandIn(UUID shiftId) {
        StandIns.Request request = standIns.request(caller, shiftId);
        ShiftStandInRequest body = new ShiftStandInRequest().id(request.id()).shiftId(request.shiftId())
                .status(ShiftStandInRequest.StatusEnum.fromValue(request.status()))
                .requestedAt(offset(request.requestedAt()));
        return request.created()
                ? Response.created(URI.create("/api/v1/shifts/" + shiftId + "/signups/mine/stand-in-request"))
                        .entity(body).build()
                : Response.ok(body).build();
    }

    @Override
    @RolesAllowed("member")
    public Response cancelStandInRequest(UUID shiftId) {
        standIns.cancel(caller, shiftId);
        return Response.noContent().build();
    }

    @Override
    @RolesAllowed("member")
    public Response takeStandIn(UUID shiftId, String idempotencyKey) {
        return created(standIns.take(caller, shiftId, idempotencyKey));
    }

    @Override
    @RolesAllowed("member")
    public Response getDoorAccess() {
        var access = new coop.panier.api.model.DoorAccess().open(false);
        door.window(caller).ifPresent(w -> access.open(w.openAt(clock.instant()))
                .from(offset(w.from())).until(offset(w.until()))
                .shift(new DoorShift().shiftId(w.shiftId()).task(w.task()).place(w.place())
                        .startsAt(offset(w.startsAt())).endsAt(offset(w.endsAt()))));
        return Response.ok(access).build();
    }

    /**
     * With each shift's stand-ins, and what the templates add (seats requiring a skill, template,
     * week of the cycle), asked once for the whole page.
     */
    private List<coop.panier.api.model.Shift> toApi(List<ShiftService.View> views) {
        Map<UUID, StandIns.Offer> offers = standIns.offers(views.stream().map(v -> v.shift().id).toList(),
                members.idOf(caller));
        List<coop.panier.api.model.Shift> shifts = views.stream()
                .map(v -> toApi(v, offers.getOrDefault(v.shift().id, StandIns.Offer.NONE))).toList();
        details.fill(shifts, caller);
        return shifts;
    }

    // --- Hours: attendance, accounts, logged hours, gifts, exemptions, pauses, the rule ---------
    // Thin: the services (AttendanceService, HoursService, LoggedHoursService, GiftService,
    // CoverService) hold the rules; HoursMapper writes their views as the contract says.

    @Inject
    AttendanceService attendance;

    @Inject
    HoursService hours;

    @Inject
    LoggedHoursService loggedHours;

    @Inject
    GiftService gifts;

    @Inject
    CoverService covers;

    @Override
    @RolesAllowed("admin")
    public Response setShiftCoordinator(UUID shiftId, ShiftCoordinatorInput in) {
        return Response.ok(HoursMapper.coordinator(attendance.name(caller, shiftId, in.getMemberId()))).build();
    }

    @Override
    @RolesAllowed("admin")
    public Response removeShiftCoordinator(UUID shiftId) {
        attendance.unname(shiftId);
        return Response.noContent().build();
    }

    @Override
    @RolesAllowed({ "member", "admin" })
    public Response getAttendanceSheet(UUID shiftId) {
        return Response.ok(HoursMapper.sheet(attendance.sheet(caller, shiftId), clock.getZone())).build();
    }

    @Override
    @RolesAllowed({ "member", "admin" })
    public Response markAttendance(UUID shiftId, UUID signupId, AttendanceInput in) {
        return Response.ok(HoursMapper.row(attendance.mark(caller, shiftId, signupId,
                AttendanceService.Mark.valueOf(in.getMark().name())), clock.getZone())).build();
    }

    @Override
    @RolesAllowed({ "member", "admin" })
    public Response listAttendanceSheets(Integer limit, String cursor) {
        Cursor.Slice<AttendanceService.Summary> page = attendance.sheets(caller, limit, cursor);
        return Response.ok(new AttendanceSheetPage().items(page.items().stream()
                .map(s -> HoursMapper.summary(s, clock.getZone())).toList()).nextCursor(page.nextCursor())).build();
    }

    @Override
    @RolesAllowed("member")
    public Response getMyVolunteerHours() {
        return Response.ok(HoursMapper.account(hours.mine(caller), clock.getZone())).build();
    }

    @Override
    @RolesAllowed({ "member", "admin" })
    public Response getHouseholdVolunteerHours(UUID householdId) {
        return Response.ok(HoursMapper.account(hours.household(caller, householdId), clock.getZone())).build();
    }

    @Override
    @RolesAllowed("member")
    public Response logVolunteerHours(LoggedHoursInput in, String idempotencyKey) {
        LoggedHoursService.Logged logged = loggedHours.log(caller, new LoggedHoursService.Entry(in.getDoneOn(),
                in.getMinutes(), in.getDescription()), idempotencyKey);
        return Response.created(URI.create("/api/v1/me/volunteer-hours/logged"))
                .entity(HoursMapper.logged(logged, clock.getZone())).build();
    }

    @Override
    @RolesAllowed("member")
    public Response listMyLoggedHours(Integer limit, String cursor) {
        return loggedPage(loggedHours.mine(caller, limit, cursor));
    }

    @Override
    @RolesAllowed({ "admin", "referent" })
    public Response listLoggedHours(LoggedHoursStatus status, Integer limit, String cursor) {
        return loggedPage(loggedHours.list(status == null ? null : LoggedHoursService.Status.valueOf(status.name()),
                limit, cursor));
    }

    private Response loggedPage(Cursor.Slice<LoggedHoursService.Logged> page) {
        return Response.ok(new LoggedHoursPage().items(page.items().stream()
                .map(l -> HoursMapper.logged(l, clock.getZone())).toList()).nextCursor(page.nextCursor())).build();
    }

    @Override
    @RolesAllowed({ "admin", "referent" })
    public Response decideLoggedHours(UUID loggedHoursId, LoggedHoursDecision in) {
        return Response.ok(HoursMapper.logged(loggedHours.decide(caller, loggedHoursId,
                LoggedHoursService.Status.valueOf(in.getDecision().value()), in.getReason()), clock.getZone())).build();
    }

    @Override
    @RolesAllowed("member")
    public Response giveVolunteerHours(HoursGiftInput in, String idempotencyKey) {
        return Response.status(201).entity(HoursMapper.gift(gifts.give(caller, in.getToMemberNumber(), in.getMinutes(),
                in.getNote(), idempotencyKey))).build();
    }

    @Override
    @RolesAllowed("member")
    public Response declareVolunteerPause(VolunteerPauseInput in) {
        return Response.status(201).entity(HoursMapper.pause(covers.declare(caller,
                new CoverService.Period(in.getStartsOn(), in.getEndsOn(), in.getAdults())), clock.getZone())).build();
    }

    @Override
    @RolesAllowed("member")
    public Response cancelVolunteerPause(UUID pauseId) {
        covers.cancel(caller, pauseId);
        return Response.noContent().build();
    }

    @Override
    @RolesAllowed("admin")
    public Response listVolunteerExemptions(UUID householdId, Integer limit, String cursor) {
        Cursor.Slice<CoverService.Exemption> page = covers.exemptions(householdId, limit, cursor);
        return Response.ok(new VolunteerExemptionPage().items(page.items().stream()
                .map(e -> HoursMapper.exemption(e, clock.getZone())).toList()).nextCursor(page.nextCursor())).build();
    }

    @Override
    @RolesAllowed("admin")
    public Response grantVolunteerExemption(VolunteerExemptionInput in) {
        return Response.status(201).entity(HoursMapper.exemption(covers.grant(caller, in.getHouseholdId(),
                CoverService.Reason.valueOf(in.getReason().name()), in.getNote(),
                new CoverService.Period(in.getStartsOn(), in.getEndsOn(), in.getAdults())), clock.getZone())).build();
    }

    @Override
    @RolesAllowed("admin")
    public Response revokeVolunteerExemption(UUID exemptionId) {
        covers.revoke(caller, exemptionId);
        return Response.noContent().build();
    }

    @Override
    @RolesAllowed("admin")
    public Response listHouseholdBalances(VolunteerStanding standing, Integer limit, String cursor) {
        Cursor.Slice<HoursService.Balance> page = hours.balances(standing == null ? null
                : HoursAccount.Standing.valueOf(standing.name()), limit, cursor);
        return Response.ok(new HouseholdBalancePage().items(page.items().stream().map(HoursMapper::balance).toList())
                .nextCursor(page.nextCursor())).build();
    }

    @Override
    @RolesAllowed("admin")
    public Response exportHouseholdBalances() {
        return Response.ok(hours.balancesCsv(), Csv.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"heures-par-foyer.csv\"").build();
    }

    @Override
    @RolesAllowed("admin")
    public Response getVolunteerHoursPerMonth(Integer months) {
        return Response.ok(new HoursPerMonth().items(hours.perMonth(months == null ? 12 : months).stream()
                .map(HoursMapper::month).toList())).build();
    }

    @Override
    @Authenticated
    public Response getVolunteeringRules() {
        VolunteerRules rules = hours.rules();
        return Response.ok(HoursMapper.rules(rules)).tag(ETags.of(rules.version)).build();
    }

    @Override
    @RolesAllowed("admin")
    public Response updateVolunteeringRules(VolunteeringRules in, String ifMatch) {
        VolunteerRules rules = hours.updateRules(ifMatch, HoursMapper.rules(in));
        return Response.ok(HoursMapper.rules(rules)).tag(ETags.of(rules.version)).build();
    }

    private coop.panier.api.model.Shift toApi(ShiftService.View view, StandIns.Offer offer) {
        Shift s = view.shift();
        return new coop.panier.api.model.Shift().id(s.id).task(s.task).place(s.place)
                .startsAt(offset(s.startsAt)).endsAt(offset(s.endsAt)).seats(s.seats).freeSeats(s.freeSeats())
                .status(ShiftStatus.fromValue(s.status.name())).signedUp(view.signedUp())
                .standInsWanted(offer.wanted()).standInRequested(offer.mine())
                .withdrawUntil(offset(shifts.withdrawalLimit(s)));
    }

    /** In the co-op's zone, as the other areas answer. */
    private java.time.OffsetDateTime offset(java.time.Instant instant) {
        return instant.atZone(clock.getZone()).toOffsetDateTime();
    }
}
