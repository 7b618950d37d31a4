package io.syncline.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        long seed,
        Path report,
        AppOptions app) {

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
              --seed=42                seed of the shops' buyers
              --report=DIR/records.json  print the figures of a kept run again, without running anything
                                       (--keep keeps the run's directory, its records.json included)
            """
                    + AppOptions.usage("");

    private static final List<String> FLAGS = List.of(
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
            "seed",
            "report");

    static ChannelOptions parse(String[] args, Map<String, String> env) {
        Flags flags = AppOptions.parse(args, FLAGS, Set.of("keep", "shopify-inventory-webhooks"), env);
        ChannelOptions options = new ChannelOptions(
                flags.decimal("rate", "100"),
                flags.duration("warmup", "10s"),
                flags.duration("duration", "30s"),
                flags.integer("skus", "20"),
                flags.integer("stock", "50000"),
                flags.decimal("shopify-share", "0.5"),
                flags.bool("shopify-inventory-webhooks", "true"),
                flags.decimal("tiktok-rps", "0"),
                flags.duration("settle-timeout", "120s"),
                flags.integer("drifts", "30"),
                flags.has("conflict-settle") ? flags.duration("conflict-settle", "5s") : null,
                Long.parseLong(flags.get("seed", "42")),
                flags.has("report") ? Path.of(flags.get("report", "")) : null,
                AppOptions.from(flags, ""));
        options.validate();
        return options;
    }

    private void validate() {
        // the simulator's buyers come at most 1000 a second per shop
        Flags.require(rate > 0 && rate <= 2000, "--rate must be above 0 and at most 2000");
        Flags.require(!duration.isZero() && !duration.isNegative(), "--duration must be positive");
        Flags.require(!warmup.isNegative(), "--warmup must not be negative");
        Flags.require(skus >= 3, "--skus must be at least 3 (an order has up to 3 distinct SKUs)");
        Flags.require(
                stockPerSku > 0 && stockPerSku <= TIKTOK_MAX_QUANTITY,
                "--stock must be between 1 and " + TIKTOK_MAX_QUANTITY + " (TikTok Shop's largest quantity)");
        Flags.require(shopifyShare >= 0 && shopifyShare <= 1, "--shopify-share must be between 0 and 1");
        Flags.require(tiktokRequestsPerSecond >= 0, "--tiktok-rps must not be negative");
        Flags.require(!settleTimeout.isNegative(), "--settle-timeout must not be negative");
        // one drift per listing: a second drift of a listing whose conflict is open would only add to its history
        Flags.require(drifts >= 0 && drifts <= 2 * skus, "--drifts must be between 0 and 2 x --skus (one per listing)");
        Flags.require(conflictSettle == null || !conflictSettle.isNegative(), "--conflict-settle must not be negative");
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
}
