package io.syncline.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/** Flags of the order benchmark ({@code --name=value} or {@code --name value}); flags win over the environment. */
record BenchmarkOptions(
        Duration warmup,
        Duration duration,
        int concurrency,
        int skus,
        double stockRatio,
        OptionalInt stockPerSku,
        double expectedRate,
        Duration orderWait,
        Duration settleTimeout,
        long seed,
        String channel,
        Duration idle,
        boolean idleAfter,
        double rate,
        int maxInFlight,
        boolean runSyncline,
        boolean runSql,
        AppOptions app) {

    static final String USAGE =
            """
            Usage: java -jar benchmarks/target/syncline-benchmarks.jar [flags]
                   java -jar benchmarks/target/syncline-benchmarks.jar stream|channels|store [flags]  (other benchmarks)
              --warmup=10s          warm-up before measuring (0 skips it)
              --duration=30s        measured window
              --concurrency=64      concurrent clients (closed loop) and plain-SQL connections
              --skus=50             number of SKUs orders draw from
              --stock-ratio=0.9     stock for the measured window as a share of the units it will order
              --stock-per-sku=N     fixed stock per SKU instead (set once, no sizing from the warm-up)
              --expected-rate=300   orders/s assumed for stock sizing when there is no warm-up
              --wait=30s            Prefer: wait=N sent with every order
              --settle-timeout=60s  how long the final stock check waits for the read model
              --seed=42             order mix seed (both systems get the same orders)
              --channel=web
              --idle=20s            Syncline's idle figures before the warm-up (0 skips them)
              --idle-after=true     the same once the load has drained, after the stock check
              --rate=0              open loop: the measured window sends this many orders/s whatever the
                                    answers, latency timed from when each was due (0: closed loop)
              --max-in-flight=256   open loop: senders, i.e. orders waiting for their answer at once
              --only=syncline|sql   run one side only
            """
                    + AppOptions.usage("");

    private static final List<String> FLAGS = List.of(
            "warmup",
            "duration",
            "concurrency",
            "skus",
            "stock-ratio",
            "stock-per-sku",
            "expected-rate",
            "wait",
            "settle-timeout",
            "seed",
            "channel",
            "idle",
            "idle-after",
            "rate",
            "max-in-flight",
            "only");

    static BenchmarkOptions parse(String[] args, Map<String, String> env) {
        Flags flags = AppOptions.parse(args, FLAGS, Set.of("keep", "idle-after"), env);
        String only = flags.get("only", "both").toLowerCase(Locale.ROOT);
        Flags.require(List.of("both", "syncline", "sql").contains(only), "--only must be syncline or sql, not " + only);
        var options = new BenchmarkOptions(
                flags.duration("warmup", "10s"),
                flags.duration("duration", "30s"),
                flags.integer("concurrency", "64"),
                flags.integer("skus", "50"),
                flags.decimal("stock-ratio", "0.9"),
                flags.has("stock-per-sku") ? OptionalInt.of(flags.integer("stock-per-sku", "0")) : OptionalInt.empty(),
                flags.decimal("expected-rate", "300"),
                flags.duration("wait", "30s"),
                flags.duration("settle-timeout", "60s"),
                Long.parseLong(flags.get("seed", "42")),
                flags.get("channel", "web"),
                flags.duration("idle", "20s"),
                flags.bool("idle-after", "true"),
                flags.decimal("rate", "0"),
                flags.integer("max-in-flight", "256"),
                !only.equals("sql"),
                !only.equals("syncline"),
                AppOptions.from(flags, ""));
        options.validate();
        return options;
    }

    private void validate() {
        Flags.require(!duration.isZero() && !duration.isNegative(), "--duration must be positive");
        Flags.require(!warmup.isNegative(), "--warmup must not be negative");
        Flags.require(concurrency > 0, "--concurrency must be positive");
        Flags.require(skus >= 3, "--skus must be at least 3 (orders have up to 3 distinct SKUs)");
        Flags.require(stockRatio > 0, "--stock-ratio must be positive");
        Flags.require(stockPerSku.orElse(1) > 0, "--stock-per-sku must be positive");
        Flags.require(expectedRate > 0, "--expected-rate must be positive");
        Flags.require(!idle.isNegative(), "--idle must not be negative");
        Flags.require(rate >= 0 && rate <= 10_000, "--rate must be between 0 (closed loop) and 10000");
        Flags.require(maxInFlight > 0, "--max-in-flight must be positive");
    }

    boolean openLoop() {
        return rate > 0;
    }

    /** The orders/s the window's stock is sized for when no warm-up measures it. */
    double sizingRate() {
        return openLoop() ? rate : expectedRate;
    }
}
