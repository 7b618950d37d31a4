package io.syncline.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncline.platform.test.ApiClient;
import io.syncline.simulator.ChannelSimulator;
import io.syncline.simulator.ItemConfig;
import io.syncline.simulator.ShopConfig;
import java.util.HashMap;
import java.util.Map;

/**
 * Shops of the channel simulator connected to Syncline as new channels, a listing for each of their items,
 * and what they show: for the tests that push stock to shops.
 */
final class SimulatedShops {

    private SimulatedShops() {}

    /** Adds {@code config} to the simulator and connects it as a Shopify channel; returns the shop as added. */
    static ShopConfig connectShopify(ApiClient root, ChannelSimulator simulator, ShopConfig config, int bufferStock) {
        ShopConfig shop = simulator.addShop(config);
        Map<String, Object> channel = new HashMap<>();
        channel.put("kind", "SHOPIFY");
        channel.put("apiBaseUrl", simulator.apiBaseUrl(shop.name()).toString());
        channel.put("webhookSecret", shop.webhookSecret());
        channel.put("accessToken", shop.accessToken());
        channel.put("locationId", "gid://shopify/Location/" + shop.locationId());
        channel.put("bufferStock", bufferStock);
        created(root, "/api/channels/" + shop.name(), channel);
        for (ItemConfig item : shop.items()) {
            created(
                    root,
                    "/api/channels/" + shop.name() + "/listings/" + item.sku(),
                    Map.of("inventoryItemId", "gid://shopify/InventoryItem/" + item.inventoryItemId()));
        }
        return shop;
    }

    /** Adds {@code config} to the simulator and connects it as a TikTok Shop channel; returns the shop as added. */
    static ShopConfig connectTikTok(ApiClient root, ChannelSimulator simulator, ShopConfig config) {
        ShopConfig shop = simulator.addShop(config);
        Map<String, Object> channel = new HashMap<>();
        channel.put("kind", "TIKTOK_SHOP");
        channel.put("apiBaseUrl", simulator.apiBaseUrl(shop.name()).toString());
        channel.put("webhookSecret", shop.webhookSecret());
        channel.put("accessToken", shop.accessToken());
        channel.put("appKey", shop.appKey());
        channel.put("shopCipher", shop.shopCipher());
        channel.put("warehouseId", shop.warehouseId());
        created(root, "/api/channels/" + shop.name(), channel);
        for (ItemConfig item : shop.items()) {
            created(
                    root,
                    "/api/channels/" + shop.name() + "/listings/" + item.sku(),
                    Map.of("productId", item.productId(), "skuId", item.skuId()));
        }
        return shop;
    }

    /** The simulator's item: {@code quantity} the shop shows, {@code pushes} it took. */
    static JsonNode item(ApiClient shops, String shop, String sku) {
        return shops.get("/admin/shops/" + shop + "/items/" + sku).json();
    }

    /** The quantity the shop shows for {@code sku}. */
    static int shown(ApiClient shops, String shop, String sku) {
        return item(shops, shop, sku).get("quantity").asInt();
    }

    private static void created(ApiClient root, String path, Object body) {
        ApiClient.Response put = root.put(path, body);
        assertThat(put.status()).as("PUT %s: %s", path, put.body()).isEqualTo(201);
    }
}
