package io.syncline.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Flags of the SSE benchmark; {@code --help} prints {@link #USAGE}. */
record StreamOptions(
        List<Integer> clients,
        double eventsPerSecond,
        Duration warmup,
        Duration duration,
        int connectConcurrency,
        int readerThreads,
        Path jar,
        String pg,
        String pgUser,
        String pgPassword,
        List<String> appJvmOptions,
        Duration startupTimeout,
        boolean keep) {

    static final String USAGE =
            """
            Usage: java -jar benchmarks/target/syncline-benchmarks.jar stream [flags]
              --clients=1000,5000      SSE clients held in each phase (cumulative: later phases add clients)
              --rate=10                events per second, each fanned out to every client
              --warmup=10s             load before each measured window
              --duration=30s           measured window of each phase
              --connect-concurrency=200  connection attempts in flight at once
              --reader-threads=1       selector threads reading the clients' connections
              --jar=deploy/standalone/target/syncline.jar
              --pg=jdbc:postgresql://127.0.0.1:5432/   (env SYNCLINE_BENCH_PG)
              --pg-user=postgres  --pg-password=
              --app-jvm-opts="-Xmx2g"  options of the application's JVM
              --startup-timeout=180s
              --keep                   keep the database and the temporary directory
            """;

    private static final List<String> KNOWN = List.of(
            "clients",
            "rate",
            "warmup",
            "duration",
            "connect-concurrency",
            "reader-threads",
            "jar",
            "pg",
            "pg-user",
            "pg-password",
            "app-jvm-opts",
            "startup-timeout",
            "keep",
            "help");

    static StreamOptions parse(String[] args, Map<String, String> env) {
        Map<String, String> flags = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + arg);
            }
            String name = arg.substring(2);
            String value = "true";
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (!KNOWN.contains(name)) {
                throw new IllegalArgumentException("unknown flag --" + name);
            }
            flags.put(name, value);
        }
        List<Integer> clients = Arrays.stream(
                        flags.getOrDefault("clients", "1000,5000").split(","))
                .map(String::trim)
                .map(Integer::parseInt)
                .toList();
        String appJvm = flags.getOrDefault("app-jvm-opts", "-Xmx2g");
        StreamOptions options = new StreamOptions(
                clients,
                Double.parseDouble(flags.getOrDefault("rate", "10")),
                BenchmarkOptions.duration(flags.getOrDefault("warmup", "10s")),
                BenchmarkOptions.duration(flags.getOrDefault("duration", "30s")),
                Integer.parseInt(flags.getOrDefault("connect-concurrency", "200")),
                Integer.parseInt(flags.getOrDefault("reader-threads", "1")),
                Path.of(flags.getOrDefault("jar", "deploy/standalone/target/syncline.jar")),
                flags.getOrDefault("pg", env.getOrDefault("SYNCLINE_BENCH_PG", "jdbc:postgresql://127.0.0.1:5432/")),
                flags.getOrDefault("pg-user", env.getOrDefault("SYNCLINE_BENCH_PG_USER", "postgres")),
                flags.getOrDefault("pg-password", env.getOrDefault("SYNCLINE_BENCH_PG_PASSWORD", "")),
                appJvm.isBlank()
                        ? List.of()
                        : new ArrayList<>(Arrays.asList(appJvm.trim().split("\\s+"))),
                BenchmarkOptions.duration(flags.getOrDefault("startup-timeout", "180s")),
                flags.containsKey("keep"));
        if (clients.isEmpty()
                || clients.stream().anyMatch(c -> c < 1)
                || !clients.equals(clients.stream().sorted().toList())) {
            throw new IllegalArgumentException("--clients must be positive counts in increasing order");
        }
        if (options.eventsPerSecond() <= 0
                || options.duration().isZero()
                || options.connectConcurrency() < 1
                || options.readerThreads() < 1) {
            throw new IllegalArgumentException(
                    "--rate, --duration, --connect-concurrency and --reader-threads" + " must be positive");
        }
        return options;
    }
}
