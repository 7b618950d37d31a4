package io.syncline.gateway.channels;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/**
 * Our SKU on one channel: the channel's item (Shopify's inventory item, TikTok Shop's product and SKU),
 * the quantity the channel last showed and the one we want it to show.
 */
@Entity
@Table(name = "channel_listings")
public class ListingRow {

    @EmbeddedId
    private Key id;

    @Column(name = "inventory_item_id")
    private String inventoryItemId;

    @Column(name = "product_id", length = 64)
    private String productId;

    @Column(name = "sku_id", length = 64)
    private String skuId;

    @Column(name = "channel_quantity")
    private Integer channelQuantity;

    @Column(name = "wanted_quantity")
    private Integer wantedQuantity;

    @Column(name = "channel_quantity_at")
    private Instant channelQuantityAt;

    @Column(name = "pushed_at")
    private Instant pushedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ListingRow() {}

    ListingRow(String merchantId, String channelId, String sku) {
        this.id = new Key(merchantId, channelId, sku);
    }

    void link(String newInventoryItemId, String newProductId, String newSkuId, Instant now) {
        inventoryItemId = newInventoryItemId;
        productId = newProductId;
        skuId = newSkuId;
        updatedAt = now;
    }

    /**
     * Takes what the channel reports it shows, unless a later report was taken already.
     *
     * @return whether the report was taken
     */
    boolean reported(int quantity, Instant at, Instant now) {
        if (channelQuantityAt != null && at != null && at.isBefore(channelQuantityAt)) {
            return false;
        }
        channelQuantity = quantity;
        channelQuantityAt = at != null ? at : now;
        updatedAt = now;
        return true;
    }

    String sku() {
        return id.sku;
    }

    /** The listing as the API shows it. */
    ListingView view() {
        boolean inSync = wantedQuantity != null && wantedQuantity.equals(channelQuantity);
        return new ListingView(
                id.sku, inventoryItemId, productId, skuId, channelQuantity, wantedQuantity, pushedAt, inSync);
    }

    /** A listing is the merchant's channel's SKU. */
    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "merchant_id", nullable = false, length = 64)
        private String merchantId;

        @Column(name = "channel_id", nullable = false, length = 40)
        private String channelId;

        @Column(name = "sku", nullable = false, length = 64)
        private String sku;

        protected Key() {}

        public Key(String merchantId, String channelId, String sku) {
            this.merchantId = merchantId;
            this.channelId = channelId;
            this.sku = sku;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && merchantId.equals(k.merchantId)
                    && channelId.equals(k.channelId)
                    && sku.equals(k.sku);
        }

        @Override
        public int hashCode() {
            return (merchantId.hashCode() * 31 + channelId.hashCode()) * 31 + sku.hashCode();
        }
    }
}
