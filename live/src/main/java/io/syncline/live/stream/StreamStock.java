package io.syncline.live.stream;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What the stream knows of one stock: level events carry no name or threshold and detail events carry
 * no levels, so both are kept here to give every {@code stock.changed} the whole picture.
 */
@Entity
@Table(name = "stream_stock")
public class StreamStock {

    @Id
    @Column(name = "stock_id")
    private String stockId;

    @Column(name = "merchant_id", nullable = false)
    private String merchantId;

    @Column(nullable = false)
    private String sku;

    private String name;

    @Column(name = "low_stock_threshold")
    private Integer lowStockThreshold;

    @Column(name = "on_hand", nullable = false)
    private int onHand;

    @Column(nullable = false)
    private int reserved;

    protected StreamStock() {}

    StreamStock(String stockId, String merchantId, String sku) {
        this.stockId = stockId;
        this.merchantId = merchantId;
        this.sku = sku;
    }

    void details(String name, int lowStockThreshold) {
        this.name = name;
        this.lowStockThreshold = lowStockThreshold;
    }

    void levels(int onHand, int reserved) {
        this.onHand = onHand;
        this.reserved = reserved;
    }

    String stockId() {
        return stockId;
    }

    String merchantId() {
        return merchantId;
    }

    String sku() {
        return sku;
    }

    String name() {
        return name;
    }

    /** Null until the stock's details have been seen. */
    Integer lowStockThreshold() {
        return lowStockThreshold;
    }

    int onHand() {
        return onHand;
    }

    int reserved() {
        return reserved;
    }

    int available() {
        return Math.max(0, onHand - reserved);
    }

    /** Same rule as the inventory read model: low when available is at or below the threshold. */
    Boolean low() {
        return lowStockThreshold == null ? null : available() <= lowStockThreshold;
    }
}
