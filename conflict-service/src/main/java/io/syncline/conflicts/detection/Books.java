package io.syncline.conflicts.detection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.syncline.api.orders.OrderEvents.OrderPlaced;
import io.syncline.api.orders.OrderStatus;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
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

    private static final TypeReference<List<StockMoves.Move>> MOVES = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    Books(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Our books moved to {@code available} ({@code channel}'s own {@code units} when its order moved them): kept
     * with the recent moves, those since {@code keepSince}, in the one row of the SKU. Answers the SKU's books now.
     */
    StockMoves moved(
            String merchantId, String sku, int available, String channel, int units, Instant at, Instant keepSince) {
        int now = Math.max(0, available);
        Optional<StockMoves> before = stock(merchantId, sku);
        if (before.isPresent() && before.get().available() == now && units == 0) {
            return before.get(); // nothing a channel could show moved
        }
        StockMoves after = before.orElse(new StockMoves(now, List.of()))
                .with(new StockMoves.Move(now, channel, units, StockMoves.micros(at)), keepSince);
        String moves = write(after.moves());
        if (before.isPresent()) {
            jdbc.update(
                    "update conflict_stock set available = ?, moves = ? where merchant_id = ? and sku = ?",
                    now,
                    moves,
                    merchantId,
                    sku);
        } else {
            jdbc.update(
                    "insert into conflict_stock (merchant_id, sku, available, moves) values (?, ?, ?, ?)",
                    merchantId,
                    sku,
                    now,
                    moves);
        }
        return after;
    }

    Optional<StockMoves> stock(String merchantId, String sku) {
        return jdbc
                .query(
                        "select available, moves from conflict_stock where merchant_id = ? and sku = ?",
                        (rs, i) -> new StockMoves(rs.getInt(1), read(rs.getString(2))),
                        merchantId,
                        sku)
                .stream()
                .findFirst();
    }

    /** The channel of an order whose stock move is its channel's own doing, if it is. */
    Optional<String> channelOf(String orderId, boolean release) {
        return order(orderId)
                // a release is the channel's own only when the order was cancelled (the shop restocks it)
                .filter(o -> !release || OrderStatus.CANCELLED.name().equals(o.status()))
                .map(KnownOrder::channel);
    }

    private List<StockMoves.Move> read(String moves) {
        try {
            return moves == null ? List.of() : json.readValue(moves, MOVES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stock moves", e);
        }
    }

    private String write(List<StockMoves.Move> moves) {
        try {
            return json.writeValueAsString(moves);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stock moves cannot be written", e);
        }
    }

    void placed(OrderPlaced order) {
        if (order(order.orderId()).isPresent()) {
            return;
        }
        try {
            jdbc.update(
                    "insert into conflict_orders (order_id, merchant_id, channel, channel_order_id, lines, status,"
                            + " channel_placed_at, placed_at, status_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    order.orderId(),
                    order.merchantId(),
                    order.channel(),
                    order.channelOrderId(),
                    json.writeValueAsString(order.lines()),
                    "PENDING",
                    order.channelPlacedAt() == null ? null : Timestamp.from(order.channelPlacedAt()),
                    order.placedAt() == null ? null : Timestamp.from(order.placedAt()),
                    order.placedAt() == null ? null : Timestamp.from(order.placedAt()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("order lines cannot be written", e);
        }
    }

    /** The channel cancelled the order {@code at} though we keep it (shipped): the channel may have restocked it. */
    void channelCancelled(String orderId, Instant at) {
        jdbc.update(
                "update conflict_orders set channel_cancelled_at = ? where order_id = ?", Timestamp.from(at), orderId);
    }

    /** The order's status changed {@code at} (our time). */
    void status(String orderId, String status, Instant at) {
        jdbc.update(
                "update conflict_orders set status = ?, status_at = ? where order_id = ?",
                status,
                Timestamp.from(at),
                orderId);
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
