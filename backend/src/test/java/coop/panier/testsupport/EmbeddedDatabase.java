package coop.panier.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 17 from the embedded binaries, with no Docker: used by the tests (a
 * throw-away data directory) and by `make run` (a kept data directory under .data/).
 *
 * <p>It is run as a co-op's database would be: a commit acknowledged is on disk, and every
 * connection, the superuser's too, gives a password (SCRAM). The passwords are made on the
 * first start and kept beside the data directory, in `secrets/` (see {@link DatabaseSecrets}).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "panier";
    public static final String USER = "panier";
    public static final String SUPERUSER = "postgres";

    /**
     * Set on purpose: the embedded library turns synchronous_commit off and starts the server
     * with -F (fsync off), which acknowledge commits that a crash then loses.
     */
    public static final Map<String, String> DURABILITY = Map.of(
            "synchronous_commit", "on",
            "fsync", "on",
            "full_page_writes", "on");

    private static final String PG_HBA = """
            # Written by Panier's embedded PostgreSQL: every connection gives a password, checked
            # with SCRAM, the superuser's too. The passwords are in ../secrets/, readable by their owner only.
            # TYPE  DATABASE     USER  ADDRESS       METHOD
            local   all          all                 scram-sha-256
            host    all          all   127.0.0.1/32  scram-sha-256
            host    all          all   ::1/128       scram-sha-256
            local   replication  all                 scram-sha-256
            host    replication  all   127.0.0.1/32  scram-sha-256
            host    replication  all   ::1/128       scram-sha-256
            """;

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final DatabaseSecrets secrets;
    private final String password;
    private final boolean throwAway;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory, DatabaseSecrets secrets, String password,
            boolean throwAway) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.secrets = secrets;
        this.password = password;
        this.throwAway = throwAway;
    }

    /**
     * Starts PostgreSQL. A kept data directory that already holds a cluster is reused as it is
     * (one made before passwords were used is given them); a throw-away one is deleted when
     * the database closes. Its secrets go in a `secrets` directory beside it.
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port, boolean throwAway) throws IOException, SQLException {
        return start(dataDirectory, port, throwAway, ProcessBuilder.Redirect.PIPE);
    }

    /** With `output` INHERIT, the server's own messages go where the launcher's go (make run's log). */
    private static EmbeddedDatabase start(Path dataDirectory, int port, boolean throwAway, ProcessBuilder.Redirect output)
            throws IOException, SQLException {
        Path dir = dataDirectory.toAbsolutePath();
        Files.createDirectories(dir);
        DatabaseSecrets secrets = DatabaseSecrets.of(dir);
        boolean existing = !throwAway && Files.exists(dir.resolve("postgresql.conf"));
        boolean trusting = existing && trusts(dir);
        if (existing && !trusting && !secrets.has(SUPERUSER)) {
            throw new IllegalStateException("The cluster in " + dir + " asks for passwords, but " + secrets.file(SUPERUSER)
                    + " is missing. Put it back, or delete " + dir + " to start from scratch.");
        }
        String superuserPassword = secrets.password(SUPERUSER);
        removeStaleLockFiles(dir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(throwAway)
                .setServerConfig("max_connections", "100")
                .setServerConfig("password_encryption", "scram-sha-256")
                // The local socket in the cluster's own directory (0700), not in the shared /tmp.
                .setServerConfig("unix_socket_directories", dir.toString())
                // zonky hands its "locale" options to initdb as --key=value: that is how initdb's own
                // --pwfile and --auth reach it, so a new cluster is never open, not even for a moment.
                .setLocaleConfig("pwfile", secrets.file(SUPERUSER).toString())
                .setLocaleConfig("auth", "scram-sha-256")
                // zonky checks readiness by connecting as the superuser.
                .setConnectConfig("password", superuserPassword)
                // Recovery after a crash replays the WAL before the server accepts connections.
                .setPGStartupWait(Duration.ofSeconds(120))
                .setOutputRedirector(output)
                .setErrorRedirector(output);
        DURABILITY.forEach(builder::setServerConfig);
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        EmbeddedDatabase db = new EmbeddedDatabase(postgres, dir, secrets, secrets.password(USER), throwAway);
        if (trusting) {
            db.requirePasswords(superuserPassword);
        }
        db.createDatabaseAndUser();
        return db;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public DatabaseSecrets secrets() {
        return secrets;
    }

    /** The password of the application's role, {@link #USER}. */
    public String password() {
        return password;
    }

    /** A connection as the application's role, with its password. */
    public Connection connect() throws SQLException {
        return connect(USER, password);
    }

    public Connection connect(String user, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (password != null) {
            props.setProperty("password", password);
        }
        return DriverManager.getConnection(jdbcUrl(), props);
    }

    /** The postmaster, whose pid PostgreSQL writes on the first line of postmaster.pid. */
    public ProcessHandle server() throws IOException {
        return pidInLockFile(dataDirectory).flatMap(ProcessHandle::of)
                .orElseThrow(() -> new IllegalStateException("PostgreSQL is not running in " + dataDirectory));
    }

    /**
     * For crash drills: kills the postmaster with SIGKILL, as the OOM killer or a power cut would,
     * waits until it and its children are gone, and lets go of the data directory so that it can
     * be started again.
     */
    public void kill() throws IOException, InterruptedException {
        ProcessHandle server = server();
        List<ProcessHandle> children = server.descendants().toList();
        server.destroyForcibly();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while ((isRunning(server) || children.stream().anyMatch(EmbeddedDatabase::isRunning))
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        removeStaleLockFiles(dataDirectory);
        postgres.close();
    }

    /** Alive, and not a zombie that nobody reaps (a killed postmaster's parent is init). */
    public static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        try {
            String line = Files.readString(stat, StandardCharsets.UTF_8);
            return line.charAt(line.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            return Files.exists(stat);
        }
    }

    private static boolean trusts(Path dir) throws IOException {
        Path hba = dir.resolve("pg_hba.conf");
        return Files.exists(hba) && Files.readAllLines(hba, StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .anyMatch(line -> List.of(line.split("\\s+")).contains("trust"));
    }

    private static Optional<Long> pidInLockFile(Path dir) throws IOException {
        return pidIn(dir.resolve("postmaster.pid"));
    }

    private static Optional<Long> pidIn(Path lockFile) throws IOException {
        if (!Files.exists(lockFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(lockFile, StandardCharsets.UTF_8);
        return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
    }

    /**
     * After a crash, postmaster.pid and the socket's lock file name a dead process, or a zombie
     * when nobody reaps it (in a container), which PostgreSQL would take for a running server.
     */
    private static void removeStaleLockFiles(Path dir) throws IOException {
        List<Path> lockFiles;
        try (var files = Files.list(dir)) {
            lockFiles = files.filter(f -> f.getFileName().toString().equals("postmaster.pid")
                    || f.getFileName().toString().matches("\\.s\\.PGSQL\\.\\d+\\.lock")).toList();
        }
        for (Path lockFile : lockFiles) {
            Optional<Long> pid = pidIn(lockFile);
            if (pid.isPresent() && ProcessHandle.of(pid.get()).map(p -> !isRunning(p)).orElse(true)) {
                Files.delete(lockFile);
            }
        }
    }

    /** A cluster made before passwords were used: give the superuser one, then drop every trust line. */
    private void requirePasswords(String superuserPassword) throws SQLException, IOException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("alter role " + SUPERUSER + " password '" + superuserPassword + "'");
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), PG_HBA, StandardCharsets.UTF_8);
            try (ResultSet rs = s.executeQuery("select pg_reload_conf()")) {
                rs.next();
            }
        }
        // The server reloads its rules a moment after the signal: until then, it still trusts.
        for (int i = 0; i < 100; i++) {
            try (Connection c = connect(SUPERUSER, null)) {
                Thread.sleep(50);
            } catch (SQLException refused) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("PostgreSQL still trusts connections without a password in " + dataDirectory);
    }

    private void createDatabaseAndUser() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_roles where rolname = '" + USER + "'")) {
                // The password in secrets/ is the one that counts, also for a role made before it.
                s.execute((rs.next() ? "alter" : "create") + " role " + USER + " login password '" + password + "'");
            }
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    s.execute("create database " + DATABASE + " owner " + USER);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
        if (throwAway) {
            secrets.delete();
        }
    }

    /**
     * `make run`: java ... EmbeddedDatabase <data directory> <port>; runs until stopped, and
     * exits with status 1 as soon as the server dies, so that the launcher sees it.
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : ".data/postgres").toAbsolutePath();
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 5432;
        EmbeddedDatabase db = start(dir, port, false, ProcessBuilder.Redirect.INHERIT);
        ProcessHandle server = db.server();
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            try {
                db.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }));
        System.out.println("PostgreSQL ready: " + db.jdbcUrl() + " (user " + USER + ", data in " + dir
                + ", passwords in " + db.secrets().directory() + ", server pid " + server.pid() + ")");
        while (isRunning(server)) {
            Thread.sleep(250);
        }
        if (stopping.get()) {
            return;
        }
        System.err.println("PostgreSQL (pid " + server.pid() + ") died unexpectedly; the launcher stops too.");
        System.exit(1);
    }
}
