package io.syncline.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncline.platform.test.ApiClient;
import io.syncline.simulator.ChannelSimulator;
import io.syncline.simulator.ItemConfig;
import io.syncline.simulator.ShopConfig;
import io.syncline.simulator.ShopifyThrottle;
import io.syncline.simulator.orders.Order;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The conflict flows' run: a Shopify shop (echoing every level change, as Shopify does) and a TikTok shop of the
 * channel simulator connected to merchant m1 over real HTTP both ways, 1,000 orders over them, and disagreements
 * made on purpose while the orders come, each noted as the conflict it must become.
 */
final class ConflictScenario {

    static final String SHOPIFY = "cf-shopify";
    static final String TIKTOK = "cf-tiktok";
    static final Map<String, Integer> BUFFERS = Map.of(SHOPIFY, 1, TIKTOK, 0);
    static final int ORDERS = 1000;

    private static final double ORDERS_PER_SECOND = 8;
    private static final int SALE_SKUS = 30;
    private static final int SALE_STOCK = 400;
    private static final int DRIFT_STOCK = 40;
    private static final int DUPLICATES = 10;
    private static final int REFUSED_STATUSES = 6;
    private static final int BURST = 6;
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    /**
     * Drifts, each on a SKU of its own that nobody buys: with no sale of it, our wanted quantity stands still, so
     * no sale of ours or the shop's can explain the drift away (nor a second drift add to the first's conflict).
     * Up to 2 units the default rule keeps ours; beyond, the conflict stays open. Shopify's are told by its
     * webhook or, silent, found by reconciliation like TikTok's.
     */
    private static final List<Drift> DRIFTS = List.of(
            new Drift(SHOPIFY, 1, true),
            new Drift(TIKTOK, 2, false),
            new Drift(SHOPIFY, -2, true),
            new Drift(TIKTOK, -1, false),
            new Drift(SHOPIFY, 15, true),
            new Drift(SHOPIFY, 2, false),
            new Drift(TIKTOK, 1, false),
            new Drift(SHOPIFY, -1, true),
            new Drift(TIKTOK, -12, false),
            new Drift(TIKTOK, -2, false),
            new Drift(SHOPIFY, -9, false),
            new Drift(TIKTOK, 25, false));
    /** The last drift, made once all else is quiet: when its conflict shows, detection has caught up. */
    private static final Drift LAST_DRIFT = new Drift(SHOPIFY, 10, true);

    /** {@code told}: the shop announces it by its webhook (Shopify), else it is found by reading back. */
    private record Drift(String shop, int delta, boolean told) {}

    /**
     * A disagreement made on purpose, as the conflict it must become: {@code ours}/{@code theirs} a quantity, a
     * status or units per SKU; {@code byRule} when the default rules resolve it.
     */
    record Injected(
            String kind, String channel, String sku, String orderId, Object ours, Object theirs, boolean byRule) {

        boolean isConflict(JsonNode c) {
            return c.path("kind").asText().equals(kind)
                    && c.path("channel").asText().equals(channel)
                    && (kind.equals("STOCK_MISMATCH")
                            ? c.path("sku").asText().equals(sku)
                            : c.path("orderId").asText().equals(orderId));
        }

        @Override
        public String toString() {
            return kind + " " + channel + " " + (sku != null ? sku : "") + (orderId != null ? " order " + orderId : "")
                    + " ours " + ours + " theirs " + theirs + (byRule ? " (rule)" : " (open)");
        }
    }

    /**
     * What the run did: its window, the disagreements made, every conflict of the merchant once detection caught
     * up (before anyone resolved one), the orders placed, each SKU and its starting stock.
     */
    record Run(
            Instant started,
            Instant ended,
            List<Injected> injected,
            List<JsonNode> conflicts,
            int orders,
            Map<String, Integer> stock,
            Duration took) {}

    private final int port;
    private final ApiClient root;
    private final ApiClient shops;
    private final ChannelSimulator simulator;
    private final Map<String, Integer> stock = new LinkedHashMap<>();
    private final List<String> saleSkus = new ArrayList<>();
    private final List<String> driftSkus = new ArrayList<>();
    private final String oversold = "CF-OVER";
    private final List<Injected> injected = new ArrayList<>();

    ConflictScenario(int port, ApiClient root, ChannelSimulator simulator) {
        this.port = port;
        this.root = root;
        this.simulator = simulator;
        this.shops = new ApiClient(simulator.port());
        for (int i = 0; i < SALE_SKUS; i++) {
            saleSkus.add(String.format("CF-SALE-%02d", i));
            stock.put(saleSkus.get(i), SALE_STOCK);
        }
        for (int i = 0; i <= DRIFTS.size(); i++) {
            driftSkus.add(String.format("CF-DRIFT-%02d", i));
            stock.put(driftSkus.get(i), DRIFT_STOCK);
        }
        // Shopify's buffer leaves it nothing to sell: every unit its buyers take beyond is an oversell
        stock.put(oversold, 1);
    }

    Run play() throws Exception {
        long began = System.nanoTime();
        connect();
        awaitFor(this::inSync, "both shops in sync before the orders");
        check(conflicts().isEmpty(), () -> "conflicts before any order: " + conflicts());
        Instant started = Instant.now();

        Map<String, Integer> saleStock = new LinkedHashMap<>();
        saleSkus.forEach(s -> saleStock.put(s, SALE_STOCK));
        // both shops sell every SKU, as a merchant's shops sell the same stock
        Map<String, List<String>> skusOf = Map.of(SHOPIFY, saleSkus, TIKTOK, saleSkus);
        PacedBuyers buyers = new PacedBuyers(simulator, BUFFERS, saleStock, skusOf, ORDERS_PER_SECOND, 20261202L);
        List<Step> plan = plan(buyers);
        int ownOrders = ORDERS - DUPLICATES - REFUSED_STATUSES - BURST;
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread injector = new Thread(
                () -> {
                    try {
                        for (Step step : plan) {
                            awaitFor(() -> buyers.placed() >= step.at() || failed.get() != null, "order " + step.at());
                            if (failed.get() != null) {
                                return;
                            }
                            injected.addAll(step.does().call());
                        }
                    } catch (Throwable e) {
                        failed.compareAndSet(null, e);
                    }
                },
                "conflict-injector");
        injector.setDaemon(true);
        injector.start();
        Random shopsOf = new Random(7);
        try {
            for (int i = 0; i < ownOrders && failed.get() == null; i++) {
                buyers.place(shopsOf.nextBoolean() ? SHOPIFY : TIKTOK);
            }
        } catch (Throwable e) {
            failed.compareAndSet(null, e);
        }
        injector.join(PATIENCE.toMillis() * 3);
        if (failed.get() != null) {
            throw new AssertionError("the run failed: " + failed.get(), failed.get());
        }
        check(!injector.isAlive(), () -> "the injections did not end");

        awaitQuiet();
        injected.addAll(drift(driftSkus.get(DRIFTS.size()), LAST_DRIFT));
        awaitFor(this::everyInjectedShows, () -> "a conflict for every disagreement made: " + explainMissing());
        awaitQuiet();
        Instant ended = Instant.now();
        return new Run(
                started,
                ended,
                List.copyOf(injected),
                conflicts(),
                buyers.placed(),
                Map.copyOf(stock),
                Duration.ofNanos(System.nanoTime() - began));
    }

    /** Every SKU of the run, and every shop. */
    List<String> skus() {
        return List.copyOf(stock.keySet());
    }

    /** A step of the injections, taken once {@code at} orders were placed. */
    private record Step(int at, Callable<List<Injected>> does) {}

    private List<Step> plan(PacedBuyers buyers) {
        List<Step> plan = new ArrayList<>();
        for (int i = 0; i < DRIFTS.size(); i++) {
            String sku = driftSkus.get(i);
            Drift drift = DRIFTS.get(i);
            plan.add(new Step(40 + 70 * i, () -> drift(sku, drift)));
        }
        for (int i = 0; i < DUPLICATES; i++) {
            String shop = i % 2 == 0 ? SHOPIFY : TIKTOK;
            plan.add(new Step(60 + 85 * i, () -> duplicate(buyers, shop)));
        }
        for (int i = 0; i < REFUSED_STATUSES; i++) {
            String shop = i % 2 == 0 ? TIKTOK : SHOPIFY;
            plan.add(new Step(90 + 130 * i, () -> cancelledAfterShipment(buyers, shop)));
        }
        plan.add(new Step(450, () -> oversell(buyers)));
        plan.sort(Comparator.comparingInt(Step::at));
        return plan;
    }

    private List<Injected> drift(String sku, Drift drift) {
        int ours = simulator.quantity(drift.shop(), sku);
        check(
                ours == Math.max(0, DRIFT_STOCK - BUFFERS.get(drift.shop())),
                () -> drift.shop() + " shows " + ours + " of " + sku + " before its drift");
        simulator.setQuantity(drift.shop(), sku, ours + drift.delta(), drift.told());
        return List.of(new Injected(
                "STOCK_MISMATCH", drift.shop(), sku, null, ours, ours + drift.delta(), Math.abs(drift.delta()) <= 2));
    }

    /** An order the shop delivers again with other lines once it is an order in Syncline. */
    private List<Injected> duplicate(PacedBuyers buyers, String shop) {
        Order order = buyers.place(shop);
        String orderId = orderIdOf(shop, order.id());
        Map<String, Integer> other = PacedBuyers.otherLines(order);
        simulator.redeliverOrder(shop, order.id(), other);
        return List.of(new Injected("DUPLICATE_ORDER", shop, null, orderId, PacedBuyers.linesOf(order), other, true));
    }

    /** An order the shop ships, and cancels once Syncline shows it shipped. */
    private List<Injected> cancelledAfterShipment(PacedBuyers buyers, String shop) {
        Order order = buyers.place(shop);
        String orderId = orderIdOf(shop, order.id());
        awaitStatus(orderId, "CONFIRMED");
        simulator.shipOrder(shop, order.id());
        awaitStatus(orderId, "SHIPPED");
        simulator.cancelOrder(shop, order.id(), "customer");
        return List.of(new Injected("STATUS_MISMATCH", shop, null, orderId, "SHIPPED", "CANCELLED", false));
    }

    /** Shopify's buyers take {@link #BURST} units of a SKU of which Syncline has one: each rejected order oversold. */
    private List<Injected> oversell(PacedBuyers buyers) {
        List<Injected> made = new ArrayList<>();
        int confirmed = 0;
        for (Order order : buyers.burst(SHOPIFY, oversold, BURST)) {
            String orderId = orderIdOf(SHOPIFY, order.id());
            String status = awaitDecided(orderId);
            if (status.equals("REJECTED")) {
                made.add(new Injected("OVERSOLD", SHOPIFY, oversold, orderId, 0, 1, false));
            } else {
                confirmed++;
            }
        }
        int took = confirmed;
        check(took == 1, () -> took + " orders of the burst confirmed for the one unit");
        return made;
    }

    private void connect() {
        stock.forEach((sku, onHand) -> {
            Map<String, Object> body =
                    Map.of("onHand", onHand, "lowStockThreshold", 0, "name", "Conflict flows " + sku);
            ok(root.put("/api/inventory/" + sku, body));
        });
        ShopConfig shopify = simulator.addShop(ShopConfig.shopify(SHOPIFY)
                .withWebhookUrl(webhookUrl("shopify", SHOPIFY))
                .withEchoInventoryLevels(true)
                // the Plus plan's GraphQL budget: the flows count conflicts, StockPushIT the throttle
                .withThrottle(new ShopifyThrottle(20_000.0, 1_000.0, null, null))
                .withItems(items(SHOPIFY)));
        ShopConfig tiktok = simulator.addShop(ShopConfig.tiktok(TIKTOK)
                .withWebhookUrl(webhookUrl("tiktok", TIKTOK))
                .withRequestsPerSecond(0)
                .withItems(items(TIKTOK)));

        Map<String, Object> s = new LinkedHashMap<>();
        s.put("kind", "SHOPIFY");
        s.put("apiBaseUrl", simulator.apiBaseUrl(SHOPIFY).toString());
        s.put("webhookSecret", shopify.webhookSecret());
        s.put("accessToken", shopify.accessToken());
        s.put("locationId", "gid://shopify/Location/" + shopify.locationId());
        s.put("bufferStock", BUFFERS.get(SHOPIFY));
        ok(root.put("/api/channels/" + SHOPIFY, s));
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("kind", "TIKTOK_SHOP");
        t.put("apiBaseUrl", simulator.apiBaseUrl(TIKTOK).toString());
        t.put("webhookSecret", tiktok.webhookSecret());
        t.put("accessToken", tiktok.accessToken());
        t.put("appKey", tiktok.appKey());
        t.put("shopCipher", tiktok.shopCipher());
        t.put("warehouseId", tiktok.warehouseId());
        t.put("bufferStock", BUFFERS.get(TIKTOK));
        ok(root.put("/api/channels/" + TIKTOK, t));
        for (ItemConfig item : shopify.items()) {
            ok(root.put(
                    "/api/channels/" + SHOPIFY + "/listings/" + item.sku(),
                    Map.of("inventoryItemId", "gid://shopify/InventoryItem/" + item.inventoryItemId())));
        }
        for (ItemConfig item : tiktok.items()) {
            ok(root.put(
                    "/api/channels/" + TIKTOK + "/listings/" + item.sku(),
                    Map.of("productId", item.productId(), "skuId", item.skuId())));
        }
    }

    /** Each shop starts showing what we want it to show: the setup itself is no disagreement. */
    private List<ItemConfig> items(String shop) {
        List<ItemConfig> items = new ArrayList<>();
        stock.forEach((sku, onHand) -> items.add(ItemConfig.of(sku, Math.max(0, onHand - BUFFERS.get(shop)))));
        return items;
    }

    private URI webhookUrl(String platform, String channel) {
        return URI.create("http://127.0.0.1:" + port + "/webhooks/" + platform + "/m1/" + channel);
    }

    private boolean inSync() {
        for (String shop : BUFFERS.keySet()) {
            JsonNode status = root.get("/api/channels/" + shop + "/status").json();
            if (status.path("listings").asInt() != stock.size()
                    || status.path("pendingPushes").asLong() != 0
                    || status.path("outOfSync").asLong() != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Quiet: the shops have no webhook left to send, Syncline no delivery left to process or retry and no push
     * due, twice in a row.
     */
    void awaitQuiet() {
        int[] quiet = {0};
        awaitFor(() -> (quiet[0] = quiet() ? quiet[0] + 1 : 0) >= 2, () -> "quiet: " + backlog());
    }

    private boolean quiet() {
        return backlog().isEmpty();
    }

    private String backlog() {
        StringBuilder left = new StringBuilder();
        for (String shop : BUFFERS.keySet()) {
            int sending = shops.get("/admin/shops/" + shop + "/deliveries?status=PENDING")
                            .json()
                            .size()
                    + shops.get("/admin/shops/" + shop + "/deliveries?status=HELD")
                            .json()
                            .size();
            long received = root.get("/api/channels/" + shop + "/deliveries?status=RECEIVED&size=1")
                    .json()
                    .path("total")
                    .asLong();
            long retried = 0;
            for (JsonNode d : root.get("/api/channels/" + shop + "/deliveries?status=FAILED&size=200")
                    .json()
                    .path("items")) {
                if (d.path("nextAttemptAt").isTextual()) {
                    retried++;
                }
            }
            long pushes = root.get("/api/channels/" + shop + "/status")
                    .json()
                    .path("pendingPushes")
                    .asLong();
            if (sending + received + retried + pushes > 0) {
                left.append(shop)
                        .append(": ")
                        .append(sending)
                        .append(" webhooks to send, ")
                        .append(received + retried)
                        .append(" deliveries to process, ")
                        .append(pushes)
                        .append(" pushes due; ");
            }
        }
        return left.toString();
    }

    private boolean everyInjectedShows() {
        return missing().isEmpty();
    }

    /** The disagreements made whose conflict does not show (yet) as it should end. */
    private List<Injected> missing() {
        List<JsonNode> conflicts = conflicts();
        List<Injected> missing = new ArrayList<>();
        for (Injected i : injected) {
            Optional<JsonNode> found = conflicts.stream().filter(i::isConflict).findFirst();
            String wanted = i.byRule() ? "RESOLVED" : "OPEN";
            if (found.isEmpty() || !found.get().path("status").asText().equals(wanted)) {
                missing.add(i);
            }
        }
        return missing;
    }

    /** The missing conflicts, what shows instead and the channel's reports of their SKUs. */
    private String explainMissing() {
        StringBuilder why = new StringBuilder();
        List<JsonNode> conflicts = conflicts();
        List<JsonNode> reports = new ArrayList<>();
        root.get("/api/events?type=ChannelQuantityReported&limit=1000")
                .json()
                .path("items")
                .forEach(reports::add);
        for (Injected i : missing()) {
            why.append("\n").append(i).append(": ");
            conflicts.stream().filter(i::isConflict).forEach(c -> why.append(c).append(' '));
            if (i.sku() != null) {
                reports.stream()
                        .filter(e -> e.path("payload").path("sku").asText().equals(i.sku()))
                        .forEach(e -> why.append("\n  ")
                                .append(e.path("timestamp").asText())
                                .append(' ')
                                .append(e.path("payload")));
            }
        }
        return why.toString();
    }

    /** What tells how a shop's listing came to show what it showed: the channel's reports and the pushes to it. */
    String trail(String shop, String sku) {
        StringBuilder trail = new StringBuilder();
        root.get("/api/events?type=ChannelQuantityReported&limit=1000")
                .json()
                .path("items")
                .forEach(e -> {
                    if (e.path("payload").path("sku").asText().equals(sku)
                            && e.path("payload").path("channelId").asText().equals(shop)) {
                        trail.append("\n  reported ")
                                .append(e.path("timestamp").asText())
                                .append(' ')
                                .append(e.path("payload"));
                    }
                });
        shops.get("/admin/shops/" + shop + "/pushes").json().path("recent").forEach(p -> {
            if (p.path("quantities").has(sku)) {
                trail.append("\n  pushed ")
                        .append(p.path("at").asText())
                        .append(' ')
                        .append(p.path("outcome").asText())
                        .append(' ')
                        .append(p.path("quantities").path(sku));
            }
        });
        return trail.toString();
    }

    /** Every conflict of the merchant, newest first. */
    List<JsonNode> conflicts() {
        List<JsonNode> all = new ArrayList<>();
        long total;
        int page = 0;
        do {
            ApiClient.Response r = root.get("/api/conflicts?size=200&page=" + page);
            ok(r);
            r.json().path("items").forEach(all::add);
            total = r.json().path("total").asLong();
            page++;
        } while ((long) page * 200 < total);
        return all;
    }

    /** Syncline's order of a shop's order, once it has one. */
    private String orderIdOf(String shop, String channelOrderId) {
        AtomicReference<String> found = new AtomicReference<>();
        awaitFor(
                () -> {
                    for (int page = 0; page < 3 && found.get() == null; page++) {
                        for (JsonNode o : root.get("/api/orders?size=200&page=" + page)
                                .json()
                                .path("items")) {
                            if (o.path("channel").asText().equals(shop)
                                    && o.path("channelOrderId").asText().equals(channelOrderId)) {
                                found.set(o.path("orderId").asText());
                            }
                        }
                    }
                    return found.get() != null;
                },
                shop + " order " + channelOrderId + " in Syncline");
        return found.get();
    }

    private void awaitStatus(String orderId, String status) {
        awaitFor(() -> status(orderId).equals(status), () -> orderId + " " + status + ", is " + status(orderId));
    }

    private String awaitDecided(String orderId) {
        awaitFor(() -> !status(orderId).equals("PENDING"), orderId + " decided");
        return status(orderId);
    }

    private String status(String orderId) {
        return root.get("/api/orders/" + orderId).json().path("status").asText();
    }

    private static void ok(ApiClient.Response r) {
        check(r.status() / 100 == 2, () -> r.status() + " " + r.body());
    }

    private static void check(boolean condition, Supplier<String> otherwise) {
        if (!condition) {
            throw new AssertionError(otherwise.get());
        }
    }

    static void awaitFor(BooleanSupplier condition, String what) {
        awaitFor(condition, () -> what);
    }

    /** Polls {@code condition} until it holds, for at most {@link #PATIENCE}. */
    static void awaitFor(BooleanSupplier condition, Supplier<String> what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what.get());
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
    }
}
