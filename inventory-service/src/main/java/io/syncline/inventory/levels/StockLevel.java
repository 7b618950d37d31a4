package io.syncline.inventory.levels;

import io.syncline.api.inventory.StockQueries.StockView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** The levels of one SKU of one merchant, as the stock events left them. */
@Entity
@Table(name = "stock_levels")
@IdClass(StockLevel.Key.class)
public class StockLevel {

    @Id
    @Column(name = "merchant_id")
    private String merchantId;

    @Id
    @Column(name = "sku")
    private String sku;

    private String name;

    @Column(name = "on_hand")
    private int onHand;

    private int reserved;

    @Column(name = "low_stock_threshold")
    private int lowStockThreshold;

    private boolean low;
    /** Sequence number of the last event applied, not a JPA optimistic lock. */
    private long version;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected StockLevel() {}

    StockLevel(String merchantId, String sku, String name, int lowStockThreshold, long version, Instant updatedAt) {
        this.merchantId = merchantId;
        this.sku = sku;
        this.name = name;
        this.lowStockThreshold = lowStockThreshold;
        this.low = true;
        this.version = version;
        this.updatedAt = updatedAt;
    }

    /** Whether an event of this sequence number has been applied already (replay, redelivery). */
    boolean hasSeen(long sequence) {
        return sequence <= version;
    }

    void details(String name, int lowStockThreshold) {
        this.name = name;
        this.lowStockThreshold = lowStockThreshold;
        refreshLow();
    }

    void levels(int onHand, int reserved) {
        this.onHand = onHand;
        this.reserved = reserved;
        refreshLow();
    }

    void seen(long sequence, Instant timestamp) {
        this.version = sequence;
        this.updatedAt = timestamp;
    }

    StockView toView() {
        return new StockView(
                merchantId, sku, name, onHand, reserved, available(), lowStockThreshold, low, version, updatedAt);
    }

    private int available() {
        return Math.max(0, onHand - reserved);
    }

    private void refreshLow() {
        this.low = available() <= lowStockThreshold;
    }

    /** Primary key: merchant and SKU. */
    public static class Key implements Serializable {
        private String merchantId;
        private String sku;

        protected Key() {}

        public Key(String merchantId, String sku) {
            this.merchantId = merchantId;
            this.sku = sku;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && Objects.equals(merchantId, key.merchantId)
                    && Objects.equals(sku, key.sku);
        }

        @Override
        public int hashCode() {
            return Objects.hash(merchantId, sku);
        }
    }
}
