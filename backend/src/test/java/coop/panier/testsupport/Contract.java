package coop.panier.testsupport;

import java.nio.file.Path;

/** The root openapi.yaml, the contract the tests hold the API to. */
public final class Contract {

    private Contract() {
    }

    public static Path path() {
        return Path.of(System.getProperty("contract.file", "../openapi.yaml")).toAbsolutePath().normalize();
    }
}
