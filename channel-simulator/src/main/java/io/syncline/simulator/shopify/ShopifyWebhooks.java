package io.syncline.simulator.shopify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncline.simulator.http.Json;
import io.syncline.simulator.orders.Order;
import io.syncline.simulator.orders.OrderListener;
import io.syncline.simulator.shops.Item;
import io.syncline.simulator.shops.Shop;
import io.syncline.simulator.shops.StockChange;
import io.syncline.simulator.shops.StockListener;
import io.syncline.simulator.webhooks.Delivery;
import io.syncline.simulator.webhooks.WebhookSender;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a Shopify shop sends when its orders or stock move: {@code orders/create}, {@code orders/cancelled},
 * {@code orders/fulfilled} (each with {@code orders/updated} when subscribed, under the same event id, as one
 * merchant action is one event in Shopify) and {@code inventory_levels/update}, signed with the app's secret.
 */
public final class ShopifyWebhooks implements OrderListener, StockListener {

    private final WebhookSender sender;

    public ShopifyWebhooks(WebhookSender sender) {
        this.sender = sender;
    }

    @Override
    public void placed(Shop shop, Order order) {
        sendOrder(shop, order, "orders/create", false);
    }

    @Override
    public void cancelled(Shop shop, Order order, Order before) {
        sendOrder(shop, order, "orders/cancelled", true);
    }

    @Override
    public void shipped(Shop shop, Order order) {
        sendOrder(shop, order, "orders/fulfilled", true);
    }

    @Override
    public void delivered(Shop shop, Order order) {
        // Shopify has no order topic for a delivery; its fulfillment events are not simulated
    }

    @Override
    public void changed(Shop shop, Item item, int before, int after, StockChange cause, boolean announce) {
        if (announce) {
            Instant at = item.updatedAt();
            send(
                    shop,
                    "inventory_levels/update",
                    ShopifyResources.inventoryLevel(shop, item, after, at),
                    shop.ids().uuid(),
                    at);
        }
    }

    private void sendOrder(Shop shop, Order order, String topic, boolean alsoUpdated) {
        ObjectNode body = ShopifyResources.order(shop, order);
        String event = shop.ids().uuid();
        send(shop, topic, body, event, order.updatedAt());
        if (alsoUpdated) {
            send(shop, "orders/updated", body, event, order.updatedAt());
        }
    }

    private void send(Shop shop, String topic, ObjectNode resource, String eventId, Instant triggeredAt) {
        List<String> topics = shop.config().topics();
        if (topics != null && !topics.contains(topic)) {
            return;
        }
        byte[] body = Json.bytes(resource);
        String webhookId = shop.ids().uuid();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", "Shopify-Captain-Hook");
        headers.put("X-Shopify-Topic", topic);
        headers.put("X-Shopify-Hmac-Sha256", hmac(shop.config().webhookSecret(), body));
        headers.put("X-Shopify-Shop-Domain", shop.config().domain());
        headers.put("X-Shopify-Webhook-Id", webhookId);
        headers.put("X-Shopify-Event-Id", eventId);
        headers.put("X-Shopify-Triggered-At", triggeredAt.toString());
        headers.put("X-Shopify-API-Version", shop.config().apiVersion());
        sender.send(
                shop, new Delivery(webhookId, topic, headers, body, shop.clock().instant()));
    }

    /** Base64 of HMAC-SHA256 of the raw body under the app's client secret, as Shopify signs. */
    static String hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
