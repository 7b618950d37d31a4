package io.syncline.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Flags of the SSE benchmark; {@code --help} prints {@link #USAGE}. */
record StreamOptions(
        List<Integer> clients,
        double eventsPerSecond,
        Duration warmup,
        Duration duration,
        int connectConcurrency,
        int readerThreads,
        AppOptions app) {

    static final String USAGE =
            """
            Usage: java -jar benchmarks/target/syncline-benchmarks.jar stream [flags]
              --clients=1000,5000      SSE clients held in each phase (cumulative: later phases add clients)
              --rate=10                events per second, each fanned out to every client
              --warmup=10s             load before each measured window
              --duration=30s           measured window of each phase
              --connect-concurrency=200  connection attempts in flight at once
              --reader-threads=1       selector threads reading the clients' connections
            """
                    + AppOptions.usage("-Xmx2g");

    private static final List<String> FLAGS =
            List.of("clients", "rate", "warmup", "duration", "connect-concurrency", "reader-threads");

    static StreamOptions parse(String[] args, Map<String, String> env) {
        Flags flags = AppOptions.parse(args, FLAGS, Set.of("keep"), env);
        List<Integer> clients = Arrays.stream(flags.get("clients", "1000,5000").split(","))
                .map(String::trim)
                .map(Integer::parseInt)
                .toList();
        StreamOptions options = new StreamOptions(
                clients,
                flags.decimal("rate", "10"),
                flags.duration("warmup", "10s"),
                flags.duration("duration", "30s"),
                flags.integer("connect-concurrency", "200"),
                flags.integer("reader-threads", "1"),
                AppOptions.from(flags, "-Xmx2g"));
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
