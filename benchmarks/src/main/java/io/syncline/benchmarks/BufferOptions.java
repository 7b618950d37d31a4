package io.syncline.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Flags of the adaptive-buffer benchmark; {@code --help} prints {@link #USAGE}. */
record BufferOptions(
        double rate,
        Duration warmup,
        Duration burst,
        int skus,
        int burstStock,
        double safetyFactor,
        Duration settleTimeout,
        long seed,
        AppOptions app) {

    static final String USAGE =
            """
            Usage: java -jar benchmarks/target/syncline-benchmarks.jar buffers [flags]
              --rate=4                 orders per second each shop's buyers place, in the warm-up and the burst
              --warmup=5m              sales with plenty of stock, from which the AUTO shop's buffer is computed
                                       (its rate is read over the last 5 minutes: a shorter warm-up gives less)
              --burst=30s              sales after each SKU's available was set to --burst-stock
              --skus=10                SKUs, each listed on both shops
              --burst-stock=20         available per SKU when the burst starts
              --safety-factor=2        the standalone's syncline.channels.auto-buffer.safety-factor
              --settle-timeout=120s    how long the orders of a phase may take to be decided after it
              --seed=42                seed of the shops' buyers
            """
                    + AppOptions.usage("");

    private static final List<String> FLAGS =
            List.of("rate", "warmup", "burst", "skus", "burst-stock", "safety-factor", "settle-timeout", "seed");

    static BufferOptions parse(String[] args, Map<String, String> env) {
        Flags flags = AppOptions.parse(args, FLAGS, Set.of("keep"), env);
        BufferOptions options = new BufferOptions(
                flags.decimal("rate", "4"),
                flags.duration("warmup", "5m"),
                flags.duration("burst", "30s"),
                flags.integer("skus", "10"),
                flags.integer("burst-stock", "20"),
                flags.decimal("safety-factor", "2"),
                flags.duration("settle-timeout", "120s"),
                Long.parseLong(flags.get("seed", "42")),
                AppOptions.from(flags, ""));
        Flags.require(options.rate > 0 && options.rate <= 500, "--rate must be above 0 and at most 500");
        Flags.require(!options.warmup.isNegative() && !options.warmup.isZero(), "--warmup must be positive");
        Flags.require(!options.burst.isNegative() && !options.burst.isZero(), "--burst must be positive");
        Flags.require(options.skus >= 3, "--skus must be at least 3 (an order has up to 3 distinct SKUs)");
        Flags.require(options.burstStock >= 1, "--burst-stock must be at least 1");
        Flags.require(options.safetyFactor > 0, "--safety-factor must be above 0");
        return options;
    }
}
