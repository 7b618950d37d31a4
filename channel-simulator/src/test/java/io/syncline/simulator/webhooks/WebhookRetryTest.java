package io.syncline.simulator.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncline.simulator.ChannelSimulator;
import io.syncline.simulator.ItemConfig;
import io.syncline.simulator.ShopConfig;
import io.syncline.simulator.SimulatorConfig;
import io.syncline.simulator.WebhookSettings;
import io.syncline.simulator.testing.Http;
import io.syncline.simulator.testing.Receiver;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookRetryTest {

    private final Receiver receiver = new Receiver();
    private ChannelSimulator simulator;

    private void start(Duration timeout) {
        simulator = ChannelSimulator.start(SimulatorConfig.defaults()
                .withWebhooks(new WebhookSettings(timeout, 8, Duration.ofMillis(10), Duration.ofMillis(40)))
                .withShop(ShopConfig.shopify("acme")
                        .withWebhookUrl(receiver.url())
                        .withTopics(List.of("orders/create"))
                        .withItem(ItemConfig.of("MUG", 10))));
    }

    @AfterEach
    void stop() {
        simulator.close();
        receiver.close();
    }

    @Test
    void retriesAfterErrorsUntilTheReceiverAnswers2xx() {
        start(Duration.ofSeconds(5));
        receiver.answering(500, 503);

        placeOrder();

        JsonNode delivery = awaitStatus("DELIVERED");
        assertThat(delivery.path("attempts").asInt()).isEqualTo(3);
        assertThat(delivery.path("lastStatus").asInt()).isEqualTo(200);
        List<Receiver.Received> received = receiver.received();
        assertThat(received).hasSize(3);
        // a retry is the same delivery: same id, same signed bytes
        assertThat(received)
                .extracting(r -> r.header("X-Shopify-Webhook-Id"))
                .containsOnly(received.get(0).header("X-Shopify-Webhook-Id"));
        assertThat(received)
                .extracting(Receiver.Received::text)
                .containsOnly(received.get(0).text());
        assertThat(received)
                .extracting(r -> r.header("X-Shopify-Hmac-Sha256"))
                .containsOnly(received.get(0).header("X-Shopify-Hmac-Sha256"));
    }

    @Test
    void retriesWhenTheReceiverDoesNotAnswerInTime() {
        start(Duration.ofMillis(300));
        receiver.answering(Receiver.NO_ANSWER);

        placeOrder();

        JsonNode delivery = awaitStatus("DELIVERED");
        assertThat(delivery.path("attempts").asInt()).isEqualTo(2);
        assertThat(receiver.received()).hasSize(2);
    }

    @Test
    void givesUpAfterEightRetries() {
        start(Duration.ofSeconds(5));
        receiver.answering(500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500);

        placeOrder();

        JsonNode delivery = awaitStatus("FAILED");
        assertThat(delivery.path("attempts").asInt()).isEqualTo(9);
        assertThat(delivery.path("lastError").asText()).isEqualTo("HTTP 500");
        assertThat(receiver.received()).hasSize(9);
    }

    private void placeOrder() {
        Http.Answer answer = Http.post(
                URI.create(simulator.adminUrl() + "/shops/acme/orders"),
                Map.of("lines", List.of(Map.of("sku", "MUG", "quantity", 1))));
        assertThat(answer.status()).isEqualTo(201);
    }

    private JsonNode awaitStatus(String status) {
        URI deliveries = URI.create(simulator.adminUrl() + "/shops/acme/deliveries?status=" + status);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> !Http.get(deliveries).json().isEmpty());
        return Http.get(deliveries).json().get(0);
    }
}
