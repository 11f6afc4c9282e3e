package coop.panier.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import coop.panier.testsupport.EmbeddedDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The embedded PostgreSQL of the tests and of `make run` is run as a co-op's database must be. */
class EmbeddedDatabaseTest {

    private static Path root;
    private static EmbeddedDatabase db;

    @BeforeAll
    static void start() throws Exception {
        root = Files.createTempDirectory("panier-durability");
        db = EmbeddedDatabase.start(root.resolve("data"), 0, true);
    }

    @AfterAll
    static void stop() throws IOException {
        db.close();
        Files.deleteIfExists(root);
    }

    @Test
    void aCommitIsOnDiskBeforeItIsAcknowledged() throws SQLException {
        try (Connection c = db.connect()) {
            assertThat(show(c, "synchronous_commit")).isEqualTo("on");
            assertThat(show(c, "fsync")).isEqualTo("on");
            assertThat(show(c, "full_page_writes")).isEqualTo("on");
            assertThat(show(c, "password_encryption")).isEqualTo("scram-sha-256");
        }
    }

    @Test
    void noConnectionWithoutThePasswordNotEvenTheSuperuser() throws Exception {
        for (String role : List.of(EmbeddedDatabase.USER, EmbeddedDatabase.SUPERUSER)) {
            assertThatThrownBy(() -> db.connect(role, null).close()).isInstanceOf(SQLException.class)
                    .hasMessageContaining("password");
            assertThatThrownBy(() -> db.connect(role, "panier").close()).isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
        }
        try (Connection c = db.connect(EmbeddedDatabase.SUPERUSER, db.secrets().password(EmbeddedDatabase.SUPERUSER))) {
            assertThat(show(c, "is_superuser")).isEqualTo("on");
        }
    }

    @Test
    void everyLineOfPgHbaAsksForAScramPassword() throws IOException {
        assertThat(rules(db.dataDirectory())).isNotEmpty()
                .allSatisfy(rule -> assertThat(rule).endsWith("scram-sha-256").doesNotContain("trust"))
                .anySatisfy(rule -> assertThat(rule).startsWith("local"))
                .anySatisfy(rule -> assertThat(rule).startsWith("host"));
    }

    @Test
    void thePasswordsAreReadableByTheirOwnerOnly() throws IOException {
        Path secrets = db.secrets().directory();
        assertThat(secrets).isEqualTo(root.resolve("secrets"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rwx------");
        for (String role : List.of(EmbeddedDatabase.USER, EmbeddedDatabase.SUPERUSER)) {
            Path file = db.secrets().file(role);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(db.secrets().password(role)).hasSize(32).matches("[A-Za-z0-9]+");
        }
        assertThat(db.secrets().password(EmbeddedDatabase.USER)).isNotEqualTo(db.secrets().password(EmbeddedDatabase.SUPERUSER));
    }

    /** `make run`'s data from before: a cluster that trusted every local connection. */
    @Test
    void aClusterThatTrustedEveryoneIsGivenPasswords(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("postgres");
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
                Connection c = old.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create role panier login password 'panier'");
            s.execute("create database panier owner panier");
        }
        assertThat(rules(data)).anySatisfy(rule -> assertThat(rule).endsWith("trust"));

        try (EmbeddedDatabase migrated = EmbeddedDatabase.start(data, 0, false)) {
            assertThat(rules(data)).allSatisfy(rule -> assertThat(rule).endsWith("scram-sha-256"));
            assertThatThrownBy(() -> migrated.connect(EmbeddedDatabase.SUPERUSER, null).close())
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> migrated.connect(EmbeddedDatabase.USER, "panier").close())
                    .isInstanceOf(SQLException.class);
            try (Connection c = migrated.connect()) {
                assertThat(show(c, "synchronous_commit")).isEqualTo("on");
            }
        }
    }

    /** `make run` notices a dead PostgreSQL because its launcher exits with it. */
    @Test
    void theLauncherExitsWhenItsServerIsKilled(@TempDir Path dir) throws Exception {
        Process launcher = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                "-cp", System.getProperty("java.class.path"), EmbeddedDatabase.class.getName(),
                dir.resolve("postgres").toString(), Integer.toString(freePort()))
                .redirectErrorStream(true).start();
        try {
            List<String> output = new CopyOnWriteArrayList<>();
            CompletableFuture<Long> ready = new CompletableFuture<>();
            Thread reader = new Thread(() -> read(launcher, output, ready));
            reader.start();
            long pid = ready.get(120, TimeUnit.SECONDS);

            ProcessHandle.of(pid).orElseThrow().destroyForcibly();

            assertThat(launcher.waitFor(30, TimeUnit.SECONDS)).as("the launcher noticed").isTrue();
            assertThat(launcher.exitValue()).isEqualTo(1);
            reader.join(5_000);
            assertThat(output).anySatisfy(line -> assertThat(line).contains("PostgreSQL (pid " + pid + ") died unexpectedly"));
        } finally {
            launcher.destroyForcibly();
        }
    }

    private static void read(Process launcher, List<String> output, CompletableFuture<Long> ready) {
        Pattern readyLine = Pattern.compile("PostgreSQL ready: .*server pid (\\d+)\\)");
        try (BufferedReader in = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                output.add(line);
                Matcher m = readyLine.matcher(line);
                if (m.find()) {
                    ready.complete(Long.parseLong(m.group(1)));
                }
            }
            ready.completeExceptionally(new IllegalStateException("The launcher ended: " + output));
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static List<String> rules(Path data) throws IOException {
        return Files.readAllLines(data.resolve("pg_hba.conf")).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).map(line -> line.replaceAll("\\s+", " ")).toList();
    }

    private static String show(Connection c, String setting) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
