package io.syncline.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncline.simulator.ChannelSimulator;
import io.syncline.simulator.ItemConfig;
import io.syncline.simulator.OrderGeneratorConfig;
import io.syncline.simulator.ShopConfig;
import io.syncline.simulator.SimulatorConfig;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Two simulated Shopify shops sell the same SKUs at the same rate, one with a FIXED buffer of 0, one AUTO. After a
 * warm-up with plenty of stock (from which the AUTO shop's buffers are computed), each SKU's available is set low and
 * the buyers go on: what each shop sells beyond what Syncline has is its oversell, the orders Syncline rejects for
 * stock.
 */
final class BufferBenchmark {

    static final String USER = SynclineRun.USER;
    static final String FIXED = "bench-fixed";
    static final String AUTO = "bench-auto";
    private static final int WARM_STOCK = 90_000;

    private final BufferOptions options;
    private final List<String> skus = new ArrayList<>();
    private JsonHttp api;

    private BufferBenchmark(BufferOptions options) {
        this.options = options;
        for (int i = 1; i <= options.skus(); i++) {
            skus.add(String.format(Locale.ROOT, "BUF-%04d", i));
        }
    }

    public static void main(String[] args) {
        Cli.main(args, BufferOptions.USAGE, BufferOptions::parse, o -> new BufferBenchmark(o).run());
    }

    int run() throws Exception {
        String header = String.format(
                Locale.ROOT,
                "Adaptive buffers, %s: %.1f orders/s per shop, %d SKUs, warm-up %d s, burst %d s from %d available,"
                        + " safety factor %.1f, seed %d",
                Cli.machine(),
                options.rate(),
                options.skus(),
                options.warmup().toSeconds(),
                options.burst().toSeconds(),
                options.burstStock(),
                options.safetyFactor(),
                options.seed());
        Cli.log(header);
        try (SynclineRun run = SynclineRun.start(
                        options.app(), "syncline-buffer-bench", options.app().appJvmOptions(), env -> {
                            env.put("SYNCLINE_USERS_0_ROLES", "ADMIN");
                            env.put("SYNCLINE_DEMO", "false");
                            env.put("SYNCLINE_CHANNELS_AUTO_BUFFER_INTERVAL", "5s");
                            env.put(
                                    "SYNCLINE_CHANNELS_AUTO_BUFFER_SAFETY_FACTOR",
                                    String.valueOf(options.safetyFactor()));
                        });
                ChannelSimulator simulator =
                        ChannelSimulator.start(SimulatorConfig.defaults().withSeed(options.seed()))) {
            api = new JsonHttp(run.app().baseUri(), USER, run.password());
            api.login();
            connect(simulator, run.app().baseUri());
            awaitShown(Map.of(FIXED, 0, AUTO, 0), WARM_STOCK, Duration.ofSeconds(120));

            Cli.log("warm-up: both shops sell for " + options.warmup().toSeconds() + " s");
            sell(simulator, options.warmup());
            awaitDecided();

            Map<String, Integer> autoBuffers = lowerStock();
            int largest = autoBuffers.values().stream()
                    .mapToInt(Integer::intValue)
                    .max()
                    .orElse(0);
            Cli.log("AUTO buffers at the burst: " + autoBuffers);
            Instant burstStart = Instant.now();
            Cli.log("burst: both shops sell for " + options.burst().toSeconds() + " s");
            sell(simulator, options.burst());
            awaitDecided();

            Map<String, int[]> outcome = outcome(burstStart);
            print(header, autoBuffers, largest, outcome);
            run.clean(run.app().countErrorLines() == 0);
            return outcome.get(AUTO)[1] <= outcome.get(FIXED)[1] ? 0 : 1;
        }
    }

    private void connect(ChannelSimulator simulator, URI app) throws Exception {
        for (String sku : skus) {
            api.put("/api/inventory/" + sku, Map.of("onHand", WARM_STOCK, "lowStockThreshold", 0, "name", sku));
        }
        List<ItemConfig> items =
                skus.stream().map(sku -> ItemConfig.of(sku, WARM_STOCK)).toList();
        for (String shop : List.of(FIXED, AUTO)) {
            ShopConfig config = simulator.addShop(ShopConfig.shopify(shop)
                    .withWebhookUrl(app.resolve("/webhooks/shopify/" + USER + "/" + shop))
                    .withItems(items));
            Map<String, Object> channel = new LinkedHashMap<>();
            channel.put("kind", "SHOPIFY");
            channel.put("apiBaseUrl", simulator.apiBaseUrl(shop).toString());
            channel.put("webhookSecret", config.webhookSecret());
            channel.put("accessToken", config.accessToken());
            channel.put("locationId", "gid://shopify/Location/" + config.locationId());
            channel.put("bufferStock", 0);
            channel.put("bufferMode", shop.equals(AUTO) ? "AUTO" : "FIXED");
            channel.put("enabled", true);
            api.put("/api/channels/" + shop, channel);
            for (ItemConfig item : config.items()) {
                api.put(
                        "/api/channels/" + shop + "/listings/" + item.sku(),
                        Map.of("inventoryItemId", "gid://shopify/InventoryItem/" + item.inventoryItemId()));
            }
        }
        Cli.log("shops " + FIXED + " (FIXED 0) and " + AUTO + " (AUTO) connected, " + skus.size() + " listings each");
    }

    /** Both shops' buyers at the same rate for {@code duration}, then none. */
    private void sell(ChannelSimulator simulator, Duration duration) throws InterruptedException {
        OrderGeneratorConfig buyers =
                new OrderGeneratorConfig(options.rate(), List.of(), 1, 2, 1, 2, 0.0, 0.0, Duration.ofSeconds(10));
        simulator.generate(FIXED, buyers);
        simulator.generate(AUTO, buyers);
        Thread.sleep(duration.toMillis());
        simulator.generate(FIXED, OrderGeneratorConfig.off());
        simulator.generate(AUTO, OrderGeneratorConfig.off());
    }

    /** Waits until no order is pending twice in a row: the phase's webhooks are all taken. */
    private void awaitDecided() throws Exception {
        long deadline = System.nanoTime() + options.settleTimeout().toNanos();
        int quiet = 0;
        while (quiet < 2) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("orders still pending after " + options.settleTimeout());
            }
            Thread.sleep(2000);
            boolean none =
                    api.read("/api/orders?status=PENDING&size=1").path("total").asLong() == 0
                            && received(FIXED) == 0
                            && received(AUTO) == 0;
            quiet = none ? quiet + 1 : 0;
        }
    }

    private long received(String shop) throws Exception {
        return api.read("/api/channels/" + shop + "/deliveries?status=RECEIVED&size=1")
                .path("total")
                .asLong();
    }

    /**
     * Sets each SKU's available to the burst's stock (a count: on-hand = reserved + stock), waits for the AUTO
     * buffers to be computed from the warm-up's sales and both shops to show available less their buffer.
     */
    private Map<String, Integer> lowerStock() throws Exception {
        // a computation at least after the warm-up's last sale
        Thread.sleep(6000);
        for (String sku : skus) {
            JsonNode level = api.read("/api/inventory/" + sku);
            api.put(
                    "/api/inventory/" + sku,
                    Map.of(
                            "onHand",
                            level.get("reserved").asInt() + options.burstStock(),
                            "lowStockThreshold",
                            0,
                            "name",
                            sku));
        }
        Map<String, Integer> buffers = new LinkedHashMap<>();
        for (JsonNode listing : api.read("/api/channels/" + AUTO + "/listings").get("items")) {
            buffers.put(listing.get("sku").asText(), listing.get("buffer").asInt());
        }
        awaitShown(Map.of(FIXED, 0), options.burstStock(), Duration.ofSeconds(60));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!inSync(AUTO)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(AUTO + " did not show available less its buffers within 60 s");
            }
            Thread.sleep(500);
        }
        return buffers;
    }

    /** Waits until each shop's listings show {@code stock} less the shop's {@code buffer}. */
    private void awaitShown(Map<String, Integer> shops, int stock, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Map.Entry<String, Integer> shop : shops.entrySet()) {
            while (!shows(shop.getKey(), stock - shop.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(shop.getKey() + " did not show " + stock + " within " + timeout);
                }
                Thread.sleep(500);
            }
        }
    }

    private boolean shows(String shop, int quantity) throws Exception {
        for (JsonNode listing : api.read("/api/channels/" + shop + "/listings").get("items")) {
            if (listing.path("channelQuantity").asInt(-1) != quantity) {
                return false;
            }
        }
        return true;
    }

    private boolean inSync(String shop) throws Exception {
        for (JsonNode listing : api.read("/api/channels/" + shop + "/listings").get("items")) {
            if (!listing.path("inSync").asBoolean()) {
                return false;
            }
        }
        return true;
    }

    /** Per shop: orders confirmed, orders rejected for stock, and the units of those rejected, since the burst. */
    private Map<String, int[]> outcome(Instant since) throws Exception {
        Map<String, int[]> byShop = new LinkedHashMap<>();
        byShop.put(FIXED, new int[3]);
        byShop.put(AUTO, new int[3]);
        for (String status : List.of("CONFIRMED", "REJECTED", "SHIPPED", "CANCELLED")) {
            for (int page = 0; ; page++) {
                JsonNode result = api.read("/api/orders?status=" + status + "&size=200&page=" + page);
                for (JsonNode order : result.get("items")) {
                    int[] counts = byShop.get(order.path("channel").asText());
                    if (counts == null
                            || Instant.parse(order.get("createdAt").asText()).isBefore(since)) {
                        continue;
                    }
                    if (status.equals("REJECTED")
                            && order.path("reason").asText().startsWith("OUT_OF_STOCK")) {
                        counts[1]++;
                        for (JsonNode line : order.get("lines")) {
                            counts[2] += line.get("quantity").asInt();
                        }
                    } else if (!status.equals("REJECTED")) {
                        counts[0]++;
                    }
                }
                if ((long) (page + 1) * 200 >= result.get("total").asLong()) {
                    break;
                }
            }
        }
        return byShop;
    }

    private void print(String header, Map<String, Integer> autoBuffers, int largest, Map<String, int[]> outcome) {
        System.out.println();
        System.out.println(header);
        System.out.println();
        System.out.printf(Locale.ROOT, "%-36s %12s %12s%n", "", "FIXED 0", "AUTO");
        System.out.printf(
                Locale.ROOT,
                "%-36s %12d %12s%n",
                "buffer per SKU at the burst",
                0,
                autoBuffers.values().stream().mapToInt(Integer::intValue).min().orElse(0) + "–" + largest);
        System.out.printf(
                Locale.ROOT,
                "%-36s %12d %12d%n",
                "orders confirmed in the burst",
                outcome.get(FIXED)[0],
                outcome.get(AUTO)[0]);
        System.out.printf(
                Locale.ROOT,
                "%-36s %12d %12d%n",
                "orders oversold (rejected for stock)",
                outcome.get(FIXED)[1],
                outcome.get(AUTO)[1]);
        System.out.printf(
                Locale.ROOT, "%-36s %12d %12d%n", "units oversold", outcome.get(FIXED)[2], outcome.get(AUTO)[2]);
        System.out.println();
        System.out.println("Oversold: orders a shop took from its buyers that Syncline had no stock for (rejected"
                + " OUT_OF_STOCK), placed from the burst's start on.");
    }
}
