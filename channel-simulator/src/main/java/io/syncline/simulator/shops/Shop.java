package io.syncline.simulator.shops;

import io.syncline.simulator.ItemConfig;
import io.syncline.simulator.OrderGeneratorConfig;
import io.syncline.simulator.ShopConfig;
import io.syncline.simulator.ShopKind;
import io.syncline.simulator.ShopifyThrottle;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * One simulated shop: its configuration with every default filled, its items and their quantities, its faults and
 * what its API received. Stock changes under the shop's own lock ({@code synchronized (shop)}), which callers that
 * read and then write (an order, a compare-and-set) hold around both.
 */
public final class Shop {

    public static final List<String> DEFAULT_TOPICS =
            List.of("orders/create", "orders/cancelled", "orders/fulfilled", "inventory_levels/update");
    private static final Pattern DIGITS = Pattern.compile("[1-9][0-9]{0,19}");

    private final Clock clock;
    private final Ids ids;
    private final Map<String, Item> items = new LinkedHashMap<>();
    private final Faults faults;
    private final PushLog pushes = new PushLog();
    private final RateBucket bucket;
    private final Map<Class<?>, Object> attachments = new ConcurrentHashMap<>();
    private volatile ShopConfig config;
    private volatile StockListener listener = (shop, item, before, after, cause, announce) -> {};

    private Shop(ShopConfig config, Clock clock, Ids ids) {
        this.clock = clock;
        this.ids = ids;
        this.faults = new Faults(clock);
        this.config = config;
        for (ItemConfig item : config.items()) {
            items.put(item.sku(), new Item(item, clock.instant()));
        }
        this.bucket = config.kind() == ShopKind.SHOPIFY
                ? new RateBucket(
                        clock,
                        config.throttle().maximumAvailable(),
                        config.throttle().restoreRate())
                : new RateBucket(clock, config.requestsPerSecond(), config.requestsPerSecond());
    }

    /** A shop from {@code raw}, secrets and ids generated where missing. */
    public static Shop create(ShopConfig raw, Clock clock, Ids ids) {
        boolean shopify = raw.kind() == ShopKind.SHOPIFY;
        String token = or(raw.accessToken(), () -> ids.secret(shopify ? "shpat_" : "ROW_"));
        String secret = or(raw.webhookSecret(), () -> ids.secret(""));
        List<ItemConfig> items = new ArrayList<>();
        Map<String, Boolean> skus = new LinkedHashMap<>();
        for (ItemConfig item : raw.items()) {
            ItemConfig filled = fill(item, raw.kind(), ids);
            if (skus.put(filled.sku(), true) != null) {
                throw new IllegalArgumentException("shop " + raw.name() + " lists SKU " + filled.sku() + " twice");
            }
            items.add(filled);
        }
        ShopConfig filled = new ShopConfig(
                raw.name(),
                raw.kind(),
                token,
                secret,
                raw.webhookUrl(),
                shopify ? or(raw.domain(), () -> raw.name() + ".myshopify.com") : null,
                shopify ? digits(or(raw.locationId(), ids::next), "locationId") : null,
                shopify ? or(raw.apiVersion(), () -> "2026-10") : null,
                shopify ? (raw.throttle() != null ? raw.throttle() : ShopifyThrottle.defaults()) : null,
                shopify ? (raw.echoInventoryLevels() == null || raw.echoInventoryLevels()) : null,
                shopify ? (raw.topics() != null ? raw.topics() : DEFAULT_TOPICS) : null,
                shopify ? null : or(raw.appKey(), () -> ids.secret("").substring(0, 13)),
                shopify ? null : or(raw.shopCipher(), () -> ids.secret("ROW_")),
                shopify ? null : digits(or(raw.shopId(), ids::next), "shopId"),
                shopify ? null : digits(or(raw.warehouseId(), ids::next), "warehouseId"),
                shopify ? null : (raw.requestsPerSecond() != null ? raw.requestsPerSecond() : 50.0),
                items,
                raw.orders() != null ? raw.orders() : OrderGeneratorConfig.off());
        if (!shopify && filled.requestsPerSecond() < 0) {
            throw new IllegalArgumentException("requestsPerSecond must not be negative");
        }
        return new Shop(filled, clock, ids);
    }

    private static ItemConfig fill(ItemConfig item, ShopKind kind, Ids ids) {
        if (item.sku() == null || item.sku().isBlank()) {
            throw new IllegalArgumentException("every item needs a sku");
        }
        int quantity = item.quantity() != null ? item.quantity() : 0;
        if (quantity < 0) {
            throw new IllegalArgumentException("item " + item.sku() + " has a negative quantity");
        }
        boolean shopify = kind == ShopKind.SHOPIFY;
        return new ItemConfig(
                item.sku(),
                or(item.title(), item::sku),
                quantity,
                or(item.price(), () -> "19.99"),
                shopify ? digits(or(item.inventoryItemId(), ids::next), "inventoryItemId") : null,
                shopify ? digits(or(item.variantId(), ids::next), "variantId") : null,
                digits(or(item.productId(), ids::next), "productId"),
                shopify ? null : digits(or(item.skuId(), ids::next), "skuId"));
    }

    private static String or(String value, Supplier<String> otherwise) {
        return value != null && !value.isBlank() ? value : otherwise.get();
    }

    private static String digits(String value, String field) {
        // Shopify's REST resources carry the numeric part; a gid given in the configuration is taken apart here
        String id = value.startsWith("gid://") ? value.substring(value.lastIndexOf('/') + 1) : value;
        if (!DIGITS.matcher(id).matches()) {
            throw new IllegalArgumentException(field + " must be a positive whole number, not " + value);
        }
        return id;
    }

    public String name() {
        return config.name();
    }

    public ShopKind kind() {
        return config.kind();
    }

    /** The configuration with every default filled. */
    public ShopConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    public Ids ids() {
        return ids;
    }

    public Faults faults() {
        return faults;
    }

    public PushLog pushes() {
        return pushes;
    }

    /** Shopify's cost bucket, or TikTok Shop's requests-a-second limit. */
    public RateBucket bucket() {
        return bucket;
    }

    /** State a platform keeps per shop (Shopify's idempotency keys), made on first use. */
    public <T> T attachment(Class<T> type, Supplier<T> create) {
        return type.cast(attachments.computeIfAbsent(type, t -> create.get()));
    }

    public URI webhookUrl() {
        return config.webhookUrl();
    }

    public synchronized void webhookUrl(URI value) {
        config = config.withWebhookUrl(value);
    }

    public synchronized void orders(OrderGeneratorConfig value) {
        config = config.withOrders(Objects.requireNonNull(value));
    }

    /** The path under which its platform API is served: {@code /shopify/<name>} or {@code /tiktok/<name>}. */
    public String apiPath() {
        return (kind() == ShopKind.SHOPIFY ? "/shopify/" : "/tiktok/") + name();
    }

    public void listener(StockListener value) {
        listener = Objects.requireNonNull(value);
    }

    public synchronized List<Item> items() {
        return new ArrayList<>(items.values());
    }

    public synchronized Optional<Item> item(String sku) {
        return Optional.ofNullable(items.get(sku));
    }

    public synchronized Optional<Item> byInventoryItemId(String digits) {
        return items.values().stream()
                .filter(i -> digits.equals(i.inventoryItemId()))
                .findFirst();
    }

    public synchronized List<Item> product(String productId) {
        return items.values().stream()
                .filter(i -> productId.equals(i.productId()))
                .toList();
    }

    /** A new item (the admin API's drift of an unknown SKU); ids generated as at creation. */
    public synchronized Item add(ItemConfig item) {
        if (items.containsKey(item.sku())) {
            throw new IllegalArgumentException("SKU " + item.sku() + " is already sold by shop " + name());
        }
        ItemConfig filled = fill(item, kind(), ids);
        List<ItemConfig> all = new ArrayList<>(config.items());
        all.add(filled);
        config = config.withItems(all);
        Item added = new Item(filled, clock.instant());
        items.put(filled.sku(), added);
        return added;
    }

    /**
     * Sets the quantity and tells the platform.
     *
     * @param notify for {@link StockChange#DRIFT} only: whether to announce it; other causes follow the shop's
     *               {@code echoInventoryLevels}
     * @return the quantity before
     */
    public synchronized int set(Item item, int quantity, StockChange cause, boolean notify) {
        int before = item.quantity();
        Instant now = clock.instant();
        item.set(quantity, now);
        boolean announce = cause == StockChange.DRIFT
                ? notify
                : kind() == ShopKind.SHOPIFY && Boolean.TRUE.equals(config.echoInventoryLevels());
        if (before != quantity || cause == StockChange.DRIFT) {
            listener.changed(this, item, before, quantity, cause, announce);
        }
        return before;
    }
}
