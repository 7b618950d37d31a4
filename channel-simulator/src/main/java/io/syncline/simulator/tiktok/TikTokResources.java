package io.syncline.simulator.tiktok;

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
import java.util.List;

/**
 * TikTok Shop's resources as its Open API (202309) returns them: an order with one line item per unit (no
 * quantity field), a product with its SKUs' inventory per warehouse. Ids are strings, times unix seconds.
 */
final class TikTokResources {

    private TikTokResources() {}

    static String status(OrderStatus status) {
        return switch (status) {
            case OPEN -> "AWAITING_SHIPMENT";
            case SHIPPED -> "IN_TRANSIT";
            case DELIVERED -> "DELIVERED";
            case CANCELLED -> "CANCELLED";
        };
    }

    static ObjectNode order(Shop shop, Order order) {
        String status = status(order.status());
        BigDecimal total = BigDecimal.ZERO;
        ObjectNode json = Json.object();
        json.put("id", order.id());
        json.put("status", status);
        json.put("create_time", order.createdAt().getEpochSecond());
        json.put("paid_time", order.createdAt().getEpochSecond());
        json.put("update_time", order.updatedAt().getEpochSecond());
        json.put("user_id", "7021436810468230477");
        json.put("buyer_email", "buyer-" + order.number() + "@scs.tiktokw.us");
        json.put("fulfillment_type", "FULFILLMENT_BY_SELLER");
        json.put("shipping_type", "TIKTOK");
        json.put("warehouse_id", shop.config().warehouseId());
        if (order.shippedAt() != null) {
            json.put("rts_time", order.shippedAt().getEpochSecond());
        }
        if (order.deliveredAt() != null) {
            json.put("delivery_time", order.deliveredAt().getEpochSecond());
        }
        if (order.status() == OrderStatus.CANCELLED) {
            json.put("cancel_reason", order.cancelReason());
            json.put("cancel_time", order.cancelledAt().getEpochSecond());
            json.put("cancellation_initiator", "BUYER");
        }
        ArrayNode items = Json.array();
        for (OrderLine line : order.lines()) {
            for (String unit : line.unitIds()) {
                ObjectNode item = items.addObject();
                item.put("id", unit);
                item.put("sku_id", line.skuId());
                item.put("product_id", line.productId());
                item.put("product_name", line.title());
                item.put("sku_name", line.title());
                item.put("seller_sku", line.sku());
                item.put("display_status", status);
                item.put("sale_price", line.price());
                item.put("original_price", line.price());
                item.put("currency", "USD");
                item.put("is_gift", false);
                total = total.add(new BigDecimal(line.price()));
            }
        }
        String amount = total.setScale(2, RoundingMode.HALF_UP).toPlainString();
        ObjectNode payment = json.putObject("payment");
        payment.put("currency", "USD");
        payment.put("sub_total", amount);
        payment.put("total_amount", amount);
        json.set("line_items", items);
        return json;
    }

    static ObjectNode product(Shop shop, String productId, List<Item> skus) {
        ObjectNode json = Json.object();
        json.put("id", productId);
        json.put("title", skus.get(0).title());
        json.put("product_status", "ACTIVATE");
        json.put("is_cod_allowed", false);
        long updated = skus.stream()
                .mapToLong(item -> item.updatedAt().getEpochSecond())
                .max()
                .orElse(0);
        json.put("update_time", updated);
        ArrayNode list = json.putArray("skus");
        for (Item item : skus) {
            ObjectNode sku = list.addObject();
            sku.put("id", item.skuId());
            sku.put("seller_sku", item.sku());
            ObjectNode price = sku.putObject("price");
            price.put("currency", "USD");
            price.put("sale_price", item.price());
            price.put("tax_exclusive_price", item.price());
            ObjectNode stock = sku.putArray("inventory").addObject();
            stock.put("quantity", item.quantity());
            stock.put("warehouse_id", shop.config().warehouseId());
        }
        return json;
    }
}
