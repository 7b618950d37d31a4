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

    // the quantities are the stock push's (PushBook): this entity only reads them

    @EmbeddedId
    private Key id;

    @Column(name = "inventory_item_id")
    private String inventoryItemId;

    @Column(name = "product_id", length = 64)
    private String productId;

    @Column(name = "sku_id", length = 64)
    private String skuId;

    @Column(name = "channel_quantity", insertable = false, updatable = false)
    private Integer channelQuantity;

    @Column(name = "wanted_quantity", insertable = false, updatable = false)
    private Integer wantedQuantity;

    @Column(name = "channel_quantity_at", insertable = false, updatable = false)
    private Instant channelQuantityAt;

    @Column(name = "pushed_at", insertable = false, updatable = false)
    private Instant pushedAt;

    @Column(name = "auto_buffer", insertable = false, updatable = false)
    private Integer autoBuffer;

    @Column(name = "buffer_reason", insertable = false, updatable = false)
    private String bufferReason;

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

    String sku() {
        return id.sku;
    }

    /** The listing as the API shows it, with the buffer it holds back on a channel with {@code settings}. */
    ListingView view(ChannelSettings settings) {
        boolean inSync = wantedQuantity != null && wantedQuantity.equals(channelQuantity);
        BufferReason reason = BufferReason.of(settings, autoBuffer, bufferReason);
        return new ListingView(
                id.sku,
                inventoryItemId,
                productId,
                skuId,
                channelQuantity,
                wantedQuantity,
                pushedAt,
                inSync,
                reason.buffer(),
                reason);
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
