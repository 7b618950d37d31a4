package io.syncline.standalone.demo;

import io.syncline.gateway.auth.IdentityProperties;
import io.syncline.gateway.auth.SecretFiles;
import io.syncline.gateway.auth.UserDirectory;
import io.syncline.gateway.channels.BufferMode;
import io.syncline.gateway.channels.ChannelKind;
import io.syncline.gateway.channels.ChannelRegistry;
import io.syncline.gateway.channels.ChannelRequests;
import io.syncline.gateway.inventory.StockRequests;
import io.syncline.gateway.inventory.StockService;
import io.syncline.simulator.ChannelSimulator;
import io.syncline.simulator.ItemConfig;
import io.syncline.simulator.OrderGeneratorConfig;
import io.syncline.simulator.ShopConfig;
import io.syncline.simulator.SimulatorConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A newcomer's first run: with no users configured, the channel simulator runs in this process with one
 * Shopify and one TikTok shop, connected to merchant {@code demo} with listings and stock, and orders arrive
 * at a gentle rate, so orders, stock pushes and their acknowledgements show within seconds. Never on when
 * users are configured; {@code SYNCLINE_DEMO=false} turns it off.
 */
@Component
class DemoMode implements SmartLifecycle {

    static final String SHOPIFY = "demo-shopify";
    static final String TIKTOK = "demo-tiktok";
    static final List<String> SKUS = List.of("DEMO-MUG", "DEMO-TEE", "DEMO-CAP");
    private static final Logger log = LoggerFactory.getLogger(DemoMode.class);
    private static final String MERCHANT = UserDirectory.DEFAULT_MERCHANT;

    private final boolean enabled;
    private final ChannelRegistry channels;
    private final StockService stock;
    private final double ordersPerSecond;
    private volatile ChannelSimulator simulator;
    private volatile int port;

    DemoMode(
            IdentityProperties identity,
            ChannelRegistry channels,
            StockService stock,
            @Value("${syncline.demo:true}") boolean demo,
            @Value("${syncline.demo-orders-per-second:0.2}") double ordersPerSecond) {
        this.enabled = demo && identity.users().isEmpty();
        this.channels = channels;
        this.stock = stock;
        this.ordersPerSecond = ordersPerSecond;
    }

    @EventListener
    void on(WebServerInitializedEvent event) {
        port = event.getWebServer().getPort();
    }

    @Override
    public synchronized void start() {
        if (!enabled || simulator != null || port <= 0) {
            return;
        }
        ChannelSimulator sim = ChannelSimulator.start(SimulatorConfig.defaults());
        try {
            connect(sim);
            simulator = sim;
            log.info(
                    "Demo: a simulated Shopify shop and TikTok shop at {} sell {} to merchant {}"
                            + " (SYNCLINE_DEMO=false turns this off)",
                    sim.baseUrl(),
                    SKUS,
                    MERCHANT);
        } catch (RuntimeException e) {
            sim.close();
            log.warn("Demo: the simulated shops could not be connected: {}", e.toString());
        }
    }

    private void connect(ChannelSimulator sim) {
        for (String sku : SKUS) {
            if (stock.find(MERCHANT, sku).isEmpty()) {
                stock.count(
                        MERCHANT,
                        sku,
                        new StockRequests.Count(40, 5, sku.substring(5).toLowerCase() + " (demo)"));
            }
        }
        // new secrets every start: the simulator keeps none, and the channels' are replaced below
        String shopifySecret = SecretFiles.randomToken(24);
        String tiktokSecret = SecretFiles.randomToken(24);
        OrderGeneratorConfig orders =
                new OrderGeneratorConfig(ordersPerSecond, null, 1, 2, 1, 2, 0.1, 0.6, Duration.ofSeconds(20));
        ShopConfig shopify = ShopConfig.shopify(SHOPIFY)
                .withSecrets("shpat_" + SecretFiles.randomToken(16), shopifySecret)
                .withWebhookUrl(webhook("shopify", SHOPIFY))
                .withItems(SKUS.stream().map(sku -> ItemConfig.of(sku, 0)).toList());
        ShopConfig tiktok = ShopConfig.tiktok(TIKTOK)
                .withSecrets("ROW_" + SecretFiles.randomToken(16), tiktokSecret)
                .withWebhookUrl(webhook("tiktok", TIKTOK))
                .withItems(SKUS.stream().map(sku -> ItemConfig.of(sku, 0)).toList());
        ShopConfig shopifyShop = sim.addShop(shopify);
        ShopConfig tiktokShop = sim.addShop(tiktok);
        channels.put(
                MERCHANT,
                SHOPIFY,
                new ChannelRequests.Channel(
                        ChannelKind.SHOPIFY,
                        "Demo Shopify shop (simulated)",
                        sim.apiBaseUrl(SHOPIFY).toString(),
                        shopifyShop.webhookSecret(),
                        shopifyShop.accessToken(),
                        null,
                        null,
                        "gid://shopify/Location/" + shopifyShop.locationId(),
                        null,
                        null,
                        1,
                        BufferMode.FIXED,
                        null,
                        true));
        channels.put(
                MERCHANT,
                TIKTOK,
                new ChannelRequests.Channel(
                        ChannelKind.TIKTOK_SHOP,
                        "Demo TikTok shop (simulated)",
                        sim.apiBaseUrl(TIKTOK).toString(),
                        tiktokShop.webhookSecret(),
                        tiktokShop.accessToken(),
                        tiktokShop.appKey(),
                        tiktokShop.shopCipher(),
                        null,
                        tiktokShop.warehouseId(),
                        null,
                        2,
                        BufferMode.FIXED,
                        null,
                        true));
        for (ItemConfig item : shopifyShop.items()) {
            channels.putListing(
                    MERCHANT,
                    SHOPIFY,
                    item.sku(),
                    new ChannelRequests.Listing("gid://shopify/InventoryItem/" + item.inventoryItemId(), null, null));
        }
        for (ItemConfig item : tiktokShop.items()) {
            channels.putListing(
                    MERCHANT, TIKTOK, item.sku(), new ChannelRequests.Listing(null, item.productId(), item.skuId()));
        }
        // orders only once the channels that receive their webhooks exist
        sim.generate(SHOPIFY, orders);
        sim.generate(TIKTOK, orders);
    }

    private URI webhook(String platform, String channelId) {
        return URI.create("http://127.0.0.1:" + port + "/webhooks/" + platform + "/" + MERCHANT + "/" + channelId);
    }

    @Override
    public synchronized void stop() {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }

    @Override
    public boolean isRunning() {
        return simulator != null;
    }

    /** After the web server and the push and delivery workers; stopped before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
