package coop.panier.integrations;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import coop.panier.common.Caller;
import coop.panier.common.ProblemException;
import coop.panier.common.Problems;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;

/**
 * Each integration client's request budget (per minute, its own or the default, 600), and the refusal of a
 * disabled client's tokens still valid. The count is a sliding window kept in this instance's
 * memory: with several instances a client may get up to the budget from each, which is enough
 * to keep a runaway till from hurting members, and costs no database write per request. The
 * clients' settings are read from PostgreSQL every 30 s and after each change made here.
 */
@Singleton
public class RequestBudgets {

    private static final long WINDOW = Duration.ofMinutes(1).toNanos();

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    Integrations integrations;

    private volatile Map<String, Integration> settings = Map.of();
    private final Map<String, ArrayDeque<Long>> requests = new ConcurrentHashMap<>();

    void atStart(@Observes StartupEvent start) {
        reload();
    }

    @Scheduled(every = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void reload() {
        List<Integration> all = integrations.all();
        settings = all.stream().collect(Collectors.toUnmodifiableMap(i -> i.clientId, i -> i));
    }

    @ServerRequestFilter
    public Uni<Response> check() {
        return identities.getDeferredIdentity().onFailure().recoverWithNull().map(this::refusal);
    }

    private Response refusal(SecurityIdentity identity) {
        if (identity == null || !(identity.getPrincipal() instanceof JsonWebToken token) || !Caller.integration(token)) {
            return null;
        }
        String client = token.containsClaim("azp") ? token.getClaim("azp") : token.getClaim("client_id");
        Integration integration = client == null ? null : settings.get(client);
        if (integration != null && !integration.enabled) {
            return Problems.of(ProblemException.forbidden(integration.deletedAt == null
                    ? "Ce client d'intégration est désactivé." : "Ce client d'intégration a été supprimé."));
        }
        int budget = integration == null ? integrations.defaultBudget() : integration.budgetPerMinute;
        ArrayDeque<Long> log = requests.computeIfAbsent(String.valueOf(client), c -> new ArrayDeque<>());
        long now = System.nanoTime();
        synchronized (log) {
            while (!log.isEmpty() && now - log.peekFirst() >= WINDOW) {
                log.pollFirst();
            }
            if (log.size() >= budget) {
                long wait = Math.max(1, (log.peekFirst() + WINDOW - now + 999_999_999L) / 1_000_000_000L);
                return Response.fromResponse(Problems.response(429, "budget-exceeded", "Trop de requêtes",
                        "Ce client d'intégration a fait ses " + budget + " requêtes de la minute : réessayez dans "
                                + wait + " s.")).header("Retry-After", wait).build();
            }
            log.addLast(now);
        }
        return null;
    }
}
