package io.syncline.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Flags of the channel benchmark; {@code --help} prints {@link #USAGE}. */
record ChannelOptions(
        double rate,
        Duration warmup,
        Duration duration,
        int skus,
        int stockPerSku,
        double shopifyShare,
        boolean shopifyInventoryWebhooks,
        double tiktokRequestsPerSecond,
        Duration settleTimeout,
        int drifts,
        Duration conflictSettle,
        Path jar,
        String pg,
        String pgUser,
        String pgPassword,
        List<String> appJvmOptions,
        Duration startupTimeout,
        long seed,
        boolean keep,
        Path report) {

    /** TikTok Shop takes at most this many units per SKU, so the stock must not exceed it to be pushed as it is. */
    static final int TIKTOK_MAX_QUANTITY = 99_999;

    static final String USAGE =
            """
            Usage: java -jar benchmarks/target/syncline-benchmarks.jar channels [flags]
              --rate=100               orders per second placed by the shops' buyers, over both shops
              --warmup=10s             orders before the measured window (not measured)
              --duration=30s           measured window
              --skus=20                SKUs, each listed on both shops
              --stock=50000            on-hand per SKU in Syncline and in each shop (at most 99999)
              --shopify-share=0.5      share of the orders placed on the Shopify shop, the rest on TikTok Shop
              --shopify-inventory-webhooks=true  the Shopify shop sends inventory_levels/update, as Shopify does
              --tiktok-rps=0           the TikTok shop's API rate limit (0: none; the simulator's default is 50)
              --settle-timeout=120s    how long the backlog after the window may take to be processed
              --drifts=30              drifts made in the shops' stock during the window (conflicts; 0: none;
                                       at most 2 x --skus, one per listing)
              --conflict-settle=5s     the standalone's syncline.conflicts.settle-after (default: its own, 5s)
              --jar=deploy/standalone/target/syncline.jar
              --pg=jdbc:postgresql://127.0.0.1:5432/   (env SYNCLINE_BENCH_PG)
              --pg-user=postgres  --pg-password=       (env SYNCLINE_BENCH_PG_USER, SYNCLINE_BENCH_PG_PASSWORD)
              --app-jvm-opts="..."     options of the application's JVM, space separated
              --startup-timeout=180s
              --seed=42                seed of the shops' buyers
              --keep                   keep the database and the run's directory (its records.json included)
              --report=DIR/records.json  print the figures of a kept run again, without running anything
            """;

    private static final List<String> KNOWN = List.of(
            "rate",
            "warmup",
            "duration",
            "skus",
            "stock",
            "shopify-share",
            "shopify-inventory-webhooks",
            "tiktok-rps",
            "settle-timeout",
            "drifts",
            "conflict-settle",
            "jar",
            "pg",
            "pg-user",
            "pg-password",
            "app-jvm-opts",
            "startup-timeout",
            "seed",
            "keep",
            "report",
            "help");

    static ChannelOptions parse(String[] args, Map<String, String> env) {
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
        String appJvm = flags.getOrDefault("app-jvm-opts", "");
        ChannelOptions options = new ChannelOptions(
                Double.parseDouble(flags.getOrDefault("rate", "100")),
                BenchmarkOptions.duration(flags.getOrDefault("warmup", "10s")),
                BenchmarkOptions.duration(flags.getOrDefault("duration", "30s")),
                Integer.parseInt(flags.getOrDefault("skus", "20")),
                Integer.parseInt(flags.getOrDefault("stock", "50000")),
                Double.parseDouble(flags.getOrDefault("shopify-share", "0.5")),
                Boolean.parseBoolean(flags.getOrDefault("shopify-inventory-webhooks", "true")),
                Double.parseDouble(flags.getOrDefault("tiktok-rps", "0")),
                BenchmarkOptions.duration(flags.getOrDefault("settle-timeout", "120s")),
                Integer.parseInt(flags.getOrDefault("drifts", "30")),
                flags.containsKey("conflict-settle") ? BenchmarkOptions.duration(flags.get("conflict-settle")) : null,
                Path.of(flags.getOrDefault("jar", "deploy/standalone/target/syncline.jar")),
                flags.getOrDefault("pg", env.getOrDefault("SYNCLINE_BENCH_PG", "jdbc:postgresql://127.0.0.1:5432/")),
                flags.getOrDefault("pg-user", env.getOrDefault("SYNCLINE_BENCH_PG_USER", "postgres")),
                flags.getOrDefault("pg-password", env.getOrDefault("SYNCLINE_BENCH_PG_PASSWORD", "")),
                appJvm.isBlank()
                        ? List.of()
                        : new ArrayList<>(Arrays.asList(appJvm.trim().split("\\s+"))),
                BenchmarkOptions.duration(flags.getOrDefault("startup-timeout", "180s")),
                Long.parseLong(flags.getOrDefault("seed", "42")),
                flags.containsKey("keep"),
                flags.containsKey("report") ? Path.of(flags.get("report")) : null);
        options.validate();
        return options;
    }

    private void validate() {
        // the simulator's buyers come at most 1000 a second per shop
        require(rate > 0 && rate <= 2000, "--rate must be above 0 and at most 2000");
        require(!duration.isZero() && !duration.isNegative(), "--duration must be positive");
        require(!warmup.isNegative(), "--warmup must not be negative");
        require(skus >= 3, "--skus must be at least 3 (an order has up to 3 distinct SKUs)");
        require(
                stockPerSku > 0 && stockPerSku <= TIKTOK_MAX_QUANTITY,
                "--stock must be between 1 and " + TIKTOK_MAX_QUANTITY + " (TikTok Shop's largest quantity)");
        require(shopifyShare >= 0 && shopifyShare <= 1, "--shopify-share must be between 0 and 1");
        require(tiktokRequestsPerSecond >= 0, "--tiktok-rps must not be negative");
        require(!settleTimeout.isNegative(), "--settle-timeout must not be negative");
        // one drift per listing: a second drift of a listing whose conflict is open would only add to its history
        require(drifts >= 0 && drifts <= 2 * skus, "--drifts must be between 0 and 2 x --skus (one per listing)");
        require(conflictSettle == null || !conflictSettle.isNegative(), "--conflict-settle must not be negative");
    }

    /** The conflict service's settle time as the standalone runs with it, for the report. */
    String conflictSettleText() {
        return conflictSettle == null ? "5 s (the default)" : conflictSettle.toMillis() + " ms (--conflict-settle)";
    }

    /** How long detection waits a report out, for the benchmark's own wait for the last drifts. */
    Duration conflictSettleOrDefault() {
        return conflictSettle == null ? Duration.ofSeconds(5) : conflictSettle;
    }

    double shopifyRate() {
        return rate * shopifyShare;
    }

    double tiktokRate() {
        return rate - shopifyRate();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
