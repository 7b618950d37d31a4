package io.syncline.simulator.tiktok;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncline.simulator.http.Json;
import io.syncline.simulator.orders.Order;
import io.syncline.simulator.orders.OrderListener;
import io.syncline.simulator.shops.Shop;
import io.syncline.simulator.webhooks.Delivery;
import io.syncline.simulator.webhooks.WebhookSender;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a TikTok Shop shop sends when an order moves: the order status change (type 1) with
 * {@code AWAITING_SHIPMENT} (the order is readable with the Order Detail API from then on), {@code CANCELLED},
 * {@code IN_TRANSIT} and {@code DELIVERED}, signed in {@code Authorization}.
 */
public final class TikTokWebhooks implements OrderListener {

    private static final int ORDER_STATUS_CHANGE = 1;

    private final WebhookSender sender;

    public TikTokWebhooks(WebhookSender sender) {
        this.sender = sender;
    }

    @Override
    public void placed(Shop shop, Order order) {
        send(shop, order);
    }

    @Override
    public void cancelled(Shop shop, Order order, Order before) {
        send(shop, order);
    }

    @Override
    public void shipped(Shop shop, Order order) {
        send(shop, order);
    }

    @Override
    public void delivered(Shop shop, Order order) {
        send(shop, order);
    }

    private void send(Shop shop, Order order) {
        String notification = shop.ids().next();
        ObjectNode envelope = Json.object();
        envelope.put("type", ORDER_STATUS_CHANGE);
        envelope.put("tts_notification_id", notification);
        envelope.put("shop_id", shop.config().shopId());
        envelope.put("timestamp", shop.clock().instant().getEpochSecond());
        ObjectNode data = envelope.putObject("data");
        data.put("is_on_hold_order", false);
        data.put("order_id", order.id());
        data.put("order_status", TikTokResources.status(order.status()));
        data.put("update_time", order.updatedAt().getEpochSecond());
        byte[] body = Json.bytes(envelope);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put(
                "Authorization",
                TikTokSignature.webhook(shop.config().appKey(), shop.config().webhookSecret(), body));
        sender.send(
                shop,
                new Delivery(
                        notification,
                        String.valueOf(ORDER_STATUS_CHANGE),
                        headers,
                        body,
                        shop.clock().instant()));
    }
}
