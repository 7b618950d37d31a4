package io.syncline.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One benchmark's standalone: a fresh database, a temporary directory with a private copy of the jar (a rebuild
 * during the run must not pull it from under the process), the log and the data directory, and the process, ready.
 * Closing stops it, drops the database and deletes the directory unless the run kept them or was not clean.
 */
final class SynclineRun implements AutoCloseable {

    static final String USER = "bench";

    private final AppOptions options;
    private final Databases databases;
    private final String database;
    private final Path temp;
    private final String password = UUID.randomUUID().toString();
    private final List<String> jvm;
    private Map<String, String> env;
    private SynclineProcess app;
    private boolean clean;

    private SynclineRun(AppOptions options, Databases databases, String database, Path temp, List<String> jvm) {
        this.options = options;
        this.databases = databases;
        this.database = database;
        this.temp = temp;
        this.jvm = jvm;
    }

    /**
     * Creates the database and directory, starts the standalone with the benchmark user's environment changed by
     * {@code environment}, and waits until it is ready.
     */
    static SynclineRun start(
            AppOptions options, String name, List<String> jvm, Consumer<Map<String, String>> environment)
            throws Exception {
        if (!Files.isRegularFile(options.jar())) {
            throw new IllegalStateException("no standalone jar at "
                    + options.jar().toAbsolutePath() + " (build it with ./mvnw -DskipTests package, or pass --jar)");
        }
        Databases databases = options.databases();
        String database = databases.create(name.replace('-', '_'));
        Path temp = Files.createTempDirectory(name + "-");
        SynclineRun run = new SynclineRun(options, databases, database, temp, jvm);
        try {
            Files.copy(options.jar(), run.jar());
            run.env = SynclineProcess.environment(
                    databases, database, SynclineProcess.freePort(), temp.resolve("data"), USER, run.password);
            environment.accept(run.env);
            run.restart();
            return run;
        } catch (Exception | Error e) {
            run.close();
            throw e;
        }
    }

    /** Starts the process (again, after {@link #stop()}), on the same database and port. */
    void restart() throws Exception {
        int port = Integer.parseInt(env.get("SERVER_PORT"));
        Cli.log("Syncline: database " + database + ", port " + port + ", log " + log() + ", JVM " + jvm);
        app = SynclineProcess.start(jar(), jvm, env, log(), port);
        long started = System.nanoTime();
        app.awaitReady(options.startupTimeout());
        Cli.log(String.format(
                java.util.Locale.ROOT, "Syncline: ready after %.1f s", (System.nanoTime() - started) / 1e9));
    }

    /** Stops the process; the database stays. */
    void stop() {
        if (app != null) {
            app.close();
            app = null;
        }
    }

    SynclineProcess app() {
        return app;
    }

    Databases databases() {
        return databases;
    }

    String database() {
        return database;
    }

    String password() {
        return password;
    }

    Path temp() {
        return temp;
    }

    Path log() {
        return temp.resolve("syncline.log");
    }

    private Path jar() {
        return temp.resolve("syncline.jar");
    }

    /** A clean run deletes its directory at the end; any other keeps it for a look at the log. */
    void clean(boolean clean) {
        this.clean = clean;
    }

    @Override
    public void close() {
        stop();
        try {
            Files.deleteIfExists(jar());
        } catch (IOException e) {
            Cli.log("could not delete " + jar() + ": " + e.getMessage());
        }
        if (!options.keep()) {
            databases.drop(database);
        }
        if (clean && !options.keep()) {
            deleteTree(temp);
        } else {
            Cli.log("Syncline: kept " + temp);
        }
    }

    static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            Cli.log("could not delete " + root + ": " + e.getMessage());
        }
    }
}
