package io.syncline.it;

import io.syncline.platform.test.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One Syncline service run from its executable jar as its own process (profiles postgres,axonserver on a
 * fresh PostgreSQL database, postgres alone on a given one, or the standalone on its embedded H2 file) on a
 * free port, its output in {@code <module>.log} of the work directory.
 */
record ServiceProcess(String module, Process process, int port, Path log) {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final int LOG_TAIL = 80;

    /** Modules whose executable an assembly module builds: the gateway's holds the live layer too. */
    private static final Map<String, String> ASSEMBLED_BY = Map.of("gateway", "deploy/gateway");

    /** The target directory that holds the module's executable. */
    static Path target(Path root, String module) {
        return root.resolve(ASSEMBLED_BY.getOrDefault(module, module)).resolve("target");
    }

    /** {@code <module>-<version>-exec.jar} in {@link #target}, the newest if several; null if none. */
    static Path executableJar(Path root, String module) throws IOException {
        Path target = target(root, module);
        if (!Files.isDirectory(target)) {
            return null;
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> {
                        String name = p.getFileName().toString();
                        return name.startsWith(module + "-") && name.endsWith("-exec.jar");
                    })
                    .max(Comparator.comparingLong(p -> p.toFile().lastModified()))
                    .orElse(null);
        }
    }

    /** Starts the service against the Axon Server at {@code axonServer}; {@code extraEnv} adds settings. */
    static ServiceProcess start(String module, Path jar, Path workDir, String axonServer, Map<String, String> extraEnv)
            throws IOException {
        Map<String, String> env = new java.util.LinkedHashMap<>(extraEnv);
        env.put("SPRING_PROFILES_ACTIVE", "postgres,axonserver");
        env.put("SYNCLINE_AXONSERVER", axonServer);
        String database = TestDatabases.create("syncline_dist_" + module.replace("-service", ""));
        return startOn(module, jar, workDir, database, env);
    }

    /** Starts the service on {@code database} with profile postgres alone unless {@code extraEnv} says otherwise. */
    static ServiceProcess startOn(String module, Path jar, Path workDir, String database, Map<String, String> extraEnv)
            throws IOException {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        env.put("SPRING_PROFILES_ACTIVE", "postgres");
        env.put("SYNCLINE_DB_URL", database);
        env.put("SYNCLINE_DB_USER", TestDatabases.USER);
        env.put("SYNCLINE_DB_PASSWORD", TestDatabases.PASSWORD);
        env.put("SYNCLINE_DB_POOL_SIZE", "5");
        env.putAll(extraEnv);
        return launch(module, jar, workDir, env);
    }

    /**
     * Starts the standalone on its embedded default: no database configured, so an H2 file in its data directory
     * ({@code <module>-data}, as with {@link #startOn}), which outlives the process.
     */
    static ServiceProcess startEmbedded(String module, Path jar, Path workDir, Map<String, String> extraEnv)
            throws IOException {
        return launch(module, jar, workDir, extraEnv);
    }

    private static ServiceProcess launch(String module, Path jar, Path workDir, Map<String, String> settings)
            throws IOException {
        int port = freePort();
        Path log = workDir.resolve(module + ".log");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        // C1 only: these short-lived processes start much faster without the optimising compiler
                        "-Xmx512m",
                        "-XX:TieredStopAtLevel=1",
                        "-jar",
                        jar.toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        // only what the caller sets: a database or profile of the test's own environment must not leak in
        env.keySet().removeIf(name -> name.startsWith("SYNCLINE_DB_") || name.equals("SPRING_PROFILES_ACTIVE"));
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("SYNCLINE_DATA_DIR", workDir.resolve(module + "-data").toString());
        env.putAll(settings);
        return new ServiceProcess(module, builder.start(), port, log);
    }

    /** Waits until {@code /actuator/health/readiness} says UP, or fails with the log's tail. */
    void awaitReady(long deadlineNanos) {
        URI readiness = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
        while (System.nanoTime() < deadlineNanos) {
            if (!process.isAlive()) {
                throw new IllegalStateException(module + " exited with " + process.exitValue() + tail());
            }
            try {
                HttpResponse<String> r = HTTP.send(
                        HttpRequest.newBuilder(readiness)
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYetListening) {
                // starting up
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofSeconds(1));
        }
        throw new IllegalStateException(module + " not ready in time" + tail());
    }

    void dumpLog() {
        System.err.println("=== " + module + " (port " + port + ", " + log + ")" + tail());
    }

    String tail() {
        try {
            // leniently decoded: a half-written last line must not hide the rest
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            return "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL), lines.size()));
        } catch (IOException e) {
            return "\n(no log: " + e.getMessage() + ")";
        }
    }

    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
