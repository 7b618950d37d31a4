package io.syncline.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncline.simulator.admin.AdminApi;
import io.syncline.simulator.admin.ShopDirectory;
import io.syncline.simulator.http.HttpFront;
import io.syncline.simulator.http.Json;
import io.syncline.simulator.http.Reply;
import io.syncline.simulator.orders.Order;
import io.syncline.simulator.orders.OrderGenerator;
import io.syncline.simulator.orders.OrderRefused;
import io.syncline.simulator.orders.Orders;
import io.syncline.simulator.shopify.ShopifyApi;
import io.syncline.simulator.shopify.ShopifyWebhooks;
import io.syncline.simulator.shops.Ids;
import io.syncline.simulator.shops.Item;
import io.syncline.simulator.shops.Shop;
import io.syncline.simulator.shops.Shops;
import io.syncline.simulator.shops.StockChange;
import io.syncline.simulator.tiktok.TikTokApi;
import io.syncline.simulator.tiktok.TikTokWebhooks;
import io.syncline.simulator.webhooks.WebhookSender;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * A running channel simulator: Shopify and TikTok Shop shops on one port of the JDK's HTTP server, each under its
 * own path ({@link #apiBaseUrl(String)}), with the admin API at {@link #adminUrl()}. Embeddable (no Spring, daemon
 * threads) and closeable:
 *
 * <pre>{@code
 * try (ChannelSimulator simulator = ChannelSimulator.start(SimulatorConfig.defaults()
 *         .withShop(ShopConfig.shopify("acme").withItem(ItemConfig.of("MUG", 10))))) {
 *     URI apiBaseUrl = simulator.apiBaseUrl("acme"); // http://127.0.0.1:<port>/shopify/acme
 * }
 * }</pre>
 */
public final class ChannelSimulator implements AutoCloseable {

    private final ScheduledThreadPoolExecutor scheduler;
    private final HttpFront front;
    private final WebhookSender webhooks;
    private final Shops shops = new Shops();
    private final Ids ids = new Ids();
    private final Orders orders;
    private final OrderGenerator generator;
    private final ShopifyWebhooks shopifyWebhooks;
    private final SimulatorConfig config;
    private final URI baseUrl;

    private ChannelSimulator(SimulatorConfig config) {
        this.config = config;
        scheduler = new ScheduledThreadPoolExecutor(2, HttpFront.daemonThreads("simulator-scheduler"));
        scheduler.setRemoveOnCancelPolicy(true);
        webhooks = new WebhookSender(config.webhooks(), scheduler, config.clock());
        shopifyWebhooks = new ShopifyWebhooks(webhooks);
        orders = new Orders(
                Map.of(ShopKind.SHOPIFY, shopifyWebhooks, ShopKind.TIKTOK_SHOP, new TikTokWebhooks(webhooks)));
        generator =
                new OrderGenerator(orders, scheduler, config.seed() != null ? new Random(config.seed()) : new Random());
        front = new HttpFront(config.host(), config.port(), scheduler);
        Directory directory = new Directory();
        front.route(ShopifyApi.PREFIX, new ShopifyApi(shops));
        front.route(TikTokApi.PREFIX, new TikTokApi(shops, orders));
        front.route(AdminApi.PREFIX, new AdminApi(shops, directory, orders, generator, webhooks));
        front.route("/health", request -> {
            ObjectNode health = Json.object();
            health.put("status", "UP");
            health.put("shops", shops.all().size());
            return Reply.json(200, health);
        });
        front.route(
                "/",
                request -> Reply.problem(
                        404,
                        "nothing here: shops answer under /shopify/<shop> and /tiktok/<shop>, the admin API under /admin/shops"));
        front.start();
        baseUrl = config.publicBaseUrl() != null ? trimmed(config.publicBaseUrl()) : local(config.host(), front.port());
    }

    /**
     * Starts a simulator with the shops of {@code config}.
     *
     * @throws IllegalArgumentException when a shop's configuration is invalid (nothing is left running)
     */
    public static ChannelSimulator start(SimulatorConfig config) {
        ChannelSimulator simulator = new ChannelSimulator(config);
        try {
            config.shops().forEach(simulator::addShop);
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
        return simulator;
    }

    /** Where the simulator answers, e.g. {@code http://127.0.0.1:8090}. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The port it listens on. */
    public int port() {
        return front.port();
    }

    /** The admin API, {@code <baseUrl>/admin}. */
    public URI adminUrl() {
        return URI.create(baseUrl + "/admin");
    }

    /**
     * The {@code apiBaseUrl} to give Syncline for a shop: {@code <baseUrl>/shopify/<shop>} or
     * {@code <baseUrl>/tiktok/<shop>}.
     *
     * @throws IllegalArgumentException for an unknown shop
     */
    public URI apiBaseUrl(String shop) {
        return URI.create(baseUrl + existing(shop).apiPath());
    }

    /** A shop's configuration with every generated secret, id and default filled in. */
    public ShopConfig shop(String name) {
        return existing(name).config();
    }

    public List<ShopConfig> shops() {
        return shops.all().stream().map(Shop::config).toList();
    }

    /**
     * Adds a shop and starts its order generator.
     *
     * @return its configuration with every default filled in
     * @throws IllegalArgumentException when the name is taken or the configuration is invalid
     */
    public ShopConfig addShop(ShopConfig shop) {
        return new Directory().add(shop).config();
    }

    /** Sets a shop's order generator (a rate of 0 stops it). */
    public void generate(String shop, OrderGeneratorConfig orders) {
        generator.configure(existing(shop), orders);
    }

    /** Removes a shop: its API answers 404 and its generator stops. */
    public boolean removeShop(String name) {
        return new Directory().remove(name);
    }

    /**
     * Places an order now, as a buyer of the shop would (its webhooks follow).
     *
     * @param lines    units per SKU, in line order
     * @param oversell take the units even when the shop has fewer (its quantity goes negative)
     * @throws OrderRefused for an unknown SKU, a line without units, or too little stock without {@code oversell}
     */
    public Order placeOrder(String shop, Map<String, Integer> lines, boolean oversell) {
        return orders.place(existing(shop), wanted(lines), oversell);
    }

    /** Cancels an order, also one that shipped already (the platform's misbehaviour of that name). */
    public Order cancelOrder(String shop, String orderId, String reason) {
        return orders.cancel(existing(shop), orderId, reason);
    }

    /** Ships (fulfils) an open order. */
    public Order shipOrder(String shop, String orderId) {
        return orders.ship(existing(shop), orderId);
    }

    /**
     * Delivers an order's creation again with other lines, under a new event or notification id and the same order
     * id; the order reads with these lines from then on (see {@link Orders#redeliver}).
     */
    public Order redeliverOrder(String shop, String orderId, Map<String, Integer> lines) {
        return orders.redeliver(existing(shop), orderId, wanted(lines));
    }

    public Optional<Order> order(String shop, String orderId) {
        return orders.find(existing(shop), orderId);
    }

    /**
     * Drift: sets what the shop shows for a SKU on the shop's side, announced by its webhook when {@code notify}
     * (Shopify's {@code inventory_levels/update}) or silently.
     *
     * @return the quantity before
     * @throws IllegalArgumentException when the shop sells no such SKU
     */
    public int setQuantity(String shop, String sku, int quantity, boolean notify) {
        Shop found = existing(shop);
        Item item =
                found.item(sku).orElseThrow(() -> new IllegalArgumentException("shop " + shop + " sells no " + sku));
        return found.set(item, quantity, StockChange.DRIFT, notify);
    }

    /** What the shop shows for a SKU now. */
    public int quantity(String shop, String sku) {
        return existing(shop)
                .item(sku)
                .orElseThrow(() -> new IllegalArgumentException("shop " + shop + " sells no " + sku))
                .quantity();
    }

    private static List<Orders.Wanted> wanted(Map<String, Integer> lines) {
        return lines.entrySet().stream()
                .map(line -> new Orders.Wanted(line.getKey(), line.getValue()))
                .toList();
    }

    private Shop existing(String name) {
        return shops.find(name).orElseThrow(() -> new IllegalArgumentException("there is no shop " + name));
    }

    /** Creates shops wired to their platform, for the admin API and for {@link #addShop}. */
    private final class Directory implements ShopDirectory {

        @Override
        public Shop add(ShopConfig raw) {
            Shop shop = Shop.create(raw, config.clock(), ids);
            if (shop.kind() == ShopKind.SHOPIFY) {
                shop.listener(shopifyWebhooks);
            }
            if (!shops.add(shop)) {
                throw new IllegalArgumentException("there is already a shop " + raw.name());
            }
            generator.configure(shop, shop.config().orders());
            return shop;
        }

        @Override
        public boolean remove(String name) {
            return shops.remove(name)
                    .map(shop -> {
                        generator.stop(shop);
                        orders.forget(shop);
                        webhooks.forget(shop);
                        return true;
                    })
                    .orElse(false);
        }

        @Override
        public URI apiBaseUrl(Shop shop) {
            return URI.create(baseUrl + shop.apiPath());
        }
    }

    private static URI trimmed(URI uri) {
        return URI.create(uri.toString().replaceAll("/+$", ""));
    }

    private static URI local(String host, int port) {
        String shown = host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
        if (shown.contains(":")) {
            shown = "[" + shown + "]";
        }
        return URI.create("http://" + shown + ":" + port);
    }

    /** Stops answering, sending and generating; webhooks still waiting for a retry are dropped. */
    @Override
    public void close() {
        generator.close();
        front.close();
        webhooks.close();
        scheduler.shutdownNow();
    }
}
