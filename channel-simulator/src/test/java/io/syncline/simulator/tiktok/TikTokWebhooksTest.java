package io.syncline.simulator.tiktok;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncline.simulator.ChannelSimulator;
import io.syncline.simulator.ItemConfig;
import io.syncline.simulator.ShopConfig;
import io.syncline.simulator.SimulatorConfig;
import io.syncline.simulator.testing.Http;
import io.syncline.simulator.testing.Receiver;
import io.syncline.simulator.testing.Signatures;
import io.syncline.simulator.testing.TikTokCalls;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TikTokWebhooksTest {

    private final Receiver receiver = new Receiver();
    private ChannelSimulator simulator;

    @BeforeEach
    void start() {
        simulator = ChannelSimulator.start(SimulatorConfig.defaults()
                .withShop(ShopConfig.tiktok("tts")
                        .withSecrets("access-token", "app-secret")
                        .withApp("app-key", "ROW_cipher")
                        .withWebhookUrl(receiver.url())
                        .withItem(
                                ItemConfig.tiktok("red_iphone_256", 5, "1729582718312380123", "2729382476852921560"))));
    }

    @AfterEach
    void stop() {
        simulator.close();
        receiver.close();
    }

    @Test
    void announcesAnOrderAwaitingShipmentSignedInAuthorizationAndReadableByItsId() {
        String id = Http.post(
                        URI.create(simulator.adminUrl() + "/shops/tts/orders"),
                        Map.of("lines", List.of(Map.of("sku", "red_iphone_256", "quantity", 2))))
                .json()
                .path("id")
                .asText();

        await().until(() -> receiver.received().size() >= 1);
        Receiver.Received delivery = receiver.received().get(0);

        assertThat(delivery.header("Authorization"))
                .isEqualTo(Signatures.tiktokWebhook("app-key", "app-secret", delivery.body()));
        JsonNode body = Http.json(delivery.text());
        assertThat(body.path("type").asInt()).isEqualTo(1);
        assertThat(body.path("tts_notification_id").asText()).matches("[0-9]+");
        assertThat(body.path("shop_id").asText())
                .isEqualTo(simulator.shop("tts").shopId());
        assertThat(body.path("timestamp").isIntegralNumber()).isTrue();
        assertThat(body.at("/data/order_id").asText()).isEqualTo(id);
        assertThat(body.at("/data/order_status").asText()).isEqualTo("AWAITING_SHIPMENT");
        assertThat(body.at("/data/update_time").isIntegralNumber()).isTrue();
        TikTokCalls calls = new TikTokCalls(
                simulator.apiBaseUrl("tts"), "app-key", "app-secret", "access-token", "ROW_cipher", Clock.systemUTC());
        JsonNode read = calls.get("/order/202309/orders", Map.of("ids", id)).json();
        assertThat(read.at("/data/orders/0/line_items")).hasSize(2);
    }

    @Test
    void announcesCancellationShipmentAndDelivery() {
        URI orders = URI.create(simulator.adminUrl() + "/shops/tts/orders");
        String cancelled = Http.post(orders, Map.of("lines", List.of(Map.of("sku", "red_iphone_256", "quantity", 1))))
                .json()
                .path("id")
                .asText();
        String shipped = Http.post(orders, Map.of("lines", List.of(Map.of("sku", "red_iphone_256", "quantity", 1))))
                .json()
                .path("id")
                .asText();
        Http.post(URI.create(orders + "/" + cancelled + "/cancellation"), null);
        Http.post(URI.create(orders + "/" + shipped + "/shipment"), null);
        Http.post(URI.create(orders + "/" + shipped + "/delivery"), null);

        await().until(() -> receiver.received().size() >= 5);

        assertThat(receiver.received())
                .extracting(r -> Http.json(r.text()))
                .extracting(b -> b.at("/data/order_id").asText() + ":"
                        + b.at("/data/order_status").asText())
                .contains(cancelled + ":CANCELLED", shipped + ":IN_TRANSIT", shipped + ":DELIVERED");
        assertThat(receiver.received())
                .extracting(r -> Http.json(r.text()).path("tts_notification_id").asText())
                .doesNotHaveDuplicates();
    }
}
