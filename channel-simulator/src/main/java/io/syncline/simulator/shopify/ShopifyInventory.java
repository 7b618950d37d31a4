package io.syncline.simulator.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncline.simulator.http.Json;
import io.syncline.simulator.shops.Item;
import io.syncline.simulator.shops.Shop;
import io.syncline.simulator.shops.StockChange;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Shopify's {@code inventorySetQuantities} (compare-and-set on {@code changeFromQuantity}, replays by idempotency
 * key, all-or-nothing with Shopify's user errors) and the {@code inventoryItem { inventoryLevel { quantities } }}
 * read, on one shop's stock at its one location.
 */
final class ShopifyInventory {

    static final String ITEM_GID = "gid://shopify/InventoryItem/";
    static final String LOCATION_GID = "gid://shopify/Location/";
    private static final int MAX_QUANTITY = 1_000_000_000;
    private static final Set<String> REASONS = Set.of(
            "correction",
            "cycle_count_available",
            "damaged",
            "movement_created",
            "movement_updated",
            "movement_received",
            "movement_canceled",
            "other",
            "promotion",
            "quality_control",
            "received",
            "reservation_created",
            "reservation_deleted",
            "reservation_updated",
            "restock",
            "safety_stock",
            "shrinkage");
    private static final Set<String> QUANTITY_NAMES = Set.of(
            "available", "on_hand", "committed", "reserved", "incoming", "damaged", "quality_control", "safety_stock");

    /** What an operation answered: {@code data}, or top-level {@code errors}; and how it ended, for the log. */
    record Outcome(JsonNode data, ArrayNode errors, String outcome, Map<String, Integer> quantities) {

        static Outcome error(String message, String code, String outcome) {
            ArrayNode errors = Json.array();
            ObjectNode error = errors.addObject();
            error.put("message", message);
            error.putObject("extensions").put("code", code);
            return new Outcome(null, errors, outcome, Map.of());
        }
    }

    /** The answers given per idempotency key, kept for the last 10,000 keys of a shop. */
    static final class IdempotencyKeys {
        private record Stored(JsonNode input, JsonNode data, String outcome, Map<String, Integer> quantities) {}

        private final Map<String, Stored> byKey = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Stored> eldest) {
                return size() > 10_000;
            }
        };
    }

    private ShopifyInventory() {}

    static Outcome set(Shop shop, GraphQlDocument document, boolean keyRequired, boolean changeFromRequired) {
        JsonNode input;
        Optional<String> key;
        try {
            input = document.argument("inventorySetQuantities", "input").orElse(null);
            key = document.idempotencyKey();
        } catch (IllegalArgumentException inline) {
            return Outcome.error(inline.getMessage(), "INVALID_VARIABLE", "invalid");
        }
        if (input == null || !input.isObject()) {
            return Outcome.error(
                    "Variable $input of type InventorySetQuantitiesInput! was provided invalid value",
                    "INVALID_VARIABLE",
                    "invalid");
        }
        if (key.isEmpty() && (keyRequired || document.hasIdempotentDirective())) {
            return Outcome.error(
                    "The @idempotent directive with a key is required for inventorySetQuantities",
                    "BAD_REQUEST",
                    "invalid");
        }
        IdempotencyKeys keys = shop.attachment(IdempotencyKeys.class, IdempotencyKeys::new);
        synchronized (shop) {
            if (key.isPresent()) {
                IdempotencyKeys.Stored stored = keys.byKey.get(key.get());
                if (stored != null) {
                    if (stored.input().equals(input)) {
                        return new Outcome(stored.data(), null, "replayed", stored.quantities());
                    }
                    Outcome mismatch = userErrors(List.of(userError(
                            "IDEMPOTENCY_KEY_PARAMETER_MISMATCH",
                            List.of("idempotencyKey"),
                            "The same idempotency key cannot be used with different operation parameters.")));
                    return new Outcome(mismatch.data(), null, "key-mismatch", Map.of());
                }
            }
            Outcome outcome = apply(shop, input, changeFromRequired);
            if (key.isPresent() && outcome.data() != null) {
                keys.byKey.put(
                        key.get(),
                        new IdempotencyKeys.Stored(
                                input.deepCopy(), outcome.data(), outcome.outcome(), outcome.quantities()));
            }
            return outcome;
        }
    }

    private record Change(Item item, int quantity) {}

    private static Outcome apply(Shop shop, JsonNode input, boolean changeFromRequired) {
        List<ObjectNode> errors = new ArrayList<>();
        String name = input.path("name").asText("");
        if (!name.equals("available") && !name.equals("on_hand")) {
            errors.add(userError(
                    "INVALID_NAME",
                    List.of("input", "name"),
                    "The quantity name must be either 'available' or 'on_hand'."));
        }
        String reason = input.path("reason").asText("");
        if (!REASONS.contains(reason)) {
            errors.add(userError("INVALID_REASON", List.of("input", "reason"), "The specified reason is invalid."));
        }
        JsonNode reference = input.get("referenceDocumentUri");
        if (reference != null && !reference.isNull() && !isUri(reference.asText())) {
            errors.add(userError(
                    "INVALID_REFERENCE_DOCUMENT",
                    List.of("input", "referenceDocumentUri"),
                    "The specified reference document is invalid."));
        }
        JsonNode quantities = input.path("quantities");
        if (!quantities.isArray() || quantities.isEmpty()) {
            return Outcome.error(
                    "Variable $input of type InventorySetQuantitiesInput! was provided invalid value for quantities"
                            + " (Expected value to not be null)",
                    "INVALID_VARIABLE",
                    "invalid");
        }
        boolean ignoreCompare = input.path("ignoreCompareQuantity").asBoolean(false);
        List<Change> changes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<String, Integer> asked = new LinkedHashMap<>();
        boolean stale = false;
        for (int i = 0; i < quantities.size(); i++) {
            JsonNode entry = quantities.get(i);
            String at = String.valueOf(i);
            if (changeFromRequired && !entry.has("changeFromQuantity")) {
                return Outcome.error(
                        "Variable $input of type InventorySetQuantitiesInput! was provided invalid value for quantities."
                                + i + ".changeFromQuantity (changeFromQuantity must be given, null to skip the check)",
                        "INVALID_VARIABLE",
                        "invalid");
            }
            JsonNode quantity = entry.get("quantity");
            if (quantity == null || !quantity.isIntegralNumber()) {
                return Outcome.error(
                        "Variable $input of type InventorySetQuantitiesInput! was provided invalid value for quantities."
                                + i + ".quantity (Expected value to be an Int)",
                        "INVALID_VARIABLE",
                        "invalid");
            }
            Optional<Item> item =
                    id(entry.path("inventoryItemId").asText(""), ITEM_GID).flatMap(shop::byInventoryItemId);
            boolean location = id(entry.path("locationId").asText(""), LOCATION_GID)
                    .filter(shop.config().locationId()::equals)
                    .isPresent();
            if (item.isEmpty()) {
                errors.add(userError(
                        "INVALID_INVENTORY_ITEM",
                        List.of("input", "quantities", at, "inventoryItemId"),
                        "The specified inventory item could not be found."));
            }
            if (!location) {
                errors.add(userError(
                        "INVALID_LOCATION",
                        List.of("input", "quantities", at, "locationId"),
                        "The specified location could not be found."));
            }
            if (item.isPresent() && !seen.add(item.get().sku())) {
                errors.add(userError(
                        "NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR",
                        List.of("input", "quantities", at, "inventoryItemId"),
                        "The combination of inventoryItemId and locationId must be unique."));
            }
            long value = quantity.asLong();
            if (value < 0) {
                errors.add(userError(
                        "INVALID_QUANTITY_NEGATIVE",
                        List.of("input", "quantities", at, "quantity"),
                        "The quantity can't be negative."));
            } else if (value > MAX_QUANTITY) {
                errors.add(userError(
                        "INVALID_QUANTITY_TOO_HIGH",
                        List.of("input", "quantities", at, "quantity"),
                        "The total quantity can't be higher than 1,000,000,000."));
            }
            if (item.isEmpty() || !location) {
                continue;
            }
            asked.put(item.get().sku(), (int) Math.max(Math.min(value, MAX_QUANTITY), Integer.MIN_VALUE));
            int current = item.get().quantity();
            if (entry.has("changeFromQuantity")) {
                JsonNode from = entry.get("changeFromQuantity");
                if (!from.isNull() && (!from.isIntegralNumber() || from.asLong() != current)) {
                    stale = true;
                    errors.add(userError(
                            "CHANGE_FROM_QUANTITY_STALE",
                            List.of("input", "quantities", at, "changeFromQuantity"),
                            "The changeFromQuantity argument no longer matches the persisted quantity."));
                }
            } else if (!ignoreCompare) {
                JsonNode compare = entry.get("compareQuantity");
                if (compare == null || compare.isNull()) {
                    errors.add(userError(
                            "COMPARE_QUANTITY_REQUIRED",
                            List.of("input", "quantities", at, "compareQuantity"),
                            "The compareQuantity argument must be given to each quantity or ignored using"
                                    + " ignoreCompareQuantity."));
                } else if (compare.asLong() != current) {
                    stale = true;
                    errors.add(userError(
                            "COMPARE_QUANTITY_STALE",
                            List.of("input", "quantities", at, "compareQuantity"),
                            "The compareQuantity value does not match persisted value."));
                }
            }
            changes.add(new Change(item.get(), (int) value));
        }
        if (!errors.isEmpty()) {
            Outcome refused = userErrors(errors);
            return new Outcome(refused.data(), null, stale ? "stale" : "user-errors", asked);
        }
        Instant now = shop.clock().instant();
        ObjectNode group = Json.object();
        group.put("id", "gid://shopify/InventoryAdjustmentGroup/" + shop.ids().next());
        group.put("createdAt", now.truncatedTo(ChronoUnit.SECONDS).toString());
        group.put("reason", reason);
        if (reference == null || reference.isNull()) {
            group.putNull("referenceDocumentUri");
        } else {
            group.put("referenceDocumentUri", reference.asText());
        }
        ArrayNode changed = group.putArray("changes");
        for (Change change : changes) {
            int before = shop.set(change.item(), change.quantity(), StockChange.PUSH, false);
            shop.pushes().applied(now, change.item().sku(), change.quantity());
            int delta = change.quantity() - before;
            if (delta == 0) {
                continue;
            }
            // the simulator keeps no committed units, so on hand moves with available
            List<String> names =
                    name.equals("available") ? List.of("available", "on_hand") : List.of("on_hand", "available");
            for (String moved : names) {
                ObjectNode line = changed.addObject();
                line.put("name", moved);
                line.put("delta", delta);
                line.put("quantityAfterChange", change.quantity());
                line.putObject("item").put("id", ITEM_GID + change.item().inventoryItemId());
                line.putObject("location")
                        .put("id", LOCATION_GID + shop.config().locationId());
            }
        }
        ObjectNode data = Json.object();
        ObjectNode payload = data.putObject("inventorySetQuantities");
        payload.set("inventoryAdjustmentGroup", group);
        payload.putArray("userErrors");
        return new Outcome(data, null, "applied", asked);
    }

    static Outcome item(Shop shop, GraphQlDocument document) {
        JsonNode itemId;
        JsonNode locationId;
        try {
            itemId = document.argument("inventoryItem", "id").orElse(null);
            locationId = document.argument("inventoryLevel", "locationId").orElse(null);
        } catch (IllegalArgumentException inline) {
            return Outcome.error(inline.getMessage(), "INVALID_VARIABLE", "invalid");
        }
        if (itemId == null || !itemId.isTextual()) {
            return Outcome.error(
                    "Variable $inventoryItemId of type ID! was provided invalid value", "INVALID_VARIABLE", "invalid");
        }
        if (locationId == null || !locationId.isTextual()) {
            return Outcome.error(
                    "Variable $locationId of type ID! was provided invalid value", "INVALID_VARIABLE", "invalid");
        }
        List<String> names = document.quantityNames();
        for (String name : names) {
            if (!QUANTITY_NAMES.contains(name)) {
                return Outcome.error(
                        "'" + name + "' is not a valid inventory quantity name", "INVALID_QUANTITY_NAME", "invalid");
            }
        }
        ObjectNode data = Json.object();
        Optional<Item> item = id(itemId.textValue(), ITEM_GID).flatMap(shop::byInventoryItemId);
        if (item.isEmpty()) {
            data.putNull("inventoryItem");
            return new Outcome(data, null, "read", Map.of());
        }
        ObjectNode inventoryItem = data.putObject("inventoryItem");
        inventoryItem.put("id", ITEM_GID + item.get().inventoryItemId());
        boolean here = id(locationId.textValue(), LOCATION_GID)
                .filter(shop.config().locationId()::equals)
                .isPresent();
        if (!here) {
            inventoryItem.putNull("inventoryLevel");
            return new Outcome(
                    data, null, "read", Map.of(item.get().sku(), item.get().quantity()));
        }
        ObjectNode level = inventoryItem.putObject("inventoryLevel");
        level.put(
                "id",
                "gid://shopify/InventoryLevel/" + shop.config().locationId() + "?inventory_item_id="
                        + item.get().inventoryItemId());
        ArrayNode quantities = level.putArray("quantities");
        int available = item.get().quantity();
        for (String name : names) {
            ObjectNode quantity = quantities.addObject();
            quantity.put("name", name);
            quantity.put("quantity", name.equals("available") || name.equals("on_hand") ? available : 0);
        }
        return new Outcome(data, null, "read", Map.of(item.get().sku(), available));
    }

    private static Outcome userErrors(List<ObjectNode> errors) {
        ObjectNode data = Json.object();
        ObjectNode payload = data.putObject("inventorySetQuantities");
        payload.putNull("inventoryAdjustmentGroup");
        ArrayNode list = payload.putArray("userErrors");
        errors.forEach(list::add);
        return new Outcome(data, null, "user-errors", Map.of());
    }

    private static ObjectNode userError(String code, List<String> field, String message) {
        ObjectNode error = Json.object();
        error.put("code", code);
        ArrayNode path = error.putArray("field");
        field.forEach(path::add);
        error.put("message", message);
        return error;
    }

    /** The digits of a gid of this type, e.g. 808950810 of {@code gid://shopify/InventoryItem/808950810}. */
    static Optional<String> id(String gid, String prefix) {
        if (!gid.startsWith(prefix)) {
            return Optional.empty();
        }
        String digits = gid.substring(prefix.length());
        return digits.matches("[1-9][0-9]{0,19}") ? Optional.of(digits) : Optional.empty();
    }

    private static boolean isUri(String text) {
        try {
            return new URI(text).getScheme() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
