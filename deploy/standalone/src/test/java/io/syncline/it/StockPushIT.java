package io.syncline.it;

import static io.syncline.it.OrderFlowIT.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncline.platform.test.ApiClient;
import io.syncline.simulator.ChannelSimulator;
import io.syncline.simulator.ItemConfig;
import io.syncline.simulator.ShopConfig;
import io.syncline.simulator.SimulatorConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Stock pushed to shops of the channel simulator over real HTTP, on PostgreSQL: both platforms within
 * seconds, bursts coalesced, an outage riding on one channel's breaker, drift caught by reconciliation,
 * Shopify's throttle honoured.
 */
@TestPropertySource(
        properties = {
            "syncline.channels.reconcile-interval=2s",
            "syncline.channels.push.retry.initial-interval=200ms",
            "syncline.channels.push.retry.max-interval=2s",
            "syncline.channels.push.breaker.window=4",
            "syncline.channels.push.breaker.open-for=2s",
            "syncline.channels.push.shopify-rate=20",
            // the burst below is 500 requests of one user within seconds
            "syncline.gateway.rate-limit.capacity=100000"
        })
class StockPushIT extends StandaloneIntegrationTest {

    private static ChannelSimulator simulator;

    private ApiClient root;
    private ApiClient shops;
    private String tag;
    private String sku;

    @BeforeAll
    static void simulator() {
        simulator = ChannelSimulator.start(SimulatorConfig.defaults());
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void names() {
        root = client().login("root", "secret");
        shops = new ApiClient(simulator.port());
        tag = UUID.randomUUID().toString().substring(0, 6);
        sku = "P-" + tag;
    }

    @Test
    void aStockChangeReachesBothShopsWithinTwoSecondsAndABurstEndsInAFewPushesOfItsLastValue() throws Exception {
        String shopify = shopify("a");
        String tiktok = tiktok("a");
        long changed = System.nanoTime();
        stock(10);
        await(() -> shown(shopify) == 9 && shown(tiktok) == 10, "both shops show the wanted quantities");
        Duration took = Duration.ofNanos(System.nanoTime() - changed);
        assertThat(took).as("stock change to both shops' acknowledgement").isLessThan(Duration.ofSeconds(2));

        int before = pushes(shopify);
        long burstStarted = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<ApiClient.Response>> sent = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                sent.add(clients.submit(() ->
                        alice.post("/api/inventory/" + sku + "/adjustments", Map.of("delta", 1, "reason", "restock"))));
            }
            for (Future<ApiClient.Response> f : sent) {
                assertThat(f.get().status()).isEqualTo(200);
            }
        } finally {
            clients.shutdownNow();
        }
        double burstSeconds = (System.nanoTime() - burstStarted) / 1e9;
        await(() -> shown(shopify) == 509 && shown(tiktok) == 510, "both shops show the last value");
        int burst = pushes(shopify) - before;
        // one push per coalescing interval (250 ms) at most while the changes come, and the last one after
        assertThat(burst)
                .as("pushes for 500 changes over %.1f s", burstSeconds)
                .isBetween(1, (int) Math.ceil(burstSeconds * 4) + 3);

        JsonNode status = root.get("/api/channels/" + shopify + "/status").json();
        assertThat(status.get("breaker").asText()).isEqualTo("CLOSED");
        assertThat(status.get("outOfSync").asLong()).isZero();
        assertThat(status.get("pushLagMs").isNumber()).isTrue();
    }

    @Test
    void aShopDownOpensItsBreakerTheOtherShopKeepsReceivingAndItConvergesOnceBack() {
        String shopify = shopify("b");
        String tiktok = tiktok("b");
        stock(20);
        await(() -> shown(shopify) == 19 && shown(tiktok) == 20, "in sync before the outage");

        assertThat(shops.put("/admin/shops/" + shopify + "/faults/down", Map.of("mode", "UNAVAILABLE", "for", "PT30S"))
                        .status())
                .isEqualTo(200);
        for (int i = 1; i <= 6; i++) {
            adjust(-1);
            int wanted = 20 - i;
            await(() -> shown(tiktok) == wanted, "the other shop keeps receiving");
        }
        await(
                () -> root.get("/api/channels/" + shopify + "/status")
                                .json()
                                .get("breaker")
                                .asText()
                                .equals("OPEN")
                        || root.get("/api/channels/" + shopify + "/status")
                                .json()
                                .get("breaker")
                                .asText()
                                .equals("HALF_OPEN"),
                "the shop's breaker opens");
        assertThat(root.get("/api/channels/" + tiktok + "/status")
                        .json()
                        .get("breaker")
                        .asText())
                .isEqualTo("CLOSED");
        assertThat(shown(shopify))
                .as("nothing reached the shop while it was down")
                .isEqualTo(19);

        awaitLong(() -> shown(shopify) == 13, "the shop converges to the quantity wanted now");
        await(
                () -> root.get("/api/channels/" + shopify + "/status")
                        .json()
                        .get("breaker")
                        .asText()
                        .equals("CLOSED"),
                "the breaker closes again");
    }

    @Test
    void driftOnTheShopsSideIsFoundByReconciliationReportedAndPushedOver() {
        String shopify = shopify("c");
        stock(8);
        await(() -> shown(shopify) == 7, "in sync");
        assertThat(shops.put("/admin/shops/" + shopify + "/items/" + sku, Map.of("quantity", 3, "notify", false))
                        .status())
                .isEqualTo(200);
        await(
                () -> {
                    for (JsonNode e : root.get("/api/events?type=ChannelQuantityReported")
                            .json()
                            .get("items")) {
                        JsonNode p = e.get("payload");
                        if (p.get("sku").asText().equals(sku)
                                && p.get("channelQuantity").asInt() == 3) {
                            return p.get("deliveryId").isNull();
                        }
                    }
                    return false;
                },
                "the drift reported by reconciliation");
        await(() -> shown(shopify) == 7, "pushed over to what we want the shop to show");
    }

    @Test
    void shopifysThrottleIsHonouredNoCallIsMadeWhileItsBucketIsEmpty() throws Exception {
        String shopify = shopify("d");
        stock(5);
        await(() -> shown(shopify) == 4, "in sync");
        assertThat(shops.put(
                                "/admin/shops/" + shopify + "/faults/throttle",
                                Map.of("maximumAvailable", 30, "restoreRate", 10, "currentlyAvailable", 30))
                        .status())
                .isEqualTo(200);
        for (int i = 0; i < 40; i++) {
            adjust(1);
        }
        awaitLong(() -> shown(shopify) == 44, "the last value through the throttle");
        JsonNode log = shops.get("/admin/shops/" + shopify + "/pushes").json();
        List<String> outcomes = new ArrayList<>();
        log.get("recent").forEach(entry -> outcomes.add(entry.get("outcome").asText()));
        assertThat(outcomes).as("calls the shop throttled").doesNotContain("throttled");
    }

    private String shopify(String name) {
        ShopConfig shop = ShopConfig.shopify("s" + name + "-" + tag).withItems(List.of(ItemConfig.of(sku, 0)));
        return SimulatedShops.connectShopify(root, simulator, shop, 1).name();
    }

    private String tiktok(String name) {
        ShopConfig shop = ShopConfig.tiktok("t" + name + "-" + tag).withItems(List.of(ItemConfig.of(sku, 0)));
        return SimulatedShops.connectTikTok(root, simulator, shop).name();
    }

    private void put(String path, Object body) {
        ApiClient.Response put = root.put(path, body);
        assertThat(put.status()).as(put.body()).isIn(200, 201);
    }

    private void stock(int onHand) {
        put("/api/inventory/" + sku, Map.of("onHand", onHand, "lowStockThreshold", 0));
    }

    private void adjust(int delta) {
        assertThat(alice.post("/api/inventory/" + sku + "/adjustments", Map.of("delta", delta, "reason", "count"))
                        .status())
                .isEqualTo(200);
    }

    private int shown(String shop) {
        return SimulatedShops.shown(shops, shop, sku);
    }

    private int pushes(String shop) {
        return SimulatedShops.item(shops, shop, sku).get("pushes").asInt();
    }

    /** For what waits out a 30 s outage. */
    private static void awaitLong(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            ServiceProcess.sleep(Duration.ofMillis(100));
        }
    }
}
