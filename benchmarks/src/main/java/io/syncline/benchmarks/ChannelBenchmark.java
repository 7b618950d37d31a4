package io.syncline.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncline.simulator.ChannelSimulator;
import io.syncline.simulator.ItemConfig;
import io.syncline.simulator.OrderGeneratorConfig;
import io.syncline.simulator.ShopConfig;
import io.syncline.simulator.SimulatorConfig;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Orders from simulated channels: one Shopify and one TikTok shop (the channel simulator, in this process) whose
 * buyers place orders at a target rate; their webhooks go to the standalone (its own JVM, on a fresh PostgreSQL
 * database), whose stock pushes go back to the shops. Prints, p50 to p99, (a) webhook received to order decided,
 * (b) stock change to push applied by the shop, and (c) pushes per stock change; and, for drifts it makes in the
 * shops' stock during the window, drift to conflict detected, to resolved by a rule and to pushed again. See
 * benchmarks/README.md.
 */
public final class ChannelBenchmark {

    static final String USER = SynclineRun.USER;
    static final String SHOPIFY = "bench-shopify";
    static final String TIKTOK = "bench-tiktok";
    /** What the simulator's request and webhook logs keep per shop. */
    private static final int SHOP_LOG_KEPT = 1000;

    private static final String SHOPIFY_PUSH = "inventorySetQuantities";
    private static final String TIKTOK_PUSH = "inventory.update";

    private final ChannelOptions options;
    private final List<String> skus = new ArrayList<>();
    private final Map<String, ShopRequests> requests = new LinkedHashMap<>();
    private final Map<String, ShopWebhooks> webhooks = new LinkedHashMap<>();
    private final AtomicInteger pollFailures = new AtomicInteger();
    private JsonHttp api;
    private JsonHttp shops;

    ChannelBenchmark(ChannelOptions options) {
        this.options = options;
        for (int i = 1; i <= options.skus(); i++) {
            skus.add(String.format(Locale.ROOT, "CHAN-%04d", i));
        }
        for (String shop : List.of(SHOPIFY, TIKTOK)) {
            requests.put(shop, new ShopRequests(SHOP_LOG_KEPT));
            webhooks.put(shop, new ShopWebhooks(SHOP_LOG_KEPT));
        }
    }

    public static void main(String[] args) {
        Cli.main(
                args,
                ChannelOptions.USAGE,
                ChannelOptions::parse,
                options -> options.report() != null
                        ? report(ChannelRecords.read(options.report()))
                        : new ChannelBenchmark(options).run());
    }

    int run() throws Exception {
        String header = String.format(
                Locale.ROOT,
                "Channel orders, %s: %.0f orders/s (Shopify %.0f, TikTok Shop %.0f), %d SKUs,"
                        + " warm-up %d s, measured %d s, %d drifts, seed %d",
                Cli.machine(),
                options.rate(),
                options.shopifyRate(),
                options.tiktokRate(),
                options.skus(),
                options.warmup().toSeconds(),
                options.duration().toSeconds(),
                options.drifts(),
                options.seed());
        log(header);
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-shop-logs");
            t.setDaemon(true);
            return t;
        });
        try (SynclineRun run = SynclineRun.start(
                        options.app(), "syncline-channel-bench", options.app().appJvmOptions(), env -> {
                            // channels, listings and the event browser are the ADMIN's
                            env.put("SYNCLINE_USERS_0_ROLES", "ADMIN");
                            env.put("SYNCLINE_DEMO", "false");
                            if (options.conflictSettle() != null) {
                                env.put(
                                        "SYNCLINE_CONFLICTS_SETTLE_AFTER",
                                        options.conflictSettle().toMillis() + "ms");
                            }
                        });
                ChannelSimulator simulator =
                        ChannelSimulator.start(SimulatorConfig.defaults().withSeed(options.seed()))) {
            SynclineProcess app = run.app();
            Path temp = run.temp();
            Path log = run.log();
            api = new JsonHttp(app.baseUri(), USER, run.password());
            api.login();
            shops = new JsonHttp(simulator.baseUrl());
            connect(simulator, app.baseUri());
            AtomicInteger tick = new AtomicInteger();
            poller.scheduleWithFixedDelay(() -> pollShops(tick.incrementAndGet() % 2 == 0), 0, 1, TimeUnit.SECONDS);
            awaitInSync(Duration.ofSeconds(120));

            Measured m = drive(simulator, app);
            poller.shutdown();
            poller.awaitTermination(30, TimeUnit.SECONDS);
            pollShops(true);
            ChannelRecords records = new ChannelRecords(
                    header,
                    m.windowStart,
                    m.windowEnd,
                    m.settled,
                    m.skippedByShop,
                    m.shopOrders,
                    m.appCpuMillis,
                    m.benchCpuMillis,
                    m.loadBefore,
                    m.loadAfter,
                    m.events,
                    m.deliveries,
                    Map.of(
                            SHOPIFY,
                            requests.get(SHOPIFY).entries(),
                            TIKTOK,
                            requests.get(TIKTOK).entries()),
                    Map.of(
                            SHOPIFY,
                            webhooks.get(SHOPIFY).copies(),
                            TIKTOK,
                            webhooks.get(TIKTOK).copies()),
                    requests.values().stream().mapToInt(ShopRequests::gaps).sum()
                            + webhooks.values().stream()
                                    .mapToInt(ShopWebhooks::gaps)
                                    .sum(),
                    listingsInSync(),
                    skus.size() * 2,
                    log.toString(),
                    app.countErrorLines(),
                    countLines(log, l -> l.contains("Push of ") && l.contains(" failed ")),
                    app.errorLines(10),
                    new ChannelDrifts.Run(options.conflictSettleText(), m.drifts, m.conflicts, m.conflictsEnd));
            Path file = temp.resolve("records.json");
            records.write(file);
            if (pollFailures.get() > 0) {
                log("reads of the shops' logs that failed: " + pollFailures.get());
            }
            int code = report(records);
            run.clean(records.appErrorLines() == 0);
            if (options.app().keep()) {
                log("records: " + file + " (--report=" + file + " prints them again)");
            }
            return code;
        } finally {
            poller.shutdownNow();
        }
    }

    /** Stock in Syncline, the two shops selling the same SKUs with the same stock, channels and listings. */
    private void connect(ChannelSimulator simulator, URI app) throws IOException, InterruptedException {
        for (String sku : skus) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("onHand", options.stockPerSku());
            body.put("lowStockThreshold", 0);
            body.put("name", "Channel benchmark item " + sku);
            api.put("/api/inventory/" + sku, body);
        }
        List<ItemConfig> items = skus.stream()
                .map(sku -> ItemConfig.of(sku, options.stockPerSku()))
                .toList();
        ShopConfig shopify = simulator.addShop(ShopConfig.shopify(SHOPIFY)
                .withWebhookUrl(webhookUrl(app, "shopify", SHOPIFY))
                .withEchoInventoryLevels(options.shopifyInventoryWebhooks())
                .withItems(items));
        ShopConfig tiktok = simulator.addShop(ShopConfig.tiktok(TIKTOK)
                .withWebhookUrl(webhookUrl(app, "tiktok", TIKTOK))
                .withRequestsPerSecond(options.tiktokRequestsPerSecond())
                .withItems(items));

        Map<String, Object> s = new LinkedHashMap<>();
        s.put("kind", "SHOPIFY");
        s.put("name", "Benchmark Shopify shop (simulated)");
        s.put("apiBaseUrl", simulator.apiBaseUrl(SHOPIFY).toString());
        s.put("webhookSecret", shopify.webhookSecret());
        s.put("accessToken", shopify.accessToken());
        s.put("locationId", "gid://shopify/Location/" + shopify.locationId());
        s.put("bufferStock", 0);
        s.put("bufferMode", "FIXED");
        s.put("enabled", true);
        api.put("/api/channels/" + SHOPIFY, s);
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("kind", "TIKTOK_SHOP");
        t.put("name", "Benchmark TikTok shop (simulated)");
        t.put("apiBaseUrl", simulator.apiBaseUrl(TIKTOK).toString());
        t.put("webhookSecret", tiktok.webhookSecret());
        t.put("accessToken", tiktok.accessToken());
        t.put("appKey", tiktok.appKey());
        t.put("shopCipher", tiktok.shopCipher());
        t.put("warehouseId", tiktok.warehouseId());
        t.put("bufferStock", 0);
        t.put("bufferMode", "FIXED");
        t.put("enabled", true);
        api.put("/api/channels/" + TIKTOK, t);
        for (ItemConfig item : shopify.items()) {
            api.put(
                    "/api/channels/" + SHOPIFY + "/listings/" + item.sku(),
                    Map.of("inventoryItemId", "gid://shopify/InventoryItem/" + item.inventoryItemId()));
        }
        for (ItemConfig item : tiktok.items()) {
            api.put(
                    "/api/channels/" + TIKTOK + "/listings/" + item.sku(),
                    Map.of("productId", item.productId(), "skuId", item.skuId()));
        }
        log("channels " + SHOPIFY + " and " + TIKTOK + " connected, " + skus.size() + " listings each, stock "
                + options.stockPerSku() + " per SKU");
    }

    private static URI webhookUrl(URI app, String platform, String channel) {
        return app.resolve("/webhooks/" + platform + "/" + USER + "/" + channel);
    }

    /** The first pushes of every listing are done before any order comes, so the window starts in sync. */
    private void awaitInSync(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            boolean synced = true;
            StringBuilder state = new StringBuilder();
            for (String channel : List.of(SHOPIFY, TIKTOK)) {
                JsonNode status = api.read("/api/channels/" + channel + "/status");
                long pending = status.path("pendingPushes").asLong();
                long outOfSync = status.path("outOfSync").asLong();
                long listings = status.path("listings").asLong();
                synced &= pending == 0 && outOfSync == 0 && listings == skus.size();
                state.append(channel)
                        .append(": ")
                        .append(listings)
                        .append(" listings, ")
                        .append(pending)
                        .append(" pending, ")
                        .append(outOfSync)
                        .append(" out of sync; ");
            }
            last = state.toString();
            if (synced) {
                log("in sync before the orders: " + last);
                return;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("the channels were not in sync within " + timeout.toSeconds() + " s: " + last);
    }

    /** Times and counters of the load, its window and the processing of its backlog. */
    private static final class Measured {
        Instant windowStart;
        Instant windowEnd;
        Instant settled;
        long placed;
        Map<String, Long> skippedByShop = new HashMap<>();
        Map<String, List<ChannelLatency.ShopOrder>> shopOrders = new HashMap<>();
        double appCpuMillis;
        double benchCpuMillis;
        String loadBefore;
        String loadAfter;
        List<JsonNode> events;
        Map<String, List<JsonNode>> deliveries = new HashMap<>();
        final List<ChannelDrifts.Drift> drifts = java.util.Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger driftFailures = new AtomicInteger();
        List<JsonNode> conflicts = new ArrayList<>();
        Instant conflictsEnd;
    }

    private Measured drive(ChannelSimulator simulator, SynclineProcess app) throws Exception {
        Measured m = new Measured();
        generate(simulator, options.shopifyRate(), options.tiktokRate());
        if (!options.warmup().isZero()) {
            log("warm-up " + options.warmup().toSeconds() + " s");
            Thread.sleep(options.warmup().toMillis());
        }
        Map<String, long[]> before = generatorStats();
        m.loadBefore = loadAverage();
        m.windowStart = Instant.now();
        long appCpu = cpuNanos(ProcessHandle.of(app.pid()));
        long benchCpu = cpuNanos(Optional.of(ProcessHandle.current()));
        log("measuring " + options.duration().toSeconds() + " s, with " + options.drifts() + " drifts in the shops");
        ScheduledExecutorService drifter = startDrifts(m);
        Thread.sleep(options.duration().toMillis());
        m.windowEnd = Instant.now();
        drifter.shutdown();
        drifter.awaitTermination(30, TimeUnit.SECONDS);
        Map<String, long[]> after = generatorStats();
        // the buyers stop, and with them the follow-ups still planned (those would fall after the window)
        generate(simulator, 0, 0);
        m.loadAfter = loadAverage();
        for (String shop : after.keySet()) {
            m.placed += after.get(shop)[0] - before.get(shop)[0];
            m.skippedByShop.put(shop, after.get(shop)[1] - before.get(shop)[1]);
        }
        log(String.format(
                Locale.ROOT,
                "window closed: %d orders placed (%.1f/s); waiting for the backlog (at most %d s)",
                m.placed,
                m.placed / seconds(m.windowStart, m.windowEnd),
                options.settleTimeout().toSeconds()));
        m.settled = settle(m.windowEnd.plus(options.settleTimeout()));
        m.appCpuMillis = (cpuNanos(ProcessHandle.of(app.pid())) - appCpu) / 1e6;
        m.benchCpuMillis = (cpuNanos(Optional.of(ProcessHandle.current())) - benchCpu) / 1e6;
        awaitConflicts(m, m.settled.plus(options.settleTimeout()));
        log("reading the event log and the deliveries");
        m.events = events(Duration.ofSeconds(60));
        for (String channel : List.of(SHOPIFY, TIKTOK)) {
            m.deliveries.put(channel, deliveries(channel));
            List<ChannelLatency.ShopOrder> created = new ArrayList<>();
            // the shop keeps its newest 50,000 orders: far more than a run creates
            for (JsonNode o : shops.read("/admin/shops/" + channel + "/orders?limit=50000")) {
                created.add(new ChannelLatency.ShopOrder(o.path("id").asText(), instant(o.path("createdAt"))));
            }
            m.shopOrders.put(channel, created);
        }
        return m;
    }

    /** The window's drifts, evenly spread over it, each made by the simulator's admin API as a person would. */
    private ScheduledExecutorService startDrifts(Measured m) {
        ScheduledExecutorService drifter = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-drifts");
            t.setDaemon(true);
            return t;
        });
        List<ChannelDrifts.Planned> plan = ChannelDrifts.plan(options.drifts(), List.of(SHOPIFY, TIKTOK), skus);
        long windowMicros = options.duration().toNanos() / 1000;
        for (int i = 0; i < plan.size(); i++) {
            ChannelDrifts.Planned p = plan.get(i);
            long delay = (long) (windowMicros * (i + 0.5) / plan.size());
            drifter.schedule(
                    () -> {
                        try {
                            m.drifts.add(drift(p));
                        } catch (Exception e) {
                            m.driftFailures.incrementAndGet();
                            log("drift of " + p.sku() + " on " + p.shop() + " failed: " + e.getMessage());
                        }
                    },
                    delay,
                    TimeUnit.MICROSECONDS);
        }
        return drifter;
    }

    /**
     * Sets the shop's quantity of the SKU to ours plus the drift and has it send the platform's inventory webhook;
     * ours is Syncline's available read just before, so the difference the conflict service sees is the drift's
     * (give or take the sales between the read and the report).
     */
    private ChannelDrifts.Drift drift(ChannelDrifts.Planned p) throws IOException, InterruptedException {
        int cap = p.shop().equals(SHOPIFY) ? Integer.MAX_VALUE : ChannelOptions.TIKTOK_MAX_QUANTITY;
        int available = api.read("/api/inventory/" + p.sku()).path("available").asInt();
        int ours = Math.min(cap, Math.max(0, available));
        int theirs = Math.min(cap, ours + p.delta());
        Instant sent = Instant.now();
        shops.put("/admin/shops/" + p.shop() + "/items/" + p.sku(), Map.of("quantity", theirs, "notify", true));
        return new ChannelDrifts.Drift(p.shop(), p.sku(), sent, ours, theirs, p.large());
    }

    /**
     * Waits for the drifts' conflicts: past the last drift's settle time, then until the merchant's conflicts, as
     * many and as many resolved, and the pushes due (the re-pushes) stay the same twice in a row. An application
     * that does not answer them (no conflict service) leaves the conflicts null.
     */
    private void awaitConflicts(Measured m, Instant deadline) throws Exception {
        if (m.drifts.isEmpty()) {
            m.conflictsEnd = Instant.now();
            return;
        }
        Instant last;
        synchronized (m.drifts) {
            last = m.drifts.stream()
                    .map(ChannelDrifts.Drift::sentAt)
                    .max(Comparator.naturalOrder())
                    .orElseThrow();
        }
        Instant judged = last.plus(options.conflictSettleOrDefault()).plusSeconds(2);
        if (Instant.now().isBefore(judged)) {
            Thread.sleep(Duration.between(Instant.now(), judged).toMillis());
        }
        log(m.drifts.size() + " drifts made (" + m.driftFailures.get() + " failed); waiting for their conflicts");
        String before = null;
        while (true) {
            List<JsonNode> conflicts = conflicts();
            if (conflicts == null) {
                log("no conflicts to be read: the conflict figures are left out");
                m.conflicts = null;
                break;
            }
            long resolved = conflicts.stream()
                    .filter(c -> c.path("resolvedAt").isTextual())
                    .count();
            long pending = 0;
            for (String shop : List.of(SHOPIFY, TIKTOK)) {
                pending += api.read("/api/channels/" + shop + "/status")
                        .path("pendingPushes")
                        .asLong();
            }
            String now = conflicts.size() + "/" + resolved + "/" + pending;
            m.conflicts = conflicts;
            if (pending == 0 && now.equals(before)) {
                break;
            }
            if (!Instant.now().isBefore(deadline)) {
                log("the conflicts were still changing at --settle-timeout: " + now + " (conflicts/resolved/pushes)");
                break;
            }
            before = now;
            Thread.sleep(1000);
        }
        // one more read of the shops' logs comes after this, with the re-pushes in them
        m.conflictsEnd = Instant.now();
    }

    /** Every conflict of the merchant, newest first; null when the application does not answer them. */
    private List<JsonNode> conflicts() throws Exception {
        List<JsonNode> all = new ArrayList<>();
        int page = 0;
        long total;
        do {
            JsonHttp.Response r = api.get("/api/conflicts?size=200&page=" + page);
            if (!r.ok() && page == 0) {
                // a standalone without the conflict service: the other figures stand on their own
                log("GET /api/conflicts answered " + r.status());
                return null;
            }
            if (!r.ok()) {
                throw new IllegalStateException("GET /api/conflicts answered " + r.status());
            }
            total = r.json().path("total").asLong();
            r.json().path("items").forEach(all::add);
            page++;
        } while ((long) page * 200 < total);
        return all;
    }

    private void generate(ChannelSimulator simulator, double shopifyRate, double tiktokRate) {
        simulator.generate(SHOPIFY, orders(shopifyRate));
        simulator.generate(TIKTOK, orders(tiktokRate));
    }

    /** The simulator's default buyers (1–3 lines of 1–2 units; 10 % cancelled, 60 % shipped about 10 s later). */
    private static OrderGeneratorConfig orders(double rate) {
        return rate > 0 ? OrderGeneratorConfig.atRate(rate) : OrderGeneratorConfig.off();
    }

    /** Per shop, the orders its buyers placed and the buyers who found what they wanted gone, so far. */
    private Map<String, long[]> generatorStats() throws IOException, InterruptedException {
        Map<String, long[]> stats = new LinkedHashMap<>();
        for (String shop : List.of(SHOPIFY, TIKTOK)) {
            JsonNode s = shops.read("/admin/shops/" + shop + "/generator").path("stats");
            stats.put(
                    shop,
                    new long[] {s.path("placed").asLong(), s.path("skipped").asLong()});
        }
        return stats;
    }

    /**
     * Waits until the shops have no webhook left to send, Syncline no delivery left to process and no push due,
     * twice in a row; the time of that is the end of the measured period.
     */
    private Instant settle(Instant deadline) throws Exception {
        int quiet = 0;
        long nextLog = System.nanoTime();
        while (Instant.now().isBefore(deadline)) {
            long sending = 0;
            long received = 0;
            long pending = 0;
            for (String shop : List.of(SHOPIFY, TIKTOK)) {
                sending += shops.read("/admin/shops/" + shop + "/deliveries?status=PENDING")
                                .size()
                        + shops.read("/admin/shops/" + shop + "/deliveries?status=HELD")
                                .size();
                received += api.read("/api/channels/" + shop + "/deliveries?status=RECEIVED&size=1")
                        .path("total")
                        .asLong();
                // a failure that may pass is tried again later: one due before the deadline is still to come
                for (JsonNode failed : api.read("/api/channels/" + shop + "/deliveries?status=FAILED&size=200")
                        .path("items")) {
                    Instant next = instant(failed.path("nextAttemptAt"));
                    if (next != null && next.isBefore(deadline)) {
                        received++;
                    }
                }
                pending += api.read("/api/channels/" + shop + "/status")
                        .path("pendingPushes")
                        .asLong();
            }
            if (sending + received + pending == 0) {
                if (++quiet >= 2) {
                    return Instant.now();
                }
            } else {
                quiet = 0;
            }
            if (System.nanoTime() >= nextLog) {
                log("backlog: " + sending + " webhooks being sent, " + received + " deliveries to process, " + pending
                        + " pushes due");
                nextLog = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            }
            Thread.sleep(1000);
        }
        log("the backlog was not done within --settle-timeout: what is left counts as undecided or not shown");
        return Instant.now();
    }

    /** Reads both shops' request logs, and every other time their webhook logs. */
    private void pollShops(boolean withWebhooks) {
        for (String shop : List.of(SHOPIFY, TIKTOK)) {
            try {
                List<ShopRequests.Entry> read = new ArrayList<>();
                for (JsonNode e : shops.read("/admin/shops/" + shop + "/pushes").path("recent")) {
                    Map<String, Integer> quantities = new TreeMap<>();
                    e.path("quantities")
                            .fields()
                            .forEachRemaining(
                                    q -> quantities.put(q.getKey(), q.getValue().asInt()));
                    read.add(new ShopRequests.Entry(
                            instant(e.path("at")),
                            e.path("operation").asText(),
                            e.path("outcome").asText(),
                            quantities));
                }
                requests.get(shop).merge(read);
                if (withWebhooks) {
                    List<ShopWebhooks.Copy> copies = new ArrayList<>();
                    for (JsonNode c : shops.read("/admin/shops/" + shop + "/deliveries")) {
                        copies.add(new ShopWebhooks.Copy(
                                c.path("deliveryId").asText(),
                                c.path("topic").asText(),
                                c.path("copy").asInt(),
                                c.path("status").asText(),
                                c.path("attempts").asInt(),
                                instant(c.path("createdAt"))));
                    }
                    webhooks.get(shop).merge(copies);
                }
            } catch (Exception e) {
                pollFailures.incrementAndGet();
            }
        }
    }

    /**
     * Every event of the merchant from the event browser, oldest first. Its projection may still be behind when
     * the backlog is done, so the tail is read again until no new event turns up.
     */
    private List<JsonNode> events(Duration timeout) throws Exception {
        Map<Long, JsonNode> byPosition = new TreeMap<>();
        readEvents(byPosition, null);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(2000);
            Instant newest = byPosition.values().stream()
                    .map(e -> instant(e.path("timestamp")))
                    .max(Comparator.naturalOrder())
                    .orElse(Instant.EPOCH);
            // positions follow the projection's order, timestamps the events' creation: a margin covers the
            // events created a little before the newest one but stored after it
            if (readEvents(byPosition, newest.minusSeconds(5)) == 0) {
                break;
            }
        }
        return new ArrayList<>(byPosition.values());
    }

    /** Reads pages of events from {@code from} (null: the beginning); returns how many were new. */
    private int readEvents(Map<Long, JsonNode> byPosition, Instant from) throws Exception {
        int added = 0;
        String cursor = null;
        do {
            StringBuilder path = new StringBuilder("/api/events?limit=200");
            if (from != null) {
                path.append("&from=").append(from);
            }
            if (cursor != null) {
                path.append("&after=").append(cursor);
            }
            JsonNode page = api.read(path.toString());
            for (JsonNode item : page.path("items")) {
                if (byPosition.put(item.path("position").asLong(), item) == null) {
                    added++;
                }
            }
            cursor = page.path("next").isTextual() ? page.path("next").asText() : null;
        } while (cursor != null);
        return added;
    }

    /** Every delivery the channel's inbox holds. */
    private List<JsonNode> deliveries(String channel) throws Exception {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        int page = 0;
        long total;
        do {
            JsonNode r = api.read("/api/channels/" + channel + "/deliveries?size=200&page=" + page);
            total = r.path("total").asLong();
            for (JsonNode d : r.path("items")) {
                byId.put(d.path("deliveryId").asText(), d);
            }
            page++;
        } while ((long) page * 200 < total);
        return new ArrayList<>(byId.values());
    }

    private static Map<String, ChannelLatency.Decision> decisions(List<JsonNode> events) {
        Map<String, ChannelLatency.Decision> decisions = new HashMap<>();
        for (JsonNode e : events) {
            String type = e.path("type").asText();
            if (type.equals("OrderConfirmed") || type.equals("OrderRejected")) {
                decisions.putIfAbsent(
                        e.path("payload").path("orderId").asText(),
                        new ChannelLatency.Decision(instant(e.path("timestamp")), type.equals("OrderConfirmed")));
            }
        }
        return decisions;
    }

    /** Each SKU's levels after every stock event that moves them, in the aggregate's order. */
    private static List<ChannelLatency.Level> levels(List<JsonNode> events) {
        record Sequenced(long sequence, ChannelLatency.Level level) {}
        List<Sequenced> levels = new ArrayList<>();
        for (JsonNode e : events) {
            String type = e.path("type").asText();
            JsonNode p = e.path("payload");
            boolean moves =
                    switch (type) {
                        case "StockDefined",
                                "StockCounted",
                                "StockAdjusted",
                                "StockReserved",
                                "StockReleased",
                                "StockCommitted" -> true;
                        default -> false;
                    };
            if (!moves) {
                continue;
            }
            long sequence = e.path("sequence").isNumber()
                    ? e.path("sequence").asLong()
                    : e.path("position").asLong();
            levels.add(new Sequenced(
                    sequence,
                    new ChannelLatency.Level(
                            p.path("sku").asText(),
                            instant(e.path("timestamp")),
                            p.path("onHand").asInt(),
                            p.path("reserved").asInt())));
        }
        levels.sort(Comparator.comparing((Sequenced s) -> s.level().sku()).thenComparingLong(Sequenced::sequence));
        return levels.stream().map(Sequenced::level).toList();
    }

    /** Prints the figures of a run's records; 0 when the aim was met with nothing left undone, 1 otherwise. */
    static int report(ChannelRecords r) {
        List<ChannelReport.Column> columns = figures(r);
        Map<String, ChannelLatency.Decision> decisions = decisions(r.events());
        long decidedInPeriod = decisions.values().stream()
                .filter(d -> !d.at().isBefore(r.windowStart()) && d.at().isBefore(r.settled()))
                .count();
        long created = columns.get(columns.size() - 1).orders().created;
        ChannelReport.Totals totals = new ChannelReport.Totals(
                seconds(r.windowStart(), r.windowEnd()),
                seconds(r.windowStart(), r.settled()),
                created / seconds(r.windowStart(), r.windowEnd()),
                decidedInPeriod,
                r.appCpuMillis(),
                r.benchCpuMillis(),
                r.loadBefore(),
                r.loadAfter(),
                r.listingsInSync(),
                r.listings(),
                r.logGaps(),
                r.appLog(),
                r.appErrorLines(),
                r.appPushFailures(),
                r.appErrorSample());
        ChannelReport.print(System.out, r.header(), columns, totals);
        ChannelDrifts.Run run = r.conflicts();
        ChannelReport.printConflicts(
                System.out,
                run == null ? "-" : run.settleAfter(),
                run == null ? new ChannelDrifts.Figures() : conflictFigures(r));
        return ChannelReport.exitCode(columns);
    }

    /** The conflict figures of a run's records that has them. */
    static ChannelDrifts.Figures conflictFigures(ChannelRecords r) {
        ChannelDrifts.Run run = r.conflicts();
        if (run.conflicts() == null) {
            ChannelDrifts.Figures unread = new ChannelDrifts.Figures();
            unread.drifts = run.drifts().size();
            unread.conflictsRead = false;
            return unread;
        }
        Map<String, List<ChannelLatency.Push>> pushes = new HashMap<>();
        for (String channel : List.of(SHOPIFY, TIKTOK)) {
            ShopRequests log = new ShopRequests(Integer.MAX_VALUE);
            log.merge(r.requests().getOrDefault(channel, List.of()));
            pushes.put(channel, log.pushes());
        }
        List<ChannelDrifts.Conflict> conflicts =
                run.conflicts().stream().map(ChannelDrifts.Conflict::of).toList();
        Instant end = run.end() != null ? run.end() : r.settled();
        return ChannelDrifts.figures(run.drifts(), conflicts, pushes, end);
    }

    static List<ChannelReport.Column> figures(ChannelRecords r) {
        // the run ends when the backlog was done (or the settle timeout passed): what happened while the records
        // were being read afterwards does not count
        List<JsonNode> events = r.events().stream()
                .filter(e -> instant(e.path("timestamp")).isBefore(r.settled()))
                .toList();
        Map<String, ChannelLatency.Decision> decisions = decisions(events);
        List<ChannelLatency.Level> levels = levels(events);
        List<ChannelReport.Column> columns = new ArrayList<>();
        for (String channel : List.of(SHOPIFY, TIKTOK)) {
            boolean shopify = channel.equals(SHOPIFY);
            List<JsonNode> inbox = r.deliveries().get(channel);
            List<ChannelLatency.Delivery> deliveries = inbox.stream()
                    .map(d -> new ChannelLatency.Delivery(
                            d.path("orderId").isTextual() ? d.path("orderId").asText() : null,
                            instant(d.path("receivedAt"))))
                    .toList();
            Map<String, ChannelLatency.Placement> placements = new HashMap<>();
            for (JsonNode e : events) {
                JsonNode p = e.path("payload");
                if (e.path("type").asText().equals("OrderPlaced")
                        && p.path("channel").asText().equals(channel)) {
                    placements.putIfAbsent(
                            p.path("channelOrderId").asText(),
                            new ChannelLatency.Placement(p.path("orderId").asText(), instant(e.path("timestamp"))));
                }
            }
            ChannelLatency.Orders orders = ChannelLatency.orders(
                    r.shopOrders().get(channel), placements, deliveries, decisions, r.windowStart(), r.windowEnd());
            long decidedInWindow = inbox.stream()
                    .map(d -> d.path("orderId").asText(null))
                    .filter(id -> id != null)
                    .distinct()
                    .map(decisions::get)
                    .filter(d -> d != null && !d.at().isBefore(r.windowStart()) && d.at().isBefore(r.windowEnd()))
                    .count();
            Map<String, Long> byTopic = new TreeMap<>();
            long inPeriod = 0;
            long failed = 0;
            long retried = 0;
            for (JsonNode d : inbox) {
                Instant received = instant(d.path("receivedAt"));
                if (received == null || received.isBefore(r.windowStart()) || !received.isBefore(r.settled())) {
                    continue;
                }
                inPeriod++;
                byTopic.merge(d.path("topic").asText(), 1L, Long::sum);
                if (d.path("status").asText().equals("FAILED")) {
                    failed++;
                }
                if (d.path("attempts").asInt() > 1) {
                    retried++;
                }
            }
            ShopWebhooks copyLog = new ShopWebhooks(Integer.MAX_VALUE);
            copyLog.merge(r.webhooks().get(channel));
            ShopWebhooks.Tally copies = copyLog.tally(r.windowStart(), r.settled());
            int cap = shopify ? Integer.MAX_VALUE : ChannelOptions.TIKTOK_MAX_QUANTITY;
            List<ChannelLatency.Change> changes = ChannelLatency.changes(levels, 0, cap);
            ShopRequests shopRequests = new ShopRequests(Integer.MAX_VALUE);
            shopRequests.merge(r.requests().get(channel));
            List<ChannelLatency.Push> pushes = shopRequests.pushes().stream()
                    .filter(p -> p.at().isBefore(r.settled()))
                    .toList();
            ChannelLatency.Pushes latency = ChannelLatency.pushes(changes, pushes, r.windowStart(), r.settled());
            long applied = pushes.stream()
                    .filter(p -> !p.at().isBefore(r.windowStart()) && p.at().isBefore(r.settled()))
                    .count();
            Map<String, Long> outcomes =
                    shopRequests.outcomes(r.windowStart(), r.settled(), shopify ? SHOPIFY_PUSH : TIKTOK_PUSH);
            long calls = outcomes.values().stream().mapToLong(Long::longValue).sum();
            long notApplied = outcomes.entrySet().stream()
                    .filter(e -> !ShopRequests.APPLIED.contains(e.getKey()))
                    .mapToLong(Map.Entry::getValue)
                    .sum();
            columns.add(new ChannelReport.Column(
                    shopify ? "Shopify" : "TikTok Shop",
                    r.skippedByShop().getOrDefault(channel, 0L),
                    orders,
                    decidedInWindow,
                    inPeriod,
                    failed,
                    retried,
                    byTopic,
                    copies.sent,
                    copies.retried,
                    copies.failed,
                    latency.changes,
                    applied,
                    calls,
                    notApplied,
                    outcomes,
                    latency));
        }
        columns.add(columns.get(0).plus("both", columns.get(1)));
        return columns;
    }

    /** Listings whose shop shows what Syncline has available, once everything is done. */
    private int listingsInSync() throws IOException, InterruptedException {
        Map<String, Integer> available = new HashMap<>();
        for (String sku : skus) {
            available.put(
                    sku, api.read("/api/inventory/" + sku).path("available").asInt());
        }
        int inSync = 0;
        for (String shop : List.of(SHOPIFY, TIKTOK)) {
            int cap = shop.equals(SHOPIFY) ? Integer.MAX_VALUE : ChannelOptions.TIKTOK_MAX_QUANTITY;
            for (JsonNode item : shops.read("/admin/shops/" + shop + "/items")) {
                Integer wanted = available.get(item.path("sku").asText());
                if (wanted != null && item.path("quantity").asInt() == Math.min(cap, Math.max(0, wanted))) {
                    inSync++;
                }
            }
        }
        return inSync;
    }

    /** An instant as the APIs write it: ISO-8601, or seconds since the epoch should a mapper be set so. */
    static Instant instant(JsonNode node) {
        if (node.isTextual()) {
            return Instant.parse(node.asText());
        }
        if (node.isNumber()) {
            java.math.BigDecimal seconds = node.decimalValue();
            return Instant.ofEpochSecond(
                    seconds.longValue(),
                    seconds.remainder(java.math.BigDecimal.ONE)
                            .movePointRight(9)
                            .longValue());
        }
        return null;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    private static long cpuNanos(Optional<ProcessHandle> process) {
        return process.map(Cost::processCpuNanos).orElse(0L);
    }

    /** The 1, 5 and 15 minute load averages, as the machine's load beside the figures. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII)
                    .trim()
                    .split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return String.format(
                    Locale.ROOT,
                    "%.2f",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static long countLines(Path file, java.util.function.Predicate<String> which) {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.filter(which).count();
        } catch (IOException | java.io.UncheckedIOException e) {
            return -1;
        }
    }

    private static void log(String message) {
        Cli.log(message);
    }
}
