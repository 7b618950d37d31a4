package io.syncline.gateway.channels.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.syncline.api.channels.ChannelQueries.OrderDeliveryBacklog;
import io.syncline.gateway.channels.WebhookDelivery;
import io.syncline.gateway.channels.shopify.ShopifyWebhooks;
import io.syncline.gateway.channels.tiktok.TikTokWebhooks;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The webhook inbox. Every statement commits on its own: a delivery is stored (and its duplicates refused
 * by the unique dedupe key, also when copies arrive at once) before the platform is answered.
 */
@Repository
class DeliveryInbox {

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};
    private static final String VIEW_COLUMNS =
            "delivery_id, topic, received_at, status, attempts, error, order_id, next_attempt_at";
    private static final int CANDIDATES = 8;
    /** The topics that only report stock, as each platform's adapter names them; any other may be a sale. */
    private static final List<String> STOCK_REPORTS = Stream.concat(
                    ShopifyWebhooks.STOCK_REPORT_TOPICS.stream(), TikTokWebhooks.STOCK_REPORT_TOPICS.stream())
            .sorted()
            .toList();

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    @Autowired
    DeliveryInbox(JdbcTemplate jdbc, ObjectMapper json) {
        this(jdbc, json, Clock.systemUTC());
    }

    DeliveryInbox(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Deliveries of a channel received by {@code receivedBy} and not applied yet, stock reports aside: sales and
     * their changes the channel announced that our books do not show yet, those waiting for their first attempt
     * and those failed and to be tried again.
     */
    OrderDeliveryBacklog pendingOrders(String merchantId, String channelId, Instant receivedBy) {
        List<Object> args = new ArrayList<>(List.of(merchantId, channelId, Timestamp.from(receivedBy)));
        args.addAll(STOCK_REPORTS);
        return jdbc.queryForObject(
                "select coalesce(sum(case when attempts = 0 then 1 else 0 end), 0),"
                        + " coalesce(sum(case when attempts > 0 then 1 else 0 end), 0)"
                        + " from channel_deliveries where merchant_id = ? and channel_id = ?"
                        + " and next_attempt_at is not null and received_at <= ? and topic not in ("
                        + String.join(", ", Collections.nCopies(STOCK_REPORTS.size(), "?")) + ")",
                (rs, i) -> new OrderDeliveryBacklog(rs.getInt(1), rs.getInt(2)),
                args.toArray());
    }

    /** Where a delivery was stored; {@code seenBefore} when an earlier copy holds its dedupe key. */
    record Stored(String deliveryId, boolean seenBefore) {}

    Stored store(
            String merchantId,
            String channelId,
            String dedupeKey,
            WebhookDelivery delivery,
            Map<String, String> headers,
            String correlationId) {
        String id = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(clock.instant());
        try {
            jdbc.update(
                    "insert into channel_deliveries (delivery_id, merchant_id, channel_id, dedupe_key, topic, body,"
                            + " headers, correlation_id, sent_at, received_at, status, attempts, next_attempt_at,"
                            + " updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED', 0, ?, ?)",
                    id,
                    merchantId,
                    channelId,
                    dedupeKey,
                    delivery.topic(),
                    delivery.body(),
                    write(headers),
                    correlationId,
                    delivery.sentAt() == null ? null : Timestamp.from(delivery.sentAt()),
                    now,
                    now,
                    now);
            return new Stored(id, false);
        } catch (DuplicateKeyException seen) {
            String existing = jdbc.queryForObject(
                    "select delivery_id from channel_deliveries where merchant_id = ? and channel_id = ?"
                            + " and dedupe_key = ?",
                    String.class,
                    merchantId,
                    channelId,
                    dedupeKey);
            return new Stored(existing, true);
        }
    }

    /**
     * Claims one delivery that is due: hidden from every other processor until {@code claimTimeout} has
     * passed or it is finished. Empty when none is due.
     */
    Optional<StoredDelivery> claimNext(Duration claimTimeout) {
        Timestamp now = Timestamp.from(clock.instant());
        List<String> due = jdbc.queryForList(
                "select delivery_id from channel_deliveries where next_attempt_at <= ?"
                        + " and (claimed_until is null or claimed_until < ?) order by next_attempt_at"
                        + " fetch first " + CANDIDATES + " rows only",
                String.class,
                now,
                now);
        Timestamp until = Timestamp.from(now.toInstant().plus(claimTimeout));
        for (String id : due) {
            int claimed = jdbc.update(
                    "update channel_deliveries set claimed_until = ? where delivery_id = ? and next_attempt_at <= ?"
                            + " and (claimed_until is null or claimed_until < ?)",
                    until,
                    id,
                    now,
                    now);
            if (claimed == 1) {
                return Optional.of(jdbc.queryForObject(
                        "select delivery_id, merchant_id, channel_id, topic, body, headers, correlation_id, sent_at,"
                                + " status, attempts from channel_deliveries where delivery_id = ?",
                        this::stored,
                        id));
            }
        }
        return Optional.empty();
    }

    /** Records an attempt's outcome and gives up the claim; {@code nextAttemptAt} null means no retry. */
    void finish(String deliveryId, Outcome outcome, int attempts, Instant nextAttemptAt) {
        jdbc.update(
                "update channel_deliveries set status = ?, attempts = ?, error = ?, order_id = coalesce(?, order_id),"
                        + " next_attempt_at = ?, claimed_until = null, updated_at = ? where delivery_id = ?",
                outcome.status().name(),
                attempts,
                outcome.detail() == null ? null : clip(outcome.detail(), 2000),
                outcome.orderId(),
                nextAttemptAt == null ? null : Timestamp.from(nextAttemptAt),
                Timestamp.from(clock.instant()),
                deliveryId);
    }

    /** Gives up the claim without counting an attempt, to try again at {@code at}. */
    void postpone(String deliveryId, Instant at) {
        jdbc.update(
                "update channel_deliveries set next_attempt_at = ?, claimed_until = null where delivery_id = ?",
                Timestamp.from(at),
                deliveryId);
    }

    /** Deletes the deliveries that are done (no attempt pending, no claim) and last changed before {@code before}. */
    int purgeDoneBefore(Instant before) {
        return jdbc.update(
                "delete from channel_deliveries where next_attempt_at is null and claimed_until is null"
                        + " and updated_at < ?",
                Timestamp.from(before));
    }

    /** Makes a failed delivery due now; empty when the channel has no such delivery. */
    Optional<DeliveryView> retryNow(String merchantId, String channelId, String deliveryId) {
        Optional<DeliveryView> current = find(merchantId, channelId, deliveryId);
        if (current.isEmpty() || current.get().status() != DeliveryStatus.FAILED) {
            return current;
        }
        jdbc.update(
                "update channel_deliveries set next_attempt_at = ?, updated_at = ? where delivery_id = ?"
                        + " and status = 'FAILED'",
                Timestamp.from(clock.instant()),
                Timestamp.from(clock.instant()),
                deliveryId);
        return find(merchantId, channelId, deliveryId);
    }

    Optional<DeliveryView> find(String merchantId, String channelId, String deliveryId) {
        return jdbc
                .query(
                        "select " + VIEW_COLUMNS + " from channel_deliveries where merchant_id = ? and channel_id = ?"
                                + " and delivery_id = ?",
                        VIEW,
                        merchantId,
                        channelId,
                        deliveryId)
                .stream()
                .findFirst();
    }

    /** A channel's deliveries, newest first, of one status when given. */
    List<DeliveryView> page(String merchantId, String channelId, DeliveryStatus status, int page, int size) {
        List<Object> args = new ArrayList<>(List.of(merchantId, channelId));
        String where = "merchant_id = ? and channel_id = ?";
        if (status != null) {
            where += " and status = ?";
            args.add(status.name());
        }
        args.add((long) page * size);
        args.add(size);
        return jdbc.query(
                "select " + VIEW_COLUMNS + " from channel_deliveries where " + where
                        + " order by received_at desc, delivery_id offset ? rows fetch next ? rows only",
                VIEW,
                args.toArray());
    }

    long count(String merchantId, String channelId, DeliveryStatus status) {
        if (status == null) {
            return jdbc.queryForObject(
                    "select count(*) from channel_deliveries where merchant_id = ? and channel_id = ?",
                    Long.class,
                    merchantId,
                    channelId);
        }
        return jdbc.queryForObject(
                "select count(*) from channel_deliveries where merchant_id = ? and channel_id = ? and status = ?",
                Long.class,
                merchantId,
                channelId,
                status.name());
    }

    private static final RowMapper<DeliveryView> VIEW = (rs, n) -> new DeliveryView(
            rs.getString("delivery_id"),
            rs.getString("topic"),
            instant(rs, "received_at"),
            DeliveryStatus.valueOf(rs.getString("status")),
            rs.getInt("attempts"),
            rs.getString("error"),
            rs.getString("order_id"),
            instant(rs, "next_attempt_at"));

    private StoredDelivery stored(ResultSet rs, int n) throws SQLException {
        return new StoredDelivery(
                rs.getString("delivery_id"),
                rs.getString("merchant_id"),
                rs.getString("channel_id"),
                rs.getString("topic"),
                rs.getBytes("body"),
                read(rs.getString("headers")),
                rs.getString("correlation_id"),
                instant(rs, "sent_at"),
                DeliveryStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private String write(Map<String, String> headers) {
        try {
            return clip(json.writeValueAsString(headers), 4000);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }

    private Map<String, String> read(String headers) {
        try {
            return json.readValue(headers, HEADERS);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    private static String clip(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
