package coop.panier.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What an `Idempotency-Key` is kept with: the SHA-256 of the request it first came with, so that
 * a retry gets the first answer and another request under the same key a 422. Orders, pickups,
 * payments, shift templates, stand-ins, logged hours and gifts all keep their keys this way.
 */
public final class RequestDigest {

    private RequestDigest() {
    }

    public static String of(String request) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(request.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The earlier answer under the key, when it came with the same request; else the key was reused (422). */
    public static <T> T replay(T earlier, String earlierHash, String hash, String what) {
        if (!hash.equals(earlierHash)) {
            throw reused(what);
        }
        return earlier;
    }

    /** The key came with another request: `what` names what it was first used for (« un autre don d'heures »…). */
    public static ProblemException reused(String what) {
        return new ProblemException(422, "idempotency-key-reused", "Clé d'idempotence déjà utilisée",
                "Cette clé a déjà servi pour " + what + " ; utilisez-en une nouvelle.", List.of());
    }
}
