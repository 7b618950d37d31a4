package io.syncline.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncline.api.channels.ChannelEvents.ChannelOrderRedelivered;
import io.syncline.api.channels.ChannelEvents.ChannelOrderStatusRefused;
import io.syncline.api.orders.OrderLine;
import io.syncline.api.orders.OrderStatus;
import io.syncline.gateway.channels.testing.ChannelFixtures;
import io.syncline.platform.test.ApiClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Shopify order deliveries signed and sent to the webhook endpoint, processed by the delivery workers: what the
 * channel does that Syncline keeps otherwise is published as a channel fact naming the delivery.
 */
class ChannelOrderFactsHttpTest extends EdgeTest {

    private static final String SECRET = "shpss_facts-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Object> PUBLISHED = new CopyOnWriteArrayList<>();

    @Autowired
    EventBus events;

    private String channel;
    private String tag;

    @BeforeEach
    void channel() {
        if (PUBLISHED.isEmpty()) {
            events.subscribe(
                    messages -> messages.stream().map(EventMessage::getPayload).forEach(PUBLISHED::add));
            PUBLISHED.add("subscribed");
        }
        tag = UUID.randomUUID().toString().substring(0, 8);
        channel = unique("facts");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "SHOPIFY");
        body.put("apiBaseUrl", "https://acme.myshopify.com");
        body.put("webhookSecret", SECRET);
        body.put("accessToken", "shpat_facts");
        body.put("locationId", "gid://shopify/Location/1");
        ApiClient.Response put = login("root").send("PUT", "/api/channels/" + channel, body, Map.of());
        assertThat(put.status()).as(put.body()).isEqualTo(201);
    }

    @Test
    void aCreationDeliveredAgainWithOtherLinesIsPublishedAndTheSameLinesAgainAreNot() {
        String mug = stock("MUG");
        String cup = stock("CUP");
        String id = "7001" + Math.abs(tag.hashCode());
        deliver("orders/create", "e1-" + tag, order(id, Map.of(mug, 2), "2026-01-01T10:00:00Z"));
        String orderId = awaitOrder(id);

        Map<String, Integer> sameMerged = new LinkedHashMap<>();
        sameMerged.put(mug, 2);
        deliver("orders/create", "e2-" + tag, order(id, sameMerged, "2026-01-01T10:00:01Z"));
        Map<String, Integer> other = new LinkedHashMap<>();
        other.put(mug, 1);
        other.put(cup, 3);
        String third = deliver("orders/create", "e3-" + tag, order(id, other, "2026-01-01T10:00:02Z"));

        ChannelOrderRedelivered redelivered = await(() -> published(ChannelOrderRedelivered.class)
                .filter(e -> e.channelOrderId().equals(id))
                .findFirst());
        assertThat(redelivered.deliveryId()).isEqualTo(third);
        assertThat(redelivered.orderId()).isEqualTo(orderId);
        assertThat(redelivered.channelId()).isEqualTo(channel);
        assertThat(redelivered.lines()).containsExactly(new OrderLine(mug, 1), new OrderLine(cup, 3));
        assertThat(redelivered.orderLines()).containsExactly(new OrderLine(mug, 2));
        assertThat(published(ChannelOrderRedelivered.class)
                        .filter(e -> e.channelOrderId().equals(id)))
                .as("the same lines again are no news")
                .hasSize(1);
    }

    @Test
    void theChannelShippingARejectedOrderAndCancellingAShippedOneIsPublished() {
        String rejectedId = "7101" + Math.abs(tag.hashCode());
        deliver("orders/create", "r1-" + tag, order(rejectedId, Map.of(stock("nostock-A"), 1), "2026-01-01T10:00:00Z"));
        String rejected = awaitOrder(rejectedId);
        awaitStatus(rejected, "REJECTED");
        String fulfilled = deliver(
                "orders/fulfilled", "r2-" + tag, moved("orders-fulfilled.json", rejectedId, "2026-01-01T10:00:05Z"));

        ChannelOrderStatusRefused shippedRejected = await(() -> published(ChannelOrderStatusRefused.class)
                .filter(e -> e.orderId().equals(rejected))
                .findFirst());
        assertThat(shippedRejected.orderStatus()).isEqualTo(OrderStatus.REJECTED);
        assertThat(shippedRejected.channelStatus()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(shippedRejected.deliveryId()).isEqualTo(fulfilled);
        assertThat(shippedRejected.channelOrderId()).isEqualTo(rejectedId);

        String shippedId = "7201" + Math.abs(tag.hashCode());
        deliver("orders/create", "s1-" + tag, order(shippedId, Map.of(stock("BOX"), 1), "2026-01-01T10:00:00Z"));
        String shipped = awaitOrder(shippedId);
        awaitStatus(shipped, "CONFIRMED");
        deliver("orders/fulfilled", "s2-" + tag, moved("orders-fulfilled.json", shippedId, "2026-01-01T10:00:05Z"));
        awaitStatus(shipped, "SHIPPED");
        String cancelled = deliver(
                "orders/cancelled", "s3-" + tag, moved("orders-cancelled.json", shippedId, "2026-01-01T10:00:09Z"));

        ChannelOrderStatusRefused cancelledShipped = await(() -> published(ChannelOrderStatusRefused.class)
                .filter(e -> e.orderId().equals(shipped))
                .findFirst());
        assertThat(cancelledShipped.orderStatus()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(cancelledShipped.channelStatus()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelledShipped.deliveryId()).isEqualTo(cancelled);
        assertThat(delivery(cancelled).path("status").asText())
                .as("still ignored")
                .isEqualTo("IGNORED");
    }

    private String stock(String prefix) {
        String sku = prefix + "-" + tag;
        ApiClient.Response r =
                alice.put("/api/inventory/" + sku, "{\"onHand\":10,\"lowStockThreshold\":2,\"name\":\"Thing\"}");
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        return sku;
    }

    private static byte[] order(String id, Map<String, Integer> lines, String updatedAt) {
        try {
            ObjectNode order = (ObjectNode) JSON.readTree(ChannelFixtures.bytes("shopify/orders-create.json"));
            order.put("id", Long.parseLong(id));
            order.put("updated_at", updatedAt);
            ObjectNode template = (ObjectNode) order.path("line_items").get(0);
            ArrayNode items = order.putArray("line_items");
            lines.forEach((sku, quantity) -> {
                ObjectNode item = template.deepCopy();
                item.put("sku", sku);
                item.put("quantity", quantity);
                items.add(item);
            });
            return JSON.writeValueAsBytes(order);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] moved(String fixture, String id, String updatedAt) {
        try {
            ObjectNode order = (ObjectNode) JSON.readTree(ChannelFixtures.bytes("shopify/" + fixture));
            order.put("id", Long.parseLong(id));
            order.put("updated_at", updatedAt);
            return JSON.writeValueAsBytes(order);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Sends one signed delivery and waits until it is processed; returns the stored delivery's id. */
    private String deliver(String topic, String eventId, byte[] body) {
        ApiClient.Response r = anonymous.raw(
                "POST",
                "/webhooks/shopify/m1/" + channel,
                HttpRequest.BodyPublishers.ofByteArray(body),
                Map.of(
                        "Content-Type",
                        "application/json",
                        "X-Shopify-Topic",
                        topic,
                        "X-Shopify-Hmac-Sha256",
                        ChannelFixtures.shopifySignature(SECRET, body),
                        "X-Shopify-Event-Id",
                        eventId,
                        "X-Shopify-Webhook-Id",
                        UUID.randomUUID().toString(),
                        "X-Shopify-Triggered-At",
                        Instant.now().toString()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String deliveryId = r.json().path("deliveryId").asText();
        await(() -> {
            String status = delivery(deliveryId).path("status").asText();
            return status.equals("PROCESSED") || status.equals("IGNORED") ? Optional.of(status) : Optional.empty();
        });
        return deliveryId;
    }

    private com.fasterxml.jackson.databind.JsonNode delivery(String deliveryId) {
        ApiClient.Response r = login("root").get("/api/channels/" + channel + "/deliveries?size=100");
        for (com.fasterxml.jackson.databind.JsonNode item : r.json().path("items")) {
            if (item.path("deliveryId").asText().equals(deliveryId)) {
                return item;
            }
        }
        return JSON.createObjectNode();
    }

    private String awaitOrder(String channelOrderId) {
        return await(() -> {
            for (com.fasterxml.jackson.databind.JsonNode item :
                    login("root").get("/api/orders?size=100").json().path("items")) {
                if (item.path("channelOrderId").asText().equals(channelOrderId)) {
                    return Optional.of(item.path("orderId").asText());
                }
            }
            return Optional.empty();
        });
    }

    private void awaitStatus(String orderId, String status) {
        await(() -> status.equals(login("root")
                        .get("/api/orders/" + orderId)
                        .json()
                        .path("status")
                        .asText())
                ? Optional.of(status)
                : Optional.empty());
    }

    private static <T> java.util.stream.Stream<T> published(Class<T> type) {
        return PUBLISHED.stream().filter(type::isInstance).map(type::cast);
    }

    /** Polls until the answer is there: deliveries are processed by the workers, in their own time. */
    private static <T> T await(Supplier<Optional<T>> answer) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            Optional<T> found = answer.get();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
