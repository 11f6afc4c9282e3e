package coop.panier.members;

/**
 * The members' sign-in accounts, which live in Keycloak: a suspended or departed member cannot
 * sign in, a member back in good standing can, an erased member's account is gone. The
 * implementation is {@link KeycloakSignInAccounts}; tests without a Keycloak replace it.
 */
public interface SignInAccounts {

    /** Allows or forbids signing in to the account of this token subject. */
    void allowSignIn(String subject, boolean allowed);

    /** Deletes the account of this token subject; an account already gone is not an error. */
    void remove(String subject);
}
