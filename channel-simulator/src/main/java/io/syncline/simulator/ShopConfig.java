package io.syncline.simulator;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One simulated shop. {@code name} is its path segment ({@code /shopify/<name>}, {@code /tiktok/<name>}); null
 * fields are filled when the shop is created (secrets and ids generated, the rest defaulted), and the filled
 * configuration is what {@link ChannelSimulator#shop(String)} and the admin API show.
 *
 * <p>Both kinds: {@code accessToken} (Shopify's {@code X-Shopify-Access-Token}, TikTok's {@code x-tts-access-token}),
 * {@code webhookSecret} (Shopify: the app's client secret; TikTok Shop: the app secret, which also signs API calls),
 * {@code webhookUrl} (null: nothing is sent), {@code items}, {@code orders}.
 *
 * <p>Shopify: {@code domain} ({@code <name>.myshopify.com}), {@code locationId} (digits), {@code apiVersion} of the
 * webhooks ({@code 2026-10}), {@code throttle}, {@code echoInventoryLevels} (send {@code inventory_levels/update}
 * when orders or pushes change a level, as Shopify does; default true), {@code topics} subscribed (default
 * {@code orders/create}, {@code orders/cancelled}, {@code orders/fulfilled}, {@code inventory_levels/update}; add
 * {@code orders/updated} to get it too).
 *
 * <p>TikTok Shop: {@code appKey}, {@code shopCipher}, {@code shopId} (digits, the webhooks' {@code shop_id}),
 * {@code warehouseId}, {@code requestsPerSecond} (its API's rate limit; 0 for none; default 50).
 */
public record ShopConfig(
        String name,
        ShopKind kind,
        String accessToken,
        String webhookSecret,
        URI webhookUrl,
        String domain,
        String locationId,
        String apiVersion,
        ShopifyThrottle throttle,
        Boolean echoInventoryLevels,
        List<String> topics,
        String appKey,
        String shopCipher,
        String shopId,
        String warehouseId,
        Double requestsPerSecond,
        List<ItemConfig> items,
        OrderGeneratorConfig orders) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,40}");

    public ShopConfig {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a shop name matches [a-z0-9-]{1,40}, not " + name);
        }
        if (kind == null) {
            throw new IllegalArgumentException("shop " + name + " needs a kind: SHOPIFY or TIKTOK_SHOP");
        }
        topics = topics != null ? List.copyOf(topics) : null;
        items = items != null ? List.copyOf(items) : List.of();
    }

    /** A Shopify shop with everything else generated or defaulted. */
    public static ShopConfig shopify(String name) {
        return new ShopConfig(
                name,
                ShopKind.SHOPIFY,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** A TikTok Shop shop with everything else generated or defaulted. */
    public static ShopConfig tiktok(String name) {
        return new ShopConfig(
                name,
                ShopKind.TIKTOK_SHOP,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    public ShopConfig withSecrets(String accessToken, String webhookSecret) {
        return new ShopConfig(
                name,
                kind,
                accessToken,
                webhookSecret,
                webhookUrl,
                domain,
                locationId,
                apiVersion,
                throttle,
                echoInventoryLevels,
                topics,
                appKey,
                shopCipher,
                shopId,
                warehouseId,
                requestsPerSecond,
                items,
                orders);
    }

    public ShopConfig withWebhookUrl(URI value) {
        return new ShopConfig(
                name,
                kind,
                accessToken,
                webhookSecret,
                value,
                domain,
                locationId,
                apiVersion,
                throttle,
                echoInventoryLevels,
                topics,
                appKey,
                shopCipher,
                shopId,
                warehouseId,
                requestsPerSecond,
                items,
                orders);
    }

    public ShopConfig withLocationId(String value) {
        return new ShopConfig(
                name,
                kind,
                accessToken,
                webhookSecret,
                webhookUrl,
                domain,
                value,
                apiVersion,
                throttle,
                echoInventoryLevels,
                topics,
                appKey,
                shopCipher,
                shopId,
                warehouseId,
                requestsPerSecond,
                items,
                orders);
    }

    public ShopConfig withThrottle(ShopifyThrottle value) {
        return new ShopConfig(
                name,
                kind,
                accessToken,
                webhookSecret,
                webhookUrl,
                domain,
                locationId,
                apiVersion,
                value,
                echoInventoryLevels,
                topics,
                appKey,
                shopCipher,
                shopId,
                warehouseId,
                requestsPerSecond,
                items,
                orders);
    }

    public ShopConfig withEchoInventoryLevels(boolean value) {
        return new ShopConfig(
                name,
                kind,
                accessToken,
                webhookSecret,
                webhookUrl,
                domain,
                locationId,
                apiVersion,
                throttle,
                value,
                topics,
                appKey,
                shopCipher,
                shopId,
                warehouseId,
                requestsPerSecond,
                items,
                orders);
    }

    public ShopConfig withTopics(List<String> value) {
        return new ShopConfig(
                name,
                kind,
                accessToken,
                webhookSecret,
                webhookUrl,
                domain,
                locationId,
                apiVersion,
                throttle,
                echoInventoryLevels,
                value,
                appKey,
                shopCipher,
                shopId,
                warehouseId,
                requestsPerSecond,
                items,
                orders);
    }

    /** TikTok Shop's app key and the shop's cipher. */
    public ShopConfig withApp(String appKey, String shopCipher) {
        return new ShopConfig(
                name,
                kind,
                accessToken,
                webhookSecret,
                webhookUrl,
                domain,
                locationId,
                apiVersion,
                throttle,
                echoInventoryLevels,
                topics,
                appKey,
                shopCipher,
                shopId,
                warehouseId,
                requestsPerSecond,
                items,
                orders);
    }

    public ShopConfig withWarehouseId(String value) {
        return new ShopConfig(
                name,
                kind,
                accessToken,
                webhookSecret,
                webhookUrl,
                domain,
                locationId,
                apiVersion,
                throttle,
                echoInventoryLevels,
                topics,
                appKey,
                shopCipher,
                shopId,
                value,
                requestsPerSecond,
                items,
                orders);
    }

    public ShopConfig withRequestsPerSecond(double value) {
        return new ShopConfig(
                name,
                kind,
                accessToken,
                webhookSecret,
                webhookUrl,
                domain,
                locationId,
                apiVersion,
                throttle,
                echoInventoryLevels,
                topics,
                appKey,
                shopCipher,
                shopId,
                warehouseId,
                value,
                items,
                orders);
    }

    public ShopConfig withItems(List<ItemConfig> value) {
        return new ShopConfig(
                name,
                kind,
                accessToken,
                webhookSecret,
                webhookUrl,
                domain,
                locationId,
                apiVersion,
                throttle,
                echoInventoryLevels,
                topics,
                appKey,
                shopCipher,
                shopId,
                warehouseId,
                requestsPerSecond,
                value,
                orders);
    }

    public ShopConfig withItem(ItemConfig value) {
        List<ItemConfig> more = new ArrayList<>(items);
        more.add(value);
        return withItems(more);
    }

    public ShopConfig withOrders(OrderGeneratorConfig value) {
        return new ShopConfig(
                name,
                kind,
                accessToken,
                webhookSecret,
                webhookUrl,
                domain,
                locationId,
                apiVersion,
                throttle,
                echoInventoryLevels,
                topics,
                appKey,
                shopCipher,
                shopId,
                warehouseId,
                requestsPerSecond,
                items,
                value);
    }
}
