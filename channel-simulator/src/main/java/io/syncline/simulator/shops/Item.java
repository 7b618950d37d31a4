package io.syncline.simulator.shops;

import io.syncline.simulator.ItemConfig;
import java.time.Instant;

/** One variant of a shop with the shop's own quantity of it; the quantity changes only under the shop's lock. */
public final class Item {

    private final ItemConfig config;
    private volatile int quantity;
    private volatile Instant updatedAt;

    Item(ItemConfig config, Instant at) {
        this.config = config;
        this.quantity = config.quantity();
        this.updatedAt = at;
    }

    public ItemConfig config() {
        return config;
    }

    public String sku() {
        return config.sku();
    }

    public String title() {
        return config.title();
    }

    public String price() {
        return config.price();
    }

    public String inventoryItemId() {
        return config.inventoryItemId();
    }

    public String variantId() {
        return config.variantId();
    }

    public String productId() {
        return config.productId();
    }

    public String skuId() {
        return config.skuId();
    }

    public int quantity() {
        return quantity;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    void set(int value, Instant at) {
        quantity = value;
        updatedAt = at;
    }
}
