package coop.panier.members;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.quarkus.test.Mock;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The tests have no Keycloak: what the backend asks of the accounts is recorded here instead.
 * The real calls are checked against the real Keycloak of the end-to-end stack
 * (keycloak/verify-sign-in-sync.sh).
 */
@Mock
@ApplicationScoped
public class RecordingSignInAccounts implements SignInAccounts {

    public record Call(String subject, String what) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();

    @Override
    public void allowSignIn(String subject, boolean allowed) {
        calls.add(new Call(subject, allowed ? "enable" : "disable"));
    }

    @Override
    public void remove(String subject) {
        calls.add(new Call(subject, "remove"));
    }

    public List<Call> callsFor(String subject) {
        return calls.stream().filter(c -> subject.equals(c.subject())).toList();
    }
}
