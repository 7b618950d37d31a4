package io.syncline.gateway.channels.shopify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.syncline.api.orders.OrderLine;
import io.syncline.gateway.channels.ChannelNotice;
import io.syncline.gateway.channels.UnreadableDeliveryException;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Shopify's REST resources (Order, InventoryLevel) as its webhooks carry them, read into notices. */
final class ShopifyResources {

    // ids exceed 2^53: integers stay BigInteger, never double; a repeated key would make the body ambiguous
    private static final ObjectReader JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build()
            .reader();

    // up to 20 digits: every unsigned 64-bit id, written as Shopify writes it
    private static final Pattern SHOPIFY_ID = Pattern.compile("[1-9][0-9]{0,19}");
    private static final BigInteger MAX_INT = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger MIN_INT = BigInteger.valueOf(Integer.MIN_VALUE);

    private ShopifyResources() {}

    static JsonNode parse(byte[] body) {
        JsonNode resource;
        try {
            resource = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new UnreadableDeliveryException("the body is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UnreadableDeliveryException("the body could not be read: " + e.getMessage(), e);
        }
        if (resource == null || !resource.isObject()) {
            throw new UnreadableDeliveryException("the body is not a JSON object, so it is no Shopify resource");
        }
        return resource;
    }

    static ChannelNotice.OrderCreated orderCreated(JsonNode order) {
        String id = id(order, "id", "the order");
        JsonNode items = order.get("line_items");
        if (items == null || !items.isArray() || items.isEmpty()) {
            throw new UnreadableDeliveryException("order " + id + " has no line_items, so there is nothing to reserve");
        }
        List<OrderLine> lines = new ArrayList<>();
        for (JsonNode item : items) {
            lines.add(line(id, item, lines.size() + 1));
        }
        return new ChannelNotice.OrderCreated(
                id, List.copyOf(lines), updatedAt(order, "order " + id), createdAt(order));
    }

    /** When the order was placed on the shop; null when Shopify leaves it out or it is no timestamp. */
    private static Instant createdAt(JsonNode order) {
        JsonNode node = order.get("created_at");
        if (node == null || !node.isTextual()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(node.textValue()).toInstant();
        } catch (DateTimeParseException e) {
            // only a finer judgement of the shop's stock needs it: the order stands without it
            return null;
        }
    }

    static ChannelNotice.OrderCancelled orderCancelled(JsonNode order) {
        String id = id(order, "id", "the order");
        JsonNode reason = order.get("cancel_reason");
        // Shopify may leave the reason out; the cancellation stands without one
        String why = reason != null && reason.isTextual() && !reason.textValue().isBlank() ? reason.textValue() : null;
        return new ChannelNotice.OrderCancelled(id, why, updatedAt(order, "order " + id));
    }

    static ChannelNotice orderUpdated(JsonNode order) {
        String id = id(order, "id", "the order");
        JsonNode cancelledAt = order.get("cancelled_at");
        if (cancelledAt != null
                && cancelledAt.isTextual()
                && !cancelledAt.textValue().isBlank()) {
            return orderCancelled(order);
        }
        return new ChannelNotice.Ignored(
                "orders/updated for order " + id + " without cancelled_at: Syncline acts only on its cancellation");
    }

    static ChannelNotice.OrderShipped orderShipped(JsonNode order) {
        String id = id(order, "id", "the order");
        return new ChannelNotice.OrderShipped(id, updatedAt(order, "order " + id));
    }

    static ChannelNotice quantityReported(JsonNode level) {
        String item = "gid://shopify/InventoryItem/" + id(level, "inventory_item_id", "the inventory level");
        String location = "gid://shopify/Location/" + id(level, "location_id", "the inventory level");
        String what = "the inventory level of " + item + " at " + location;
        JsonNode available = level.get("available");
        if (available == null) {
            throw new UnreadableDeliveryException(what + " has no available field");
        }
        if (available.isNull()) {
            return new ChannelNotice.Ignored(what + " is not tracked by Shopify (available is null)");
        }
        // negative is real: Shopify lets a tracked item oversell
        if (!available.isIntegralNumber()
                || available.bigIntegerValue().compareTo(MAX_INT) > 0
                || available.bigIntegerValue().compareTo(MIN_INT) < 0) {
            throw new UnreadableDeliveryException(
                    what + " has available " + shown(available) + ", which is not a whole number of units");
        }
        return new ChannelNotice.QuantityReported(item, location, available.intValue(), updatedAt(level, what));
    }

    private static OrderLine line(String orderId, JsonNode item, int position) {
        JsonNode itemId = item.get("id");
        String what = "order " + orderId + ", line item "
                + (itemId != null && itemId.isValueNode() && !itemId.isNull() ? itemId.asText() : "#" + position);
        JsonNode name = item.get("name");
        if (name != null && name.isTextual()) {
            what += " (" + name.textValue() + ")";
        }
        JsonNode sku = item.get("sku");
        if (sku == null || !sku.isTextual() || sku.textValue().isBlank()) {
            throw new UnreadableDeliveryException(what + " has no SKU, so Syncline cannot tell which stock to reserve");
        }
        JsonNode quantity = item.get("quantity");
        if (quantity == null
                || !quantity.isIntegralNumber()
                || quantity.bigIntegerValue().signum() <= 0
                || quantity.bigIntegerValue().compareTo(MAX_INT) > 0) {
            throw new UnreadableDeliveryException(
                    what + " has quantity " + shown(quantity) + "; it must be a whole number of at least 1");
        }
        return new OrderLine(sku.textValue(), quantity.intValue());
    }

    private static String id(JsonNode resource, String field, String what) {
        JsonNode node = resource.get(field);
        if (node == null || node.isNull()) {
            throw new UnreadableDeliveryException(what + " has no " + field);
        }
        // numbers in webhooks, strings in some REST versions; either way kept digit for digit
        String digits =
                node.isIntegralNumber() ? node.bigIntegerValue().toString() : node.isTextual() ? node.textValue() : "";
        if (!SHOPIFY_ID.matcher(digits).matches()) {
            throw new UnreadableDeliveryException(
                    what + " has " + field + " " + shown(node) + ", which is no Shopify id (a positive whole number)");
        }
        return digits;
    }

    private static Instant updatedAt(JsonNode resource, String what) {
        JsonNode node = resource.get("updated_at");
        if (node == null || !node.isTextual()) {
            throw new UnreadableDeliveryException(what + " has no updated_at, so it cannot be ordered among others");
        }
        try {
            return OffsetDateTime.parse(node.textValue()).toInstant();
        } catch (DateTimeParseException e) {
            throw new UnreadableDeliveryException(
                    what + " has updated_at " + shown(node) + ", which is not a timestamp with an offset", e);
        }
    }

    private static String shown(JsonNode node) {
        if (node == null) {
            return "(none)";
        }
        if (node.isContainerNode()) {
            return node.isArray() ? "(a list)" : "(an object)";
        }
        String text = node.toString();
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
