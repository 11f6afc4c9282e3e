package coop.panier.assemblies;

import java.net.URI;
import java.util.UUID;

import coop.panier.api.AssembliesApi;
import coop.panier.api.model.AgendaItemInput;
import coop.panier.api.model.AgendaItemList;
import coop.panier.api.model.AgendaItemRecord;
import coop.panier.api.model.AssemblyInput;
import coop.panier.api.model.AssemblyMemberList;
import coop.panier.api.model.AssemblyPage;
import coop.panier.api.model.AssemblyProxyInput;
import coop.panier.api.model.AssemblyProxyList;
import coop.panier.api.model.CurrentAgendaItemInput;
import coop.panier.api.model.RaiseHandInput;
import coop.panier.common.Caller;
import coop.panier.common.Cursor;
import coop.panier.common.ETags;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.core.Response;

/** Assemblies over HTTP: scheduled by admins, their agenda open to members, run live by their facilitator. */
public class AssembliesResource implements AssembliesApi {

    @Inject
    Assemblies assemblies;

    @Inject
    Agenda agenda;

    @Inject
    Proxies proxies;

    @Inject
    LiveMode live;

    @Inject
    AssemblyViews views;

    @Inject
    Caller caller;

    @Override
    @Authenticated
    public Response getAssemblyRules() {
        AssemblyRules rules = assemblies.rules();
        return Response.ok(rules(rules)).tag(ETags.of(rules.version)).build();
    }

    @Override
    @RolesAllowed("admin")
    public Response updateAssemblyRules(coop.panier.api.model.AssemblyRules in, String ifMatch) {
        AssemblyRules rules = assemblies.updateRules(ifMatch, in.getAgendaCloseDays(), in.getMaxProxiesHeld());
        return Response.ok(rules(rules)).tag(ETags.of(rules.version)).build();
    }

    @Override
    @RolesAllowed({ "admin", "member" })
    public Response listAssemblies(Boolean past, Integer limit, String cursor) {
        Cursor.Slice<Assembly> page = assemblies.page(Boolean.TRUE.equals(past), limit, cursor);
        return Response.ok(new AssemblyPage().items(page.items().stream().map(a -> views.assembly(caller, a)).toList())
                .nextCursor(page.nextCursor())).build();
    }

    @Override
    @RolesAllowed("admin")
    public Response createAssembly(AssemblyInput in) {
        Assembly assembly = assemblies.create(definition(in));
        return Response.created(URI.create("/api/v1/assemblies/" + assembly.id)).tag(ETags.of(assembly.version))
                .entity(views.assembly(caller, assemblies.find(assembly.id))).build();
    }

    @Override
    @RolesAllowed({ "admin", "member" })
    public Response getAssembly(UUID assemblyId) {
        Assembly assembly = assemblies.find(assemblyId);
        return Response.ok(views.assembly(caller, assembly)).tag(ETags.of(assembly.version)).build();
    }

    @Override
    @RolesAllowed("admin")
    public Response updateAssembly(UUID assemblyId, AssemblyInput in, String ifMatch) {
        Assembly assembly = assemblies.update(assemblyId, definition(in), ifMatch);
        return Response.ok(views.assembly(caller, assemblies.find(assembly.id))).tag(ETags.of(assembly.version)).build();
    }

    @Override
    @RolesAllowed({ "admin", "member" })
    public Response listAgendaItems(UUID assemblyId) {
        assemblies.find(assemblyId);
        return Response.ok(new AgendaItemList().items(views.items(caller, agenda.of(assemblyId)))).build();
    }

    @Override
    @RolesAllowed({ "admin", "member" })
    public Response addAgendaItem(UUID assemblyId, AgendaItemInput in) {
        AgendaItem item = agenda.add(caller, assemblyId, input(in));
        return Response.created(URI.create("/api/v1/assemblies/" + assemblyId + "/agenda-items/" + item.id))
                .tag(ETags.of(item.version)).entity(views.item(caller, item)).build();
    }

    @Override
    @RolesAllowed({ "admin", "member" })
    public Response updateAgendaItem(UUID assemblyId, UUID itemId, AgendaItemInput in, String ifMatch) {
        AgendaItem item = agenda.change(caller, assemblyId, itemId, input(in), ifMatch);
        return Response.ok(views.item(caller, item)).tag(ETags.of(item.version)).build();
    }

    @Override
    @RolesAllowed({ "admin", "member" })
    public Response withdrawAgendaItem(UUID assemblyId, UUID itemId) {
        agenda.withdraw(caller, assemblyId, itemId);
        return Response.noContent().build();
    }

    @Override
    @RolesAllowed({ "admin", "member" })
    public Response listAssemblyProxies(UUID assemblyId) {
        assemblies.find(assemblyId);
        return Response.ok(new AssemblyProxyList().items(views.proxies(assemblyId))).build();
    }

    @Override
    @RolesAllowed({ "admin", "member" })
    public Response giveAssemblyProxy(UUID assemblyId, AssemblyProxyInput in) {
        Proxies.Proxy given = proxies.give(caller, assemblyId, in.getHolderId());
        return Response.ok(views.proxies(assemblyId).stream().filter(p -> p.getGiver().getId().equals(given.giverId()))
                .findFirst().orElseThrow()).build();
    }

    @Override
    @RolesAllowed({ "admin", "member" })
    public Response withdrawAssemblyProxy(UUID assemblyId) {
        proxies.withdraw(caller, assemblyId);
        return Response.noContent().build();
    }

    @Override
    @RolesAllowed({ "admin", "member" })
    public Response findAssemblyMembers(UUID assemblyId, String search) {
        return Response.ok(new AssemblyMemberList().items(views.members(assemblyId, search))).build();
    }

    @Override
    @RolesAllowed({ "admin", "member" })
    public Response getAssemblyLive(UUID assemblyId, String ifNoneMatch) {
        AssemblyViews.Live state = views.live(caller, assemblyId);
        var tag = ETags.of(state.version());
        if (ifNoneMatch != null && ifNoneMatch.strip().equals(tag.toString())) {
            return Response.notModified(tag).build();
        }
        return Response.ok(state.state()).tag(tag).build();
    }

    @Override
    @RolesAllowed({ "admin", "member" })
    public Response startAssembly(UUID assemblyId) {
        live.start(caller, assemblyId);
        return liveState(assemblyId);
    }

    @Override
    @RolesAllowed({ "admin", "member" })
    public Response setCurrentAgendaItem(UUID assemblyId, CurrentAgendaItemInput in) {
        live.setCurrent(caller, assemblyId, in.getItemId());
        return liveState(assemblyId);
    }

    @Override
    @RolesAllowed({ "admin", "member" })
    public Response recordAgendaItem(UUID assemblyId, UUID itemId, AgendaItemRecord in, String ifMatch) {
        live.record(caller, assemblyId, itemId, in.getNotes(), in.getDecision(), ifMatch);
        return liveState(assemblyId);
    }

    @Override
    @RolesAllowed({ "admin", "member" })
    public Response markAssemblyPresent(UUID assemblyId, UUID memberId) {
        live.present(caller, assemblyId, memberId);
        return liveState(assemblyId);
    }

    @Override
    @RolesAllowed({ "admin", "member" })
    public Response markAssemblyAbsent(UUID assemblyId, UUID memberId) {
        live.absent(caller, assemblyId, memberId);
        return liveState(assemblyId);
    }

    @Override
    @RolesAllowed({ "admin", "member" })
    public Response raiseHand(UUID assemblyId, RaiseHandInput in) {
        live.raise(caller, assemblyId, in == null ? null : in.getMemberId());
        return liveState(assemblyId);
    }

    @Override
    @RolesAllowed({ "admin", "member" })
    public Response lowerHand(UUID assemblyId, UUID handId) {
        live.lower(caller, assemblyId, handId);
        return liveState(assemblyId);
    }

    @Override
    @RolesAllowed({ "admin", "member" })
    public Response giveFloor(UUID assemblyId, UUID handId) {
        live.giveFloor(caller, assemblyId, handId);
        return liveState(assemblyId);
    }

    @Override
    @RolesAllowed({ "admin", "member" })
    public Response closeAssembly(UUID assemblyId) {
        live.close(caller, assemblyId);
        return Response.ok(views.minutes(caller, assemblyId)).build();
    }

    @Override
    @RolesAllowed({ "admin", "member" })
    public Response getAssemblyMinutes(UUID assemblyId) {
        return Response.ok(views.minutes(caller, assemblyId)).build();
    }

    private Response liveState(UUID assemblyId) {
        AssemblyViews.Live state = views.live(caller, assemblyId);
        return Response.ok(state.state()).tag(ETags.of(state.version())).build();
    }

    private static coop.panier.api.model.AssemblyRules rules(AssemblyRules rules) {
        return new coop.panier.api.model.AssemblyRules().agendaCloseDays(rules.agendaCloseDays)
                .maxProxiesHeld(rules.maxProxiesHeld);
    }

    private static Assemblies.Definition definition(AssemblyInput in) {
        return new Assemblies.Definition(in.getTitle(), in.getPlace(), in.getStartsAt().toInstant(),
                in.getEndsAt().toInstant(), in.getFacilitatorId());
    }

    private static Agenda.Input input(AgendaItemInput in) {
        return new Agenda.Input(in.getTitle(), in.getDescription(), in.getDurationMinutes(), in.getProposalId());
    }
}
