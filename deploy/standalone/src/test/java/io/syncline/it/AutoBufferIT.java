package io.syncline.it;

import static io.syncline.it.OrderFlowIT.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.syncline.gateway.channels.buffers.AutoBuffers;
import io.syncline.platform.test.ApiClient;
import io.syncline.simulator.ChannelSimulator;
import io.syncline.simulator.ItemConfig;
import io.syncline.simulator.ShopConfig;
import io.syncline.simulator.SimulatorConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Adaptive buffers with two shops of the channel simulator over real HTTP, on PostgreSQL: the shop selling ten
 * times faster holds back more, each listing shows the figures its buffer came from, and the shop is pushed what
 * is available less it.
 */
@TestPropertySource(
        properties = {
            // the test computes the buffers itself, when the sales are in
            "syncline.channels.auto-buffer.interval=1h",
            "syncline.gateway.rate-limit.capacity=100000"
        })
class AutoBufferIT extends StandaloneIntegrationTest {

    private static ChannelSimulator simulator;

    @Autowired
    AutoBuffers buffers;

    @BeforeAll
    static void simulator() {
        simulator = ChannelSimulator.start(SimulatorConfig.defaults());
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void theShopSellingTenTimesFasterHoldsBackMoreAndIsPushedAvailableLessIt() {
        ApiClient root = client().login("root", "secret");
        ApiClient shops = new ApiClient(simulator.port());
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String sku = "AB-" + tag;
        String fast = auto(root, "fast-" + tag, sku);
        String slow = auto(root, "slow-" + tag, sku);
        OrderFlowIT.stock(root, sku, 5000);
        await(
                () -> SimulatedShops.shown(shops, fast, sku) == 5000 && SimulatedShops.shown(shops, slow, sku) == 5000,
                "both shops show the stock (no buffer computed yet)");

        for (int i = 0; i < 20; i++) {
            order(root, fast, sku, 50);
        }
        for (int i = 0; i < 2; i++) {
            order(root, slow, sku, 50);
        }
        await(
                () -> {
                    buffers.computeAll();
                    return listing(root, fast, sku)
                                            .get("bufferReason")
                                            .path("unitsPerDay")
                                            .asDouble()
                                    == 288_000.0
                            && listing(root, slow, sku)
                                            .get("bufferReason")
                                            .path("unitsPerDay")
                                            .asDouble()
                                    == 28_800.0;
                },
                "the buffers computed from both shops' sales (all within the last 5 minutes)");

        JsonNode fastListing = listing(root, fast, sku);
        JsonNode slowListing = listing(root, slow, sku);
        assertThat(fastListing.get("buffer").asInt())
                .isGreaterThan(slowListing.get("buffer").asInt());
        JsonNode reason = fastListing.get("bufferReason");
        assertThat(reason.get("mode").asText()).isEqualTo("AUTO");
        assertThat(reason.get("lagMeasured").asBoolean()).isTrue();
        assertThat(reason.get("pushLagP99Ms").asLong()).isPositive();
        assertThat(reason.get("safetyFactor").asDouble()).isEqualTo(2.0);
        assertThat(reason.get("bufferMax").asInt()).isEqualTo(50);
        long lag = reason.get("pushLagP99Ms").asLong();
        assertThat(fastListing.get("buffer").asInt())
                .as("ceil(288,000 a day over a lag of %d ms × 2)", lag)
                .isEqualTo((int) Math.min(50, Math.ceil(288_000 / 86_400_000.0 * lag * 2 - 1e-9)));

        int available = 5000 - 1100;
        int fastBuffer = fastListing.get("buffer").asInt();
        int slowBuffer = slowListing.get("buffer").asInt();
        await(
                () -> SimulatedShops.shown(shops, fast, sku) == available - fastBuffer
                        && SimulatedShops.shown(shops, slow, sku) == available - slowBuffer,
                "each shop shows available less its own buffer");
        assertThat(listing(root, fast, sku).get("wantedQuantity").asInt()).isEqualTo(available - fastBuffer);

        // the channels page shows each listing's buffer and where it came from
        try (HeadlessChromium chromium = HeadlessChromium.launch("the buffers on the channels page")) {
            Page page = chromium.browser().newPage();
            page.navigate("http://127.0.0.1:" + port + "/#/channels");
            page.locator("#login-username").fill("root");
            page.locator("#login-password").fill("secret");
            page.locator("#login-password").press("Enter");
            page.locator("#channels-table tr[data-channel-id='" + fast + "'] a").click();
            Locator row = page.locator("#listings-table tr[data-sku='" + sku + "']");
            PlaywrightAssertions.assertThat(row.locator("[data-field='buffer']"))
                    .hasText(String.valueOf(fastBuffer));
            PlaywrightAssertions.assertThat(row.locator("[data-field='bufferReason']"))
                    .containsText("AUTO: 288000 sold a day");
            PlaywrightAssertions.assertThat(row.locator("[data-field='bufferReason']"))
                    .containsText("at most 50");
        }
    }

    /** Connects a simulated Shopify shop listing {@code sku}, with an AUTO buffer of at most 50. */
    private static String auto(ApiClient root, String name, String sku) {
        ShopConfig shop = SimulatedShops.connectShopify(
                root, simulator, ShopConfig.shopify(name).withItems(List.of(ItemConfig.of(sku, 0))), 0);
        Map<String, Object> channel = new HashMap<>();
        channel.put("kind", "SHOPIFY");
        channel.put("apiBaseUrl", simulator.apiBaseUrl(shop.name()).toString());
        channel.put("locationId", "gid://shopify/Location/" + shop.locationId());
        channel.put("bufferMode", "AUTO");
        channel.put("bufferMax", 50);
        ApiClient.Response put = root.put("/api/channels/" + shop.name(), channel);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        return shop.name();
    }

    private static void order(ApiClient client, String channel, String sku, int units) {
        ApiClient.Response placed = client.send(
                "POST",
                "/api/orders",
                Map.of(
                        "channel",
                        channel,
                        "channelOrderId",
                        UUID.randomUUID().toString(),
                        "lines",
                        List.of(Map.of("sku", sku, "quantity", units))),
                Map.of("Prefer", "wait=20"));
        assertThat(placed.json().get("status").asText()).as(placed.body()).isEqualTo("CONFIRMED");
    }

    private static JsonNode listing(ApiClient root, String channel, String sku) {
        for (JsonNode item :
                root.get("/api/channels/" + channel + "/listings").json().get("items")) {
            if (item.get("sku").asText().equals(sku)) {
                return item;
            }
        }
        throw new AssertionError("no listing of " + sku + " on " + channel);
    }
}
