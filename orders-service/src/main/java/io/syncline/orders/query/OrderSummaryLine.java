package io.syncline.orders.query;

import io.syncline.api.orders.OrderLine;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One line of an order view, stored in {@code order_view_lines}. */
@Embeddable
public class OrderSummaryLine {

    @Column(name = "sku", nullable = false)
    private String sku;

    @Column(name = "quantity", nullable = false)
    private int quantity;

    protected OrderSummaryLine() {}

    OrderSummaryLine(OrderLine line) {
        this.sku = line.sku();
        this.quantity = line.quantity();
    }

    OrderLine toLine() {
        return new OrderLine(sku, quantity);
    }
}
