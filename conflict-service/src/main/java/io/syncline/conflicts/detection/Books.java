package io.syncline.conflicts.detection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.syncline.api.orders.OrderEvents.OrderPlaced;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Detection's own copies of the stock and orders it judges by ({@code conflict_stock}, {@code conflict_orders}),
 * built from the inventory's and the orders' events: services never read each other's tables.
 */
@Component
class Books {

    /** An order as detection knows it. */
    record KnownOrder(String orderId, String merchantId, String channel, String channelOrderId, String status) {}

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    Books(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void available(String merchantId, String sku, int available) {
        int units = Math.max(0, available);
        if (jdbc.update(
                        "update conflict_stock set available = ? where merchant_id = ? and sku = ?",
                        units,
                        merchantId,
                        sku)
                == 0) {
            jdbc.update(
                    "insert into conflict_stock (merchant_id, sku, available) values (?, ?, ?)",
                    merchantId,
                    sku,
                    units);
        }
    }

    Optional<Integer> available(String merchantId, String sku) {
        return jdbc
                .query(
                        "select available from conflict_stock where merchant_id = ? and sku = ?",
                        (rs, i) -> rs.getInt(1),
                        merchantId,
                        sku)
                .stream()
                .findFirst();
    }

    void placed(OrderPlaced order) {
        if (order(order.orderId()).isPresent()) {
            return;
        }
        try {
            jdbc.update(
                    "insert into conflict_orders (order_id, merchant_id, channel, channel_order_id, lines, status)"
                            + " values (?, ?, ?, ?, ?, ?)",
                    order.orderId(),
                    order.merchantId(),
                    order.channel(),
                    order.channelOrderId(),
                    json.writeValueAsString(order.lines()),
                    "PENDING");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("order lines cannot be written", e);
        }
    }

    void status(String orderId, String status) {
        jdbc.update("update conflict_orders set status = ? where order_id = ?", status, orderId);
    }

    Optional<KnownOrder> order(String orderId) {
        return jdbc
                .query(
                        "select order_id, merchant_id, channel, channel_order_id, status from conflict_orders"
                                + " where order_id = ?",
                        (rs, i) -> new KnownOrder(
                                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                        orderId)
                .stream()
                .findFirst();
    }
}
