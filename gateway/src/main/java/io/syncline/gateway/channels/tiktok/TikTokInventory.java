package io.syncline.gateway.channels.tiktok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** One shop's stock through TikTok Shop's product API: the inventory update and the product read. */
public final class TikTokInventory {

    /** TikTok takes at most this many units per SKU and warehouse. */
    public static final int MAX_QUANTITY = 99_999;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TikTokApi api;

    public TikTokInventory(TikTokApi api) {
        this.api = api;
    }

    /**
     * Sets a SKU's quantity (in the warehouse when given).
     *
     * @throws TikTokApiException when TikTok did not take it
     */
    public void set(String productId, String skuId, String warehouseId, int quantity) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode sku = body.putArray("skus").addObject();
        sku.put("id", skuId);
        ObjectNode inventory = sku.putArray("inventory").addObject();
        if (warehouseId != null) {
            inventory.put("warehouse_id", warehouseId);
        }
        inventory.put("quantity", Math.min(MAX_QUANTITY, Math.max(0, quantity)));
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers is always JSON", e);
        }
        String about = "TikTok Shop inventory of SKU " + skuId;
        JsonNode data =
                api.call("POST", "/product/202309/products/" + productId + "/inventory/update", Map.of(), bytes, about);
        // code 0 with failed SKUs or warehouses listed: TikTok took the call, not the quantity
        if (data.path("errors").size() > 0) {
            throw TikTokApiException.mayPassLater(about + ": TikTok did not take it: " + data.path("errors"), null);
        }
    }

    /**
     * The quantity TikTok shows for a SKU: in the warehouse when given, else over all its warehouses.
     *
     * @throws TikTokApiException when it cannot be read
     */
    public int read(String productId, String skuId, String warehouseId) {
        String about = "TikTok Shop product " + productId;
        JsonNode product = api.call("GET", "/product/202309/products/" + productId, Map.of(), null, about);
        for (JsonNode sku : product.path("skus")) {
            if (skuId.equals(Json.text(sku, "id"))) {
                int total = 0;
                for (JsonNode inventory : sku.path("inventory")) {
                    if (warehouseId == null || warehouseId.equals(Json.text(inventory, "warehouse_id"))) {
                        total += inventory.path("quantity").asInt();
                    }
                }
                return total;
            }
        }
        throw TikTokApiException.willNotPass(about + " has no SKU " + skuId);
    }
}
