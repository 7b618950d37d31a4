package io.syncline.conflicts.detection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.syncline.api.orders.OrderLine;
import io.syncline.api.orders.OrderStatus;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A channel's own orders of one SKU, from detection's books: what moved the channel's stock by itself, whatever our
 * books made of them (an order we rejected was still sold on the channel).
 */
@Component
class OwnOrders {

    /** {@code units} of the SKU sold on the channel at {@code placedAt}, the channel's own time. */
    record Sale(int units, Instant placedAt) {}

    /** {@code units} of the SKU of an order cancelled here at {@code at}, which the channel may have restocked. */
    record Cancellation(int units, Instant at) {}

    private static final TypeReference<List<OrderLine>> LINES = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    OwnOrders(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The channel's sales of the SKU placed on it from {@code from} to {@code to}. */
    List<Sale> sales(String merchantId, String channel, String sku, Instant from, Instant to) {
        return jdbc
                .query(
                        "select lines, channel_placed_at from conflict_orders where merchant_id = ? and channel = ?"
                                + " and channel_placed_at >= ? and channel_placed_at <= ?",
                        (rs, i) -> new Sale(
                                units(rs.getString(1), sku), rs.getTimestamp(2).toInstant()),
                        merchantId,
                        channel,
                        Timestamp.from(from),
                        Timestamp.from(to))
                .stream()
                .filter(sale -> sale.units() > 0)
                .toList();
    }

    /**
     * The channel's orders of the SKU cancelled since {@code since}: here, or on the channel only (an order we had
     * shipped, whose cancellation is a conflict of its own, and whose units the channel may have restocked).
     */
    List<Cancellation> cancellations(String merchantId, String channel, String sku, Instant since) {
        Timestamp from = Timestamp.from(since);
        return jdbc
                .query(
                        "select lines, coalesce(channel_cancelled_at, status_at) from conflict_orders"
                                + " where merchant_id = ? and channel = ?"
                                + " and ((status = ? and status_at >= ?) or channel_cancelled_at >= ?)",
                        (rs, i) -> new Cancellation(
                                units(rs.getString(1), sku), rs.getTimestamp(2).toInstant()),
                        merchantId,
                        channel,
                        OrderStatus.CANCELLED.name(),
                        from,
                        from)
                .stream()
                .filter(c -> c.units() > 0)
                .toList();
    }

    /** How many of the channel's orders placed here since {@code since} have no time of the channel's own. */
    int withoutChannelTime(String merchantId, String channel, Instant since) {
        Integer count = jdbc.queryForObject(
                "select count(*) from conflict_orders where merchant_id = ? and channel = ?"
                        + " and channel_placed_at is null and placed_at >= ?",
                Integer.class,
                merchantId,
                channel,
                Timestamp.from(since));
        return count == null ? 0 : count;
    }

    private int units(String lines, String sku) {
        try {
            return json.readValue(lines, LINES).stream()
                    .filter(l -> sku.equals(l.sku()))
                    .mapToInt(OrderLine::quantity)
                    .sum();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable order lines", e);
        }
    }
}
