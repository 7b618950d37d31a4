package io.syncline.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The standalone jar in its own JVM, its output in a log file; stopped (then killed) at the end. */
final class SynclineProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;
    private final Thread killOnExit;

    private SynclineProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
        // A Ctrl-C of the benchmark must not leave the application running
        this.killOnExit = new Thread(process::destroyForcibly, "kill-syncline");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * The environment of a benchmark run: its own database and data directory, one OPERATOR user
     * whose merchant has the user's name, and no rate limit to speak of.
     */
    static Map<String, String> environment(
            Databases databases, String database, int port, Path dataDir, String user, String password) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SYNCLINE_DB_URL", databases.url(database));
        env.put("SYNCLINE_DB_USER", databases.user());
        env.put("SYNCLINE_DB_PASSWORD", databases.password());
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("SYNCLINE_DATA_DIR", dataDir.toString());
        env.put("SYNCLINE_USERS_0_USERNAME", user);
        env.put("SYNCLINE_USERS_0_PASSWORD", password);
        env.put("SYNCLINE_USERS_0_MERCHANT", user);
        env.put("SYNCLINE_USERS_0_ROLES", "OPERATOR");
        env.put("SYNCLINE_GATEWAY_RATE_LIMIT_CAPACITY", "1000000");
        return env;
    }

    static SynclineProcess start(Path jar, List<String> jvmOptions, Map<String, String> env, Path log, int port)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return new SynclineProcess(builder.start(), log, port);
    }

    /** The same Java that runs the benchmark. */
    private static String javaExecutable() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    Path log() {
        return log;
    }

    /** The application's process id, e.g. for {@code jcmd}. */
    long pid() {
        return process.pid();
    }

    /** Waits until the readiness probe says UP; fails early when the process dies. */
    void awaitReady(Duration timeout) throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(baseUri().resolve("/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the standalone exited with " + process.exitValue()
                        + " before it was ready; log " + log + ":\n" + tail(40));
            }
            try {
                HttpResponse<String> r = http.send(probe, HttpResponse.BodyHandlers.ofString());
                last = r.statusCode() + " " + r.body();
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the standalone was not ready within " + timeout.toSeconds() + " s (last: "
                + last + "); log " + log + ":\n" + tail(40));
    }

    /** Lines of the log with an ERROR level or an exception, for the report. */
    List<String> errorLines(int max) {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.contains(" ERROR ") || l.startsWith("Caused by:") || l.contains("Exception: "))
                    .limit(max)
                    .toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of("(cannot read " + log + ": " + e.getMessage() + ")");
        }
    }

    long countErrorLines() {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.contains(" ERROR ")).count();
        } catch (IOException | java.io.UncheckedIOException e) {
            return -1;
        }
    }

    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException ignored) {
            // already shutting down: the hook does the same
        }
    }
}
