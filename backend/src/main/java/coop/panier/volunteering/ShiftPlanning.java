package coop.panier.volunteering;

import java.net.URI;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import coop.panier.api.model.CycleWeek;
import coop.panier.api.model.KeptShift;
import coop.panier.api.model.MyRegularSeat;
import coop.panier.api.model.MyVolunteering;
import coop.panier.api.model.RegularSeatInput;
import coop.panier.api.model.RegularSeatList;
import coop.panier.api.model.ShiftCycleInput;
import coop.panier.api.model.ShiftRecurrence;
import coop.panier.api.model.ShiftTaskInput;
import coop.panier.api.model.ShiftTaskList;
import coop.panier.api.model.ShiftTemplateInput;
import coop.panier.api.model.ShiftTemplateList;
import coop.panier.api.model.SkillHolder;
import coop.panier.api.model.SkillHolderPage;
import coop.panier.api.model.SkillInput;
import coop.panier.api.model.SkillList;
import coop.panier.api.model.SkillRef;
import coop.panier.api.model.SkilledSeatInput;
import coop.panier.api.model.TemplateSkilledSeat;
import coop.panier.api.model.Weekday;
import coop.panier.common.Caller;
import coop.panier.common.Cursor;
import coop.panier.common.ETags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

/**
 * The HTTP side of tasks, skills, the cycle, templates and regular seats: VolunteeringResource
 * hands these operations over here, after its role checks.
 */
@ApplicationScoped
public class ShiftPlanning {

    @Inject
    ShiftTasks tasks;

    @Inject
    Skills skills;

    @Inject
    ShiftCycle cycles;

    @Inject
    ShiftTemplates templates;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    Response listTasks() {
        return Response.ok(new ShiftTaskList().items(tasks.all().stream()
                .map(t -> new coop.panier.api.model.ShiftTask().id(t.id()).name(t.name())).toList())).build();
    }

    Response createTask(ShiftTaskInput in) {
        ShiftTasks.Task task = tasks.add(in.getName());
        return Response.created(URI.create("/api/v1/shift-tasks")).entity(new coop.panier.api.model.ShiftTask()
                .id(task.id()).name(task.name())).build();
    }

    Response listSkills() {
        return Response.ok(new SkillList().items(skills.all().stream().map(ShiftPlanning::skill).toList())).build();
    }

    Response createSkill(SkillInput in) {
        Skills.Skill skill = skills.create(in.getName(), in.getDescription());
        return Response.created(URI.create("/api/v1/skills")).entity(skill(skill)).build();
    }

    Response holders(UUID skillId, Integer limit, String cursor) {
        Cursor.Slice<Skills.Holder> page = skills.holders(skillId, limit, cursor);
        return Response.ok(new SkillHolderPage().items(page.items().stream().map(this::holder).toList())
                .nextCursor(page.nextCursor())).build();
    }

    Response grant(UUID memberId, UUID skillId) {
        return Response.ok(holder(skills.grant(caller, memberId, skillId))).build();
    }

    Response revoke(UUID memberId, UUID skillId) {
        skills.revoke(memberId, skillId);
        return Response.noContent().build();
    }

    Response cycle() {
        return cycle(cycles.current());
    }

    Response changeCycle(ShiftCycleInput in, String ifMatch) {
        return cycle(cycles.change(ifMatch, in.getStartsOn()));
    }

    private Response cycle(ShiftCycle.Cycle cycle) {
        return Response.ok(new coop.panier.api.model.ShiftCycle().startsOn(cycle.startsOn())
                .currentWeek(CycleWeek.fromValue(cycle.weekOf(java.time.LocalDate.now(clock))))
                .inUse(cycles.inUse())).tag(ETags.of(cycle.version())).build();
    }

    Response listTemplates() {
        return Response.ok(new ShiftTemplateList().items(templates.all().stream().map(this::template).toList())).build();
    }

    Response createTemplate(ShiftTemplateInput in, String idempotencyKey) {
        ShiftTemplates.View view = templates.create(definition(in), idempotencyKey);
        return Response.created(URI.create("/api/v1/shift-templates/" + view.template().id))
                .tag(ETags.of(view.template().version)).entity(template(view)).build();
    }

    Response getTemplate(UUID id) {
        ShiftTemplates.View view = templates.get(id);
        return Response.ok(template(view)).tag(ETags.of(view.template().version)).build();
    }

    Response updateTemplate(UUID id, ShiftTemplateInput in, String ifMatch) {
        ShiftTemplates.View view = templates.update(id, ifMatch, definition(in));
        return Response.ok(template(view)).tag(ETags.of(view.template().version)).build();
    }

    Response endTemplate(UUID id) {
        templates.end(id);
        return Response.noContent().build();
    }

    Response regularSeats(UUID templateId) {
        return Response.ok(new RegularSeatList().items(templates.regularSeats(templateId).stream().map(this::seat)
                .toList())).build();
    }

    Response assign(UUID templateId, RegularSeatInput in) {
        ShiftTemplates.RegularSeat seat = templates.assign(templateId, in.getMemberId());
        return Response.created(URI.create("/api/v1/shift-templates/" + templateId + "/regular-seats/" + seat.memberId()))
                .entity(seat(seat)).build();
    }

    Response release(UUID templateId, UUID memberId) {
        templates.release(caller, templateId, memberId);
        return Response.noContent().build();
    }

    Response mine() {
        ShiftTemplates.Mine mine = templates.mine(caller);
        return Response.ok(new MyVolunteering()
                .kind(mine.regularSeats().isEmpty() ? MyVolunteering.KindEnum.VOLANT : MyVolunteering.KindEnum.REGULAR)
                .regularSeats(mine.regularSeats().stream().map(this::mySeat).toList())
                .skills(mine.skills().stream().map(s -> new SkillRef().id(s.id()).name(s.name())).toList())).build();
    }

    /** The skills required by some seats, as the contract gives them. */
    static List<SeatKinds.SkilledSeat> skilled(List<SkilledSeatInput> in) {
        return in == null ? List.of() : in.stream().map(s -> new SeatKinds.SkilledSeat(s.getSkillId(), s.getSeats())).toList();
    }

    private static ShiftTemplates.Definition definition(ShiftTemplateInput in) {
        return new ShiftTemplates.Definition(in.getTask(), in.getPlace(), DayOfWeek.valueOf(in.getWeekday().toString()),
                LocalTime.parse(in.getStartTime()), LocalTime.parse(in.getEndTime()), in.getSeats(),
                skilled(in.getSkilledSeats()), ShiftTemplate.Recurrence.valueOf(in.getRecurrence().toString()),
                in.getCycleWeek() == null ? null : in.getCycleWeek().toString(), in.getStartsOn());
    }

    private coop.panier.api.model.ShiftTemplate template(ShiftTemplates.View view) {
        ShiftTemplate t = view.template();
        coop.panier.api.model.ShiftTemplate out = new coop.panier.api.model.ShiftTemplate().id(t.id).task(t.task)
                .place(t.place).weekday(Weekday.fromValue(t.dayOfWeek().name())).startTime(t.startTime.toString())
                .endTime(t.endTime.toString()).seats(t.seats)
                .skilledSeats(view.skilledSeats().stream().map(s -> new TemplateSkilledSeat().skillId(s.skillId())
                        .skill(s.skill()).seats(s.seats())).toList())
                .recurrence(ShiftRecurrence.fromValue(t.recurrence.name())).startsOn(t.startsOn)
                .regularSeats(view.regularSeats())
                .keptShifts(view.kept().stream().map(k -> new KeptShift().shiftId(k.shiftId()).startsAt(offset(k.startsAt()))
                        .endsAt(offset(k.endsAt())).signedUp(k.signedUp())).toList());
        if (t.cycleWeek != null) {
            out.cycleWeek(CycleWeek.fromValue(t.cycleWeek));
        }
        return out;
    }

    private MyRegularSeat mySeat(ShiftTemplates.MySeat seat) {
        ShiftTemplate t = seat.template();
        MyRegularSeat out = new MyRegularSeat().templateId(t.id).task(t.task).place(t.place)
                .weekday(Weekday.fromValue(t.dayOfWeek().name())).startTime(t.startTime.toString())
                .endTime(t.endTime.toString()).recurrence(ShiftRecurrence.fromValue(t.recurrence.name()))
                .since(offset(seat.since()));
        if (t.cycleWeek != null) {
            out.cycleWeek(CycleWeek.fromValue(t.cycleWeek));
        }
        return out;
    }

    private coop.panier.api.model.RegularSeat seat(ShiftTemplates.RegularSeat seat) {
        return new coop.panier.api.model.RegularSeat().templateId(seat.templateId()).memberId(seat.memberId())
                .memberNumber(seat.memberNumber()).firstName(seat.firstName()).lastName(seat.lastName())
                .since(offset(seat.since())).notSignedUpOn(seat.notSignedUpOn().stream().map(this::offset).toList());
    }

    private static coop.panier.api.model.Skill skill(Skills.Skill skill) {
        return new coop.panier.api.model.Skill().id(skill.id()).name(skill.name()).description(skill.description())
                .holders(skill.holders());
    }

    private SkillHolder holder(Skills.Holder h) {
        return new SkillHolder().memberId(h.memberId()).memberNumber(h.memberNumber()).firstName(h.firstName())
                .lastName(h.lastName()).skillId(h.skillId()).grantedAt(offset(h.grantedAt()));
    }

    private OffsetDateTime offset(Instant instant) {
        return instant.atZone(clock.getZone()).toOffsetDateTime();
    }
}
