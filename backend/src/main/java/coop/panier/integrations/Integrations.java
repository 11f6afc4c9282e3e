package coop.panier.integrations;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import coop.panier.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Admins' integration clients: Keycloak keeps the client and its secret, PostgreSQL what Panier
 * needs of it (name, scopes, budget). A change Keycloak refuses changes nothing here either.
 */
@ApplicationScoped
@Transactional
public class Integrations {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A client with its secret, which only the answer that made it shows. */
    public record WithSecret(Integration integration, String secret) {
    }

    @Inject
    IntegrationAccounts accounts;

    @Inject
    Clock clock;

    /** Requests a minute of a client that was given no budget of its own (and of clients made outside Panier). */
    @ConfigProperty(name = "panier.integrations.default-budget-per-minute", defaultValue = "600")
    int defaultBudget;

    int defaultBudget() {
        return defaultBudget;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Integration> list() {
        return Integration.list("deletedAt is null order by createdAt desc, id");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Integration> all() {
        return Integration.listAll();
    }

    public WithSecret create(String name, List<String> scopes, Integer budgetPerMinute) {
        Integration integration = new Integration();
        integration.id = UUID.randomUUID();
        integration.name = name.strip();
        integration.clientId = clientId(integration.name);
        integration.scopes = scopes.stream().distinct().sorted().toArray(String[]::new);
        integration.budgetPerMinute = budgetPerMinute == null ? defaultBudget : budgetPerMinute;
        integration.createdAt = clock.instant();
        IntegrationAccounts.Created created = accounts.create(integration.clientId, integration.name, List.of(integration.scopes));
        integration.keycloakId = created.keycloakId();
        try {
            integration.persistAndFlush();
        } catch (RuntimeException e) {
            // Not kept here: not left in Keycloak either.
            accounts.remove(created.keycloakId());
            throw e;
        }
        return new WithSecret(integration, created.secret());
    }

    public Integration update(UUID id, Boolean enabled, Integer budgetPerMinute) {
        Integration integration = find(id);
        if (enabled != null && enabled != integration.enabled) {
            accounts.enable(integration.keycloakId, enabled);
            integration.enabled = enabled;
        }
        if (budgetPerMinute != null) {
            integration.budgetPerMinute = budgetPerMinute;
        }
        return integration;
    }

    public WithSecret rotate(UUID id) {
        Integration integration = find(id);
        return new WithSecret(integration, accounts.newSecret(integration.keycloakId));
    }

    public void remove(UUID id) {
        Integration integration = find(id);
        integration.enabled = false;
        integration.deletedAt = clock.instant();
        accounts.remove(integration.keycloakId);
    }

    /** Readable in Keycloak's console: `integration-caisse-du-local-3fa9c1`. */
    static String clientId(String name) {
        String slug = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        slug = slug.length() > 40 ? slug.substring(0, 40).replaceAll("-$", "") : slug;
        byte[] suffix = new byte[3];
        RANDOM.nextBytes(suffix);
        return "integration-" + (slug.isEmpty() ? "" : slug + "-") + HexFormat.of().formatHex(suffix);
    }

    private static Integration find(UUID id) {
        Integration integration = Integration.findById(id);
        if (integration == null || integration.deletedAt != null) {
            throw ProblemException.notFound("Aucun client d'intégration ne porte cet identifiant.");
        }
        return integration;
    }
}
