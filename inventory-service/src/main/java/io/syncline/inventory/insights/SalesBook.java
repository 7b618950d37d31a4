package io.syncline.inventory.insights;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.syncline.api.orders.OrderLine;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The insights' tables: SKUs, unsettled orders, sales, daily units per SKU and hourly orders per channel. */
@Component
class SalesBook {

    /** A SKU as the insights know it. */
    record Sku(String merchantId, String sku, Instant knownSince, int available, boolean coverAlerted) {}

    /** An order placed and not settled yet. */
    record Order(
            String orderId,
            String merchantId,
            String channel,
            Instant placedAt,
            Map<String, Integer> units,
            boolean confirmed) {}

    private static final TypeReference<Map<String, Integer>> UNITS = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    SalesBook(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<Sku> sku(String merchantId, String sku) {
        return jdbc
                .query(
                        "select known_since, available, cover_alerted from insight_sku where merchant_id = ? and sku = ?",
                        (rs, i) -> new Sku(
                                merchantId, sku, rs.getTimestamp(1).toInstant(), rs.getInt(2), rs.getBoolean(3)),
                        merchantId,
                        sku)
                .stream()
                .findFirst();
    }

    void defineSku(String merchantId, String sku, Instant knownSince) {
        if (sku(merchantId, sku).isEmpty()) {
            jdbc.update(
                    "insert into insight_sku (merchant_id, sku, known_since, available, cover_alerted)"
                            + " values (?, ?, ?, 0, false)",
                    merchantId,
                    sku,
                    Timestamp.from(knownSince));
        }
    }

    void available(String merchantId, String sku, int available) {
        jdbc.update(
                "update insight_sku set available = ? where merchant_id = ? and sku = ?", available, merchantId, sku);
    }

    void coverAlerted(String merchantId, String sku, boolean alerted) {
        jdbc.update(
                "update insight_sku set cover_alerted = ? where merchant_id = ? and sku = ?", alerted, merchantId, sku);
    }

    /** Records the order and counts it in its channel's hour; false when it was recorded before. */
    boolean placed(String orderId, String merchantId, String channel, Instant placedAt, List<OrderLine> lines) {
        if (order(orderId).isPresent()) {
            return false;
        }
        Map<String, Integer> units = new LinkedHashMap<>();
        lines.forEach(line -> units.merge(line.sku(), line.quantity(), Integer::sum));
        jdbc.update(
                "insert into insight_order (order_id, merchant_id, channel, placed_at, lines, confirmed)"
                        + " values (?, ?, ?, ?, ?, false)",
                orderId,
                merchantId,
                channel,
                Timestamp.from(placedAt),
                write(units));
        if (channel != null) {
            add(
                    "update insight_channel_hour set orders = orders + 1"
                            + " where merchant_id = ? and channel = ? and hour_start = ?",
                    "insert into insight_channel_hour (orders, merchant_id, channel, hour_start) values (1, ?, ?, ?)",
                    merchantId,
                    channel,
                    Timestamp.from(placedAt.truncatedTo(ChronoUnit.HOURS)));
        }
        return true;
    }

    Optional<Order> order(String orderId) {
        return jdbc
                .query(
                        "select merchant_id, channel, placed_at, lines, confirmed from insight_order where order_id = ?",
                        (rs, i) -> new Order(
                                orderId,
                                rs.getString(1),
                                rs.getString(2),
                                rs.getTimestamp(3).toInstant(),
                                read(rs.getString(4)),
                                rs.getBoolean(5)),
                        orderId)
                .stream()
                .findFirst();
    }

    /** The order's units become sales at the time it was placed. */
    void sold(Order order) {
        jdbc.update("update insight_order set confirmed = true where order_id = ?", order.orderId());
        LocalDate day = LocalDate.ofInstant(order.placedAt(), ZoneOffset.UTC);
        order.units().forEach((sku, units) -> {
            jdbc.update(
                    "insert into insight_sale (order_id, sku, merchant_id, channel, units, sold_at)"
                            + " values (?, ?, ?, ?, ?, ?)",
                    order.orderId(),
                    sku,
                    order.merchantId(),
                    order.channel(),
                    units,
                    Timestamp.from(order.placedAt()));
            addDay(order.merchantId(), sku, day, units);
        });
    }

    /** A confirmed order's sales are taken back (cancelled): they never happened. */
    void unsold(Order order) {
        LocalDate day = LocalDate.ofInstant(order.placedAt(), ZoneOffset.UTC);
        order.units().forEach((sku, units) -> {
            jdbc.update("delete from insight_sale where order_id = ? and sku = ?", order.orderId(), sku);
            addDay(order.merchantId(), sku, day, -units);
        });
    }

    void settled(String orderId) {
        jdbc.update("delete from insight_order where order_id = ?", orderId);
    }

    /** Units of the SKU sold after {@code since} up to {@code until}. */
    int unitsSold(String merchantId, String sku, Instant since, Instant until) {
        Integer units = jdbc.queryForObject(
                "select coalesce(sum(units), 0) from insight_sale"
                        + " where merchant_id = ? and sku = ? and sold_at > ? and sold_at <= ?",
                Integer.class,
                merchantId,
                sku,
                Timestamp.from(since),
                Timestamp.from(until));
        return units == null ? 0 : units;
    }

    /** Units sold per SKU on a channel after {@code since} up to {@code until}. */
    Map<String, Integer> unitsSoldOn(String merchantId, String channel, Instant since, Instant until) {
        Map<String, Integer> units = new LinkedHashMap<>();
        jdbc.query(
                "select sku, sum(units) from insight_sale where merchant_id = ? and channel = ?"
                        + " and sold_at > ? and sold_at <= ? group by sku",
                rs -> {
                    units.put(rs.getString(1), rs.getInt(2));
                },
                merchantId,
                channel,
                Timestamp.from(since),
                Timestamp.from(until));
        return units;
    }

    /** Units of the SKU sold per day from {@code first} to {@code last}, zero for days without sales. */
    double[] dailyUnits(String merchantId, String sku, LocalDate first, LocalDate last) {
        int days = (int) ChronoUnit.DAYS.between(first, last) + 1;
        double[] units = new double[Math.max(0, days)];
        jdbc.query(
                "select sale_day, units from insight_sku_day where merchant_id = ? and sku = ?"
                        + " and sale_day >= ? and sale_day <= ?",
                rs -> {
                    int index =
                            (int) ChronoUnit.DAYS.between(first, rs.getDate(1).toLocalDate());
                    units[index] = Math.max(0, rs.getInt(2));
                },
                merchantId,
                sku,
                Date.valueOf(first),
                Date.valueOf(last));
        return units;
    }

    /** Orders per hour of each channel of the merchant (or the one named) from {@code from} up to {@code to}. */
    Map<String, Map<Instant, Integer>> channelHours(String merchantId, String channel, Instant from, Instant to) {
        Map<String, Map<Instant, Integer>> hours = new LinkedHashMap<>();
        jdbc.query(
                "select channel, hour_start, orders from insight_channel_hour where merchant_id = ?"
                        + " and hour_start >= ? and hour_start < ?" + (channel == null ? "" : " and channel = ?")
                        + " order by channel, hour_start",
                rs -> {
                    hours.computeIfAbsent(rs.getString(1), c -> new LinkedHashMap<>())
                            .put(rs.getTimestamp(2).toInstant(), rs.getInt(3));
                },
                channel == null
                        ? new Object[] {merchantId, Timestamp.from(from), Timestamp.from(to)}
                        : new Object[] {merchantId, Timestamp.from(from), Timestamp.from(to), channel});
        return hours;
    }

    /** The first hour with orders of each of the merchant's channels. */
    Map<String, Instant> channelsSince(String merchantId) {
        Map<String, Instant> since = new LinkedHashMap<>();
        jdbc.query(
                "select channel, min(hour_start) from insight_channel_hour where merchant_id = ? group by channel",
                rs -> {
                    since.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                },
                merchantId);
        return since;
    }

    /** Forgets sales older than {@code before}; their days stay counted. */
    int prune(Instant before) {
        return jdbc.update("delete from insight_sale where sold_at < ?", Timestamp.from(before));
    }

    void clear() {
        for (String table :
                List.of("insight_sale", "insight_order", "insight_sku_day", "insight_channel_hour", "insight_sku")) {
            jdbc.update("delete from " + table);
        }
    }

    private void addDay(String merchantId, String sku, LocalDate day, int units) {
        add(
                "update insight_sku_day set units = units + ? where merchant_id = ? and sku = ? and sale_day = ?",
                "insert into insight_sku_day (units, merchant_id, sku, sale_day) values (?, ?, ?, ?)",
                units,
                merchantId,
                sku,
                Date.valueOf(day));
    }

    /** An increment: the update, or the insert when there is no row yet (one writer per row: the processor). */
    private void add(String update, String insert, Object... arguments) {
        if (jdbc.update(update, arguments) == 0) {
            jdbc.update(insert, arguments);
        }
    }

    private String write(Map<String, Integer> units) {
        try {
            return json.writeValueAsString(units);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Integer> read(String units) {
        try {
            return json.readValue(units, UNITS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable order lines: " + units, e);
        }
    }
}
