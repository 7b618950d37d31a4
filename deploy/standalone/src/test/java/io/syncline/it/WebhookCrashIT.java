package io.syncline.it;

import static io.syncline.it.OrderFlowIT.awaitReserved;
import static io.syncline.it.OrderFlowIT.awaitStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncline.platform.test.ApiClient;
import io.syncline.platform.test.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A delivery answered 200 is kept even when the process dies before anything processed it. The standalone
 * runs as its own process with processing off, takes a signed Shopify order in and is killed (SIGKILL: no
 * shutdown hook, no flush, no graceful stop); started again with processing on, it places that order exactly
 * once, and the platform's copy sent after the restart is the same delivery and changes nothing. On a fresh
 * PostgreSQL database and on the embedded H2 file, the standalone's default (where it holds only because H2
 * writes each commit at once, WRITE_DELAY=0, rather than up to half a second later).
 */
class WebhookCrashIT {

    private static final String PASSWORD = "crash-admin-password";
    private static final String MERCHANT = "demo";
    private static final String CHANNEL = "acme-shopify";
    private static final long START_TIMEOUT = TimeUnit.MINUTES.toNanos(3);

    @TempDir
    Path work;

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"postgresql", "h2"})
    void aDeliveryTakenInBeforeTheProcessIsKilledIsPlacedOnceAfterTheRestart(String database) throws Exception {
        Path jar = Path.of("target", "syncline.jar").toAbsolutePath();
        assertThat(jar).as("built by the package phase").isRegularFile();
        String url = database.equals("postgresql") ? TestDatabases.create("syncline_crash") : null;
        String channelOrderId = "7300000000000000073"; // above 2^53, kept exactly
        String eventId = UUID.randomUUID().toString();
        byte[] body = ChannelWebhooks.shopifyOrder("orders-create.json", channelOrderId, "MUG", "CUP");

        String deliveryId;
        ServiceProcess first = start(jar, url, "first", Map.of("SYNCLINE_CHANNELS_DELIVERIES_PROCESSING", "false"));
        try {
            first.awaitReady(System.nanoTime() + START_TIMEOUT);
            ApiClient admin = new ApiClient(first.port()).login("admin", PASSWORD);
            ChannelWebhooks.connectShopify(admin, CHANNEL);
            ChannelWebhooks.stock(admin, "MUG", 5);
            ChannelWebhooks.stock(admin, "CUP", 5);

            ApiClient.Response sent =
                    new ChannelWebhooks(first.port()).shopify(MERCHANT, CHANNEL, "orders/create", eventId, body);
            assertThat(sent.status()).as(sent.body()).isEqualTo(200);
            deliveryId = sent.json().get("deliveryId").asText();

            JsonNode received = ChannelWebhooks.deliveries(admin, CHANNEL, "RECEIVED");
            assertThat(received.get("total").asLong()).as(received.toString()).isEqualTo(1);
            JsonNode stored = received.get("items").get(0);
            assertThat(stored.get("deliveryId").asText()).isEqualTo(deliveryId);
            assertThat(stored.get("status").asText()).isEqualTo("RECEIVED");
            assertThat(stored.get("attempts").asInt())
                    .as("nothing processes it")
                    .isZero();
            assertThat(stored.get("orderId").isNull()).isTrue();
            assertThat(admin.get("/api/orders").json().get("total").asLong()).isZero();

            // at once, as a crash would: whatever the 200 promised must already be on disk
            first.process().destroyForcibly();
            assertThat(first.process().waitFor(30, TimeUnit.SECONDS))
                    .as("killed" + first.tail())
                    .isTrue();
            assertThat(first.process().exitValue()).as("SIGKILL").isEqualTo(128 + 9);
        } catch (AssertionError | RuntimeException e) {
            first.dumpLog();
            throw e;
        } finally {
            first.process().destroyForcibly();
        }

        ServiceProcess second = start(
                jar,
                url,
                "second",
                Map.of(
                        "SYNCLINE_CHANNELS_DELIVERIES_PROCESSING", "true",
                        // should a claim have been taken before the kill, it is given up soon
                        "SYNCLINE_CHANNELS_DELIVERIES_CLAIM_TIMEOUT", "5s"));
        try {
            second.awaitReady(System.nanoTime() + START_TIMEOUT);
            ApiClient admin = new ApiClient(second.port()).login("admin", PASSWORD);

            JsonNode processed = ChannelWebhooks.awaitDelivery(admin, CHANNEL, deliveryId, "PROCESSED");
            assertThat(processed.get("attempts").asInt()).isEqualTo(1);
            String orderId = processed.get("orderId").asText();
            JsonNode order = awaitStatus(admin, orderId, "CONFIRMED");
            assertThat(order.get("channel").asText()).isEqualTo(CHANNEL);
            assertThat(order.get("channelOrderId").asText()).isEqualTo(channelOrderId);
            // the fixture's two lines: one MUG, two CUPs
            awaitReserved(admin, "MUG", 1);
            awaitReserved(admin, "CUP", 2);
            assertPlacedOnce(admin, deliveryId, orderId, channelOrderId);

            ApiClient.Response again =
                    new ChannelWebhooks(second.port()).shopify(MERCHANT, CHANNEL, "orders/create", eventId, body);
            assertThat(again.status()).as(again.body()).isEqualTo(200);
            assertThat(again.json().get("deliveryId").asText()).isEqualTo(deliveryId);
            assertThat(again.json().get("duplicate").asBoolean()).isTrue();
            JsonNode unchanged = ChannelWebhooks.awaitDelivery(admin, CHANNEL, deliveryId, "PROCESSED");
            assertThat(unchanged.get("attempts").asInt())
                    .as("not processed again")
                    .isEqualTo(1);
            assertPlacedOnce(admin, deliveryId, orderId, channelOrderId);
            assertThat(admin.get("/api/orders/" + orderId).json().get("status").asText())
                    .isEqualTo("CONFIRMED");
        } catch (AssertionError | RuntimeException e) {
            second.dumpLog();
            throw e;
        } finally {
            second.stop();
        }
    }

    /** One delivery, one order of that channel order id, and exactly its lines reserved. */
    private static void assertPlacedOnce(ApiClient admin, String deliveryId, String orderId, String channelOrderId) {
        JsonNode deliveries = ChannelWebhooks.deliveries(admin, CHANNEL);
        assertThat(deliveries.get("total").asLong()).as(deliveries.toString()).isEqualTo(1);
        assertThat(deliveries.get("items").get(0).get("deliveryId").asText()).isEqualTo(deliveryId);

        JsonNode orders = admin.get("/api/orders?size=200").json();
        List<String> ofThatOrder = new ArrayList<>();
        for (JsonNode o : orders.get("items")) {
            if (o.get("channelOrderId").asText().equals(channelOrderId)) {
                ofThatOrder.add(o.get("orderId").asText());
            }
        }
        assertThat(ofThatOrder).as(orders.toString()).containsExactly(orderId);
        assertThat(orders.get("total").asLong()).isEqualTo(1);
        assertThat(admin.get("/api/inventory/MUG").json().get("reserved").asInt())
                .isEqualTo(1);
        assertThat(admin.get("/api/inventory/CUP").json().get("reserved").asInt())
                .isEqualTo(2);
    }

    /**
     * The standalone jar on the PostgreSQL database {@code url}, or on its H2 default when null; both runs share
     * the data directory (its channel key unseals the channel's secret), each has its own log.
     */
    private ServiceProcess start(Path jar, String url, String run, Map<String, String> settings) throws IOException {
        Path dir = Files.createDirectories(work.resolve(run));
        Map<String, String> env = new LinkedHashMap<>(settings);
        env.put("SYNCLINE_DATA_DIR", work.resolve("data").toString());
        env.put("SYNCLINE_ADMIN_PASSWORD", PASSWORD);
        // no simulated shops: this test's own deliveries are the only ones
        env.put("SYNCLINE_DEMO", "false");
        return url == null
                ? ServiceProcess.startEmbedded("standalone", jar, dir, env)
                : ServiceProcess.startOn("standalone", jar, dir, url, env);
    }
}
