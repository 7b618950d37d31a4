package io.syncline.simulator.shopify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncline.simulator.http.Json;
import io.syncline.simulator.orders.Order;
import io.syncline.simulator.orders.OrderLine;
import io.syncline.simulator.orders.OrderStatus;
import io.syncline.simulator.shops.Item;
import io.syncline.simulator.shops.Shop;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Shopify's REST resources as its webhooks carry them (the Order and the InventoryLevel), ids as JSON integers of
 * every digit and times as Shopify writes them ({@code 2021-12-31T19:00:02+00:00}).
 */
final class ShopifyResources {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);

    private ShopifyResources() {}

    static String time(Instant at) {
        return TIME.format(at);
    }

    static ObjectNode order(Shop shop, Order order) {
        boolean shipped = order.shippedAt() != null;
        boolean cancelled = order.status() == OrderStatus.CANCELLED;
        BigDecimal total = BigDecimal.ZERO;
        for (OrderLine line : order.lines()) {
            total = total.add(new BigDecimal(line.price()).multiply(BigDecimal.valueOf(line.quantity())));
        }
        String price = total.setScale(2, RoundingMode.HALF_UP).toPlainString();
        ObjectNode json = Json.object();
        json.set("id", Json.bigInteger(order.id()));
        json.put("admin_graphql_api_id", "gid://shopify/Order/" + order.id());
        json.put("buyer_accepts_marketing", false);
        put(json, "cancel_reason", cancelled ? order.cancelReason() : null);
        put(json, "cancelled_at", cancelled ? time(order.cancelledAt()) : null);
        json.putNull("closed_at");
        json.put("confirmed", true);
        json.put("contact_email", "buyer-" + order.number() + "@example.com");
        json.put("created_at", time(order.createdAt()));
        json.put("currency", "USD");
        json.put("current_total_price", cancelled ? "0.00" : price);
        json.put("email", "buyer-" + order.number() + "@example.com");
        json.put("financial_status", cancelled ? (shipped ? "refunded" : "voided") : "paid");
        put(json, "fulfillment_status", shipped ? "fulfilled" : null);
        json.put("name", "#" + order.number());
        json.put("number", order.number() - 1000);
        json.put("order_number", order.number());
        json.put("processed_at", time(order.createdAt()));
        json.put("source_name", "web");
        json.put("subtotal_price", price);
        json.put("test", false);
        json.put("total_price", price);
        json.put("updated_at", time(order.updatedAt()));
        ArrayNode items = json.putArray("line_items");
        for (OrderLine line : order.lines()) {
            ObjectNode item = items.addObject();
            item.set("id", Json.bigInteger(line.lineId()));
            item.put("admin_graphql_api_id", "gid://shopify/LineItem/" + line.lineId());
            item.put("fulfillable_quantity", shipped || cancelled ? 0 : line.quantity());
            item.put("fulfillment_service", "manual");
            put(item, "fulfillment_status", shipped ? "fulfilled" : null);
            item.put("gift_card", false);
            item.put("grams", 0);
            item.put("name", line.title());
            item.put("price", line.price());
            item.put("product_exists", true);
            item.set("product_id", Json.bigInteger(line.productId()));
            item.put("quantity", line.quantity());
            item.put("requires_shipping", true);
            item.put("sku", line.sku());
            item.put("taxable", true);
            item.put("title", line.title());
            item.set("variant_id", Json.bigInteger(line.variantId()));
            item.put("variant_inventory_management", "shopify");
            item.putNull("variant_title");
            item.putNull("vendor");
        }
        ArrayNode fulfillments = json.putArray("fulfillments");
        if (shipped) {
            ObjectNode fulfillment = fulfillments.addObject();
            fulfillment.set("id", Json.bigInteger(order.fulfillmentId()));
            fulfillment.put("admin_graphql_api_id", "gid://shopify/Fulfillment/" + order.fulfillmentId());
            fulfillment.put("created_at", time(order.shippedAt()));
            fulfillment.set("location_id", Json.bigInteger(shop.config().locationId()));
            fulfillment.put("name", "#" + order.number() + ".1");
            fulfillment.set("order_id", Json.bigInteger(order.id()));
            fulfillment.put("service", "manual");
            fulfillment.putNull("shipment_status");
            fulfillment.put("status", "success");
            fulfillment.putNull("tracking_company");
            fulfillment.putNull("tracking_number");
            fulfillment.putArray("tracking_numbers");
            fulfillment.put("updated_at", time(order.shippedAt()));
        }
        return json;
    }

    static ObjectNode inventoryLevel(Shop shop, Item item, int available, Instant at) {
        ObjectNode json = Json.object();
        json.set("inventory_item_id", Json.bigInteger(item.inventoryItemId()));
        json.set("location_id", Json.bigInteger(shop.config().locationId()));
        json.put("available", available);
        json.put("updated_at", time(at));
        json.put(
                "admin_graphql_api_id",
                "gid://shopify/InventoryLevel/" + shop.config().locationId() + "?inventory_item_id="
                        + item.inventoryItemId());
        return json;
    }

    private static void put(ObjectNode json, String field, String value) {
        if (value == null) {
            json.putNull(field);
        } else {
            json.put(field, value);
        }
    }
}
