package io.syncline.gateway.channels.push;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What the channels report their listings show, taken onto the listings' rows together with what we wanted
 * them to show at that moment, so that a report can be judged against our books as they were then.
 */
@Repository
class ListingReports {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    @Autowired
    ListingReports(JdbcTemplate jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    ListingReports(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Whether a report was taken ({@code false}: a later one had been), whether it told us anything new
     * ({@code false}: the channel shows what we believed, e.g. Shopify echoing our own push), and the listing as
     * it stood when it was taken: its wanted quantity, its channel's buffer, the quantity of a push under way.
     */
    record Reported(
            String sku,
            boolean taken,
            boolean changed,
            Integer wanted,
            Integer buffer,
            Integer pushing,
            Belief believed) {}

    /**
     * What we knew the channel to show before a report: {@code quantity}, shown certainly since {@code at} and
     * possibly since {@code from} (the send of the push that set it, or the report that told it).
     */
    record Belief(int quantity, Instant from, Instant at) {}

    private record Before(Integer channelQuantity, Integer wanted, Integer buffer, Integer pushing, Belief belief) {}

    /** The listing of the channel's item: Shopify's inventory item, or TikTok Shop's SKU id. */
    Optional<String> skuOfItem(String merchantId, String channelId, String channelItemId) {
        return jdbc
                .queryForList(
                        "select sku from channel_listings where merchant_id = ? and channel_id = ?"
                                + " and (inventory_item_id = ? or sku_id = ?)",
                        String.class,
                        merchantId,
                        channelId,
                        channelItemId,
                        channelItemId)
                .stream()
                .findFirst();
    }

    /**
     * Takes what the channel reports it shows, unless a later report was taken already, and makes a push due
     * when it is not what we want. Empty when no listing of the channel is the SKU.
     */
    Optional<Reported> reported(String merchantId, String channelId, String sku, int quantity, Instant at) {
        Instant now = clock.instant();
        Timestamp when = Timestamp.from(at != null ? at : now);
        List<Before> rows = jdbc.query(
                "select l.channel_quantity, l.channel_quantity_at, l.channel_quantity_since, l.wanted_quantity,"
                        + " l.pushing_quantity, " + Buffers.EFFECTIVE + " as buffer"
                        + " from channel_listings l join channels c on c.merchant_id = l.merchant_id"
                        + " and c.channel_id = l.channel_id where l.merchant_id = ? and l.channel_id = ? and l.sku = ?",
                (rs, n) -> new Before(
                        rs.getObject("channel_quantity", Integer.class),
                        rs.getObject("wanted_quantity", Integer.class),
                        rs.getObject("buffer", Integer.class),
                        rs.getObject("pushing_quantity", Integer.class),
                        belief(
                                rs.getObject("channel_quantity", Integer.class),
                                rs.getTimestamp("channel_quantity_since"),
                                rs.getTimestamp("channel_quantity_at"))),
                merchantId,
                channelId,
                sku);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Before before = rows.get(0);
        // Shopify's updated_at and TikTok's update_time are whole seconds, our acknowledgements are not: a change
        // made on the channel in the second of our last push is not older than it (to the microsecond the database
        // keeps)
        Timestamp notBefore = at != null && at.getNano() == 0 ? Timestamp.from(at.plusNanos(999_999_000)) : when;
        int taken = jdbc.update(
                // a whole-second time taken in the second of our acknowledgement keeps the acknowledgement's time:
                // a read-back begun before that push landed stays older than it
                "update channel_listings set channel_quantity = ?, channel_quantity_since = ?,"
                        + " channel_quantity_at = greatest(coalesce(channel_quantity_at, ?), ?),"
                        + " next_push_at = case when wanted_quantity is not null and wanted_quantity <> ?"
                        + " then coalesce(next_push_at, ?) else next_push_at end, updated_at = ?"
                        + " where merchant_id = ? and channel_id = ? and sku = ?"
                        + " and (channel_quantity_at is null or channel_quantity_at <= ?)",
                quantity,
                when,
                when,
                when,
                quantity,
                Timestamp.from(now),
                Timestamp.from(now),
                merchantId,
                channelId,
                sku,
                notBefore);
        return Optional.of(new Reported(
                sku,
                taken == 1,
                !Objects.equals(before.channelQuantity(), quantity),
                before.wanted(),
                before.buffer(),
                before.pushing(),
                before.belief()));
    }

    private static Belief belief(Integer quantity, Timestamp since, Timestamp at) {
        if (quantity == null || at == null) {
            return null;
        }
        return new Belief(quantity, (since != null ? since : at).toInstant(), at.toInstant());
    }
}
