package coop.panier.volunteering;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;

import coop.panier.api.model.AttendanceMark;
import coop.panier.api.model.AttendanceRow;
import coop.panier.api.model.AttendanceSheet;
import coop.panier.api.model.AttendanceSheetSummary;
import coop.panier.api.model.HouseholdBalance;
import coop.panier.api.model.HoursGift;
import coop.panier.api.model.HoursMonth;
import coop.panier.api.model.HoursPerMonthItemsInner;
import coop.panier.api.model.LoggedHours;
import coop.panier.api.model.LoggedHoursStatus;
import coop.panier.api.model.ShiftCoordinator;
import coop.panier.api.model.VolunteerExemption;
import coop.panier.api.model.VolunteerExemptionReason;
import coop.panier.api.model.VolunteerPause;
import coop.panier.api.model.VolunteerStanding;
import coop.panier.api.model.VolunteeringRules;

/** The hours' views as the contract writes them; times in the co-op's zone. */
final class HoursMapper {

    private HoursMapper() {
    }

    static coop.panier.api.model.HoursAccount account(HoursService.AccountView view, ZoneId zone) {
        HoursAccount a = view.account();
        return new coop.panier.api.model.HoursAccount().householdId(a.household().id())
                .householdName(a.household().name()).adults(a.household().adults()).standing(standing(a.standing()))
                .sentence(view.sentence()).behindSince(a.behindFrom() == null ? null : a.behindFrom().toString())
                .graceEndsOn(a.standing() == HoursAccount.Standing.ALERT ? a.graceEndsOn() : null)
                .coveredUntil(a.coveredUntil()).orderingBlocked(a.orderingBlocked()).balanceMinutes(a.balance())
                .toDoThisMonthMinutes(a.toDoThisMonth()).giftableMinutes(a.giftable())
                .months(a.months().stream().sorted(Comparator.comparing(HoursAccount.Month::month).reversed())
                        .limit(HoursService.MONTHS_SHOWN)
                        .map(m -> new HoursMonth().month(m.month().toString()).requiredMinutes(m.required())
                                .creditedMinutes(m.credited()).givenMinutes(m.given()).receivedMinutes(m.received())
                                .balanceMinutes(m.balance()).current(m.current()))
                        .toList())
                .exemptions(view.exemptions().stream().map(e -> exemption(e, zone)).toList())
                .pauses(view.pauses().stream().map(p -> pause(p, zone)).toList());
    }

    static VolunteerStanding standing(HoursAccount.Standing standing) {
        return VolunteerStanding.fromValue(standing.name());
    }

    static VolunteerExemption exemption(CoverService.Exemption e, ZoneId zone) {
        return new VolunteerExemption().id(e.id()).householdId(e.householdId()).householdName(e.householdName())
                .reason(VolunteerExemptionReason.fromValue(e.reason().name())).note(e.note()).startsOn(e.startsOn())
                .endsOn(e.endsOn()).adults(e.adults()).grantedByName(e.grantedByName())
                .grantedAt(time(e.grantedAt(), zone));
    }

    static VolunteerPause pause(CoverService.Pause p, ZoneId zone) {
        return new VolunteerPause().id(p.id()).householdId(p.householdId()).startsOn(p.startsOn()).endsOn(p.endsOn())
                .adults(p.adults()).declaredByName(p.declaredByName()).declaredAt(time(p.declaredAt(), zone));
    }

    static LoggedHours logged(LoggedHoursService.Logged l, ZoneId zone) {
        return new LoggedHours().id(l.id()).householdId(l.householdId()).householdName(l.householdName())
                .memberId(l.memberId()).memberName(l.memberName()).doneOn(l.doneOn()).minutes(l.minutes())
                .description(l.description()).status(LoggedHoursStatus.fromValue(l.status().name()))
                .loggedAt(time(l.loggedAt(), zone)).decidedAt(time(l.decidedAt(), zone))
                .decidedByName(l.decidedByName()).refusalReason(l.refusalReason());
    }

    static HoursGift gift(GiftService.Gift g) {
        return new HoursGift().id(g.id()).fromHouseholdId(g.fromHouseholdId()).toMemberNumber(g.toMemberNumber())
                .minutes(g.minutes()).givenOn(g.givenOn()).note(g.note());
    }

    static HouseholdBalance balance(HoursService.Balance b) {
        HoursAccount a = b.account();
        HoursAccount.Month current = a.currentMonth();
        return new HouseholdBalance().householdId(a.household().id()).householdName(a.household().name())
                .adults(a.household().adults()).members(b.members()).standing(standing(a.standing()))
                .balanceMinutes(a.balance()).requiredThisMonthMinutes(a.currentRequired())
                .creditedThisMonthMinutes(current == null ? 0 : current.credited())
                .behindSince(a.behindFrom() == null ? null : a.behindFrom().toString()).sentence(b.sentence());
    }

    static HoursPerMonthItemsInner month(HoursService.MonthGiven m) {
        return new HoursPerMonthItemsInner().month(m.month().toString()).shiftMinutes(m.shiftMinutes())
                .loggedMinutes(m.loggedMinutes()).giftedMinutes(m.giftedMinutes());
    }

    static VolunteeringRules rules(VolunteerRules r) {
        return new VolunteeringRules().kind(VolunteeringRules.KindEnum.fromValue(r.kind.name()))
                .minutesPerAdultPerMonth(r.minutesPerAdult).shiftsPerCycle(r.shiftsPerCycle).shiftMinutes(r.shiftMinutes)
                .countingFrom(r.countingFrom).graceDays(r.graceDays).alertAfterMinutes(r.alertAfterMinutes)
                .suspendAfterMinutes(r.suspendAfterMinutes).orderingGate(r.orderingGate)
                .pauseMaxWeeksPerYear(r.pauseMaxWeeksPerYear);
    }

    static VolunteerRules rules(VolunteeringRules in) {
        VolunteerRules r = new VolunteerRules();
        r.kind = HoursAccount.Kind.valueOf(in.getKind().value());
        r.minutesPerAdult = in.getMinutesPerAdultPerMonth();
        r.shiftsPerCycle = in.getShiftsPerCycle();
        r.shiftMinutes = in.getShiftMinutes();
        r.countingFrom = in.getCountingFrom();
        r.graceDays = in.getGraceDays();
        r.alertAfterMinutes = in.getAlertAfterMinutes();
        r.suspendAfterMinutes = in.getSuspendAfterMinutes();
        r.orderingGate = in.getOrderingGate();
        r.pauseMaxWeeksPerYear = in.getPauseMaxWeeksPerYear();
        return r;
    }

    static ShiftCoordinator coordinator(AttendanceService.Coordinator c) {
        return c == null ? null : new ShiftCoordinator().shiftId(c.shiftId()).memberId(c.memberId()).memberName(c.name());
    }

    static AttendanceSheet sheet(AttendanceService.Sheet s, ZoneId zone) {
        return new AttendanceSheet().shiftId(s.shift().id).task(s.shift().task).place(s.shift().place)
                .startsAt(time(s.shift().startsAt, zone)).endsAt(time(s.shift().endsAt, zone))
                .creditMinutes(s.creditMinutes()).coordinator(coordinator(s.coordinator())).open(s.open())
                .rows(s.rows().stream().map(r -> row(r, zone)).toList());
    }

    static AttendanceRow row(AttendanceService.Row r, ZoneId zone) {
        return new AttendanceRow().signupId(r.signupId()).memberId(r.memberId()).memberNumber(r.memberNumber())
                .firstName(r.firstName()).lastName(r.lastName())
                .mark(r.mark() == null ? null : AttendanceMark.fromValue(r.mark().name()))
                .markedAt(time(r.markedAt(), zone)).creditedMinutes(r.creditedMinutes());
    }

    static AttendanceSheetSummary summary(AttendanceService.Summary s, ZoneId zone) {
        return new AttendanceSheetSummary().shiftId(s.shiftId()).task(s.task()).place(s.place())
                .startsAt(time(s.startsAt(), zone)).endsAt(time(s.endsAt(), zone)).signups(s.signups())
                .marked(s.marked()).coordinatorName(s.coordinatorName());
    }

    static OffsetDateTime time(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
