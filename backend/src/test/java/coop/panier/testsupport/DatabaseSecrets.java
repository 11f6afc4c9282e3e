package coop.panier.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The passwords of the embedded cluster's roles, one file per role (`<role>.password`), made on
 * the first start and readable by their owner only: the directory is 0700, each file 0600.
 */
public final class DatabaseSecrets {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;

    private DatabaseSecrets(Path directory) {
        this.directory = directory;
    }

    /** The secrets of a data directory live beside it, in `secrets/`, never inside the cluster. */
    public static DatabaseSecrets of(Path dataDirectory) throws IOException {
        Path directory = dataDirectory.toAbsolutePath().getParent().resolve("secrets");
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        // Also tightens a directory made by hand or by an older launcher.
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        return new DatabaseSecrets(directory);
    }

    public Path directory() {
        return directory;
    }

    public Path file(String role) {
        return directory.resolve(role + ".password");
    }

    public boolean has(String role) {
        return Files.exists(file(role));
    }

    /** The role's password, made now if it has none yet. */
    public String password(String role) throws IOException {
        Path file = file(role);
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, generate() + "\n", StandardCharsets.UTF_8);
        }
        return Files.readString(file, StandardCharsets.UTF_8).strip();
    }

    void delete() throws IOException {
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(directory);
    }

    /** 32 letters and digits (about 190 bits): nothing to quote in SQL, a shell or a URL. */
    private static String generate() {
        StringBuilder password = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
