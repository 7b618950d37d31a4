package io.syncline.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Flags of the store-scale benchmark; {@code --help} prints {@link #USAGE}. */
record StoreOptions(
        long aggregateEvents,
        int loads,
        long replayEvents,
        long fillEvents,
        int fillPerAggregate,
        boolean analyze,
        Duration warmup,
        Duration duration,
        int concurrency,
        int skus,
        Duration settleTimeout,
        long seed,
        AppOptions app) {

    static final String USAGE =
            """
            Usage: java -jar benchmarks/target/syncline-benchmarks.jar store [flags]
              --aggregate-events=100000  events in the history of one stock aggregate, for (a) its load time
              --loads=100              commands timed on it (and on a stock with a short history)
              --replay-events=20000    events appended at once for (c) the projections' catch-up rate
              --fill=5000000           events written into the store for (b), of other stock aggregates (0: skip b)
              --fill-per-aggregate=100 events per filled aggregate
              --analyze=true           VACUUM ANALYZE the event table after the fill, as autovacuum keeps a store that
                                       grew over time (false: the planner sees the fill only once autovacuum runs)
              --warmup=10s             closed-loop orders before each throughput window of (b)
              --duration=30s           each throughput window of (b)
              --concurrency=16         clients of the throughput windows
              --skus=50                SKUs of their orders
              --settle-timeout=600s    how long (c)'s catch-up may take
              --seed=42
            """
                    + AppOptions.usage("");

    private static final List<String> FLAGS = List.of(
            "aggregate-events",
            "loads",
            "replay-events",
            "fill",
            "fill-per-aggregate",
            "analyze",
            "warmup",
            "duration",
            "concurrency",
            "skus",
            "settle-timeout",
            "seed");

    static StoreOptions parse(String[] args, Map<String, String> env) {
        Flags flags = AppOptions.parse(args, FLAGS, Set.of("keep", "analyze"), env);
        StoreOptions options = new StoreOptions(
                Long.parseLong(flags.get("aggregate-events", "100000")),
                flags.integer("loads", "100"),
                Long.parseLong(flags.get("replay-events", "20000")),
                Long.parseLong(flags.get("fill", "5000000")),
                flags.integer("fill-per-aggregate", "100"),
                flags.bool("analyze", "true"),
                flags.duration("warmup", "10s"),
                flags.duration("duration", "30s"),
                flags.integer("concurrency", "16"),
                flags.integer("skus", "50"),
                flags.duration("settle-timeout", "600s"),
                Long.parseLong(flags.get("seed", "42")),
                AppOptions.from(flags, ""));
        Flags.require(options.aggregateEvents() >= 3, "--aggregate-events must be at least 3");
        Flags.require(options.loads() > 0, "--loads must be positive");
        Flags.require(options.replayEvents() > 0, "--replay-events must be positive");
        Flags.require(options.fillEvents() >= 0, "--fill must not be negative");
        Flags.require(options.fillPerAggregate() >= 2, "--fill-per-aggregate must be at least 2");
        Flags.require(!options.duration().isZero() && !options.warmup().isNegative(), "--duration must be positive");
        Flags.require(options.concurrency() > 0, "--concurrency must be positive");
        Flags.require(options.skus() >= 3, "--skus must be at least 3");
        return options;
    }
}
