package io.syncline.gateway.channels.push;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The durable push state of every listing: one row per (channel, SKU) holding the wanted quantity, what we
 * believe the channel shows, when a push is due and what a push under way is sending. A burst of stock changes rewrites one row; the push
 * that follows sends only its newest value.
 */
@Repository
class PushBook {

    /** The due time of a push that goes before every other waiting: earlier than any push is ever due. */
    static final Timestamp AHEAD = Timestamp.from(Instant.EPOCH);

    private static final int CANDIDATES = 8;
    private static final String LISTINGS = "select l.merchant_id, l.channel_id, l.sku, l.wanted_quantity,"
            + " l.channel_quantity, l.next_push_at, " + Buffers.EFFECTIVE + " as buffer, c.enabled, s.available"
            + " from channel_listings l join channels c on c.merchant_id = l.merchant_id"
            + " and c.channel_id = l.channel_id left join channel_stock_levels s on s.merchant_id = l.merchant_id"
            + " and s.sku = l.sku where l.merchant_id = ? and ";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration coalesce;

    @Autowired
    PushBook(JdbcTemplate jdbc, PushProperties properties) {
        this(jdbc, Clock.systemUTC(), properties.coalesce());
    }

    /** @param coalesce how long a change waits for the changes that follow it before it is pushed */
    PushBook(JdbcTemplate jdbc, Clock clock, Duration coalesce) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.coalesce = coalesce;
    }

    /** Records a SKU's available stock and what its listings should show now; true when a push became due. */
    boolean stockChanged(String merchantId, String sku, int available, Instant at) {
        Timestamp changed = Timestamp.from(at);
        int updated = jdbc.update(
                "update channel_stock_levels set available = ?, changed_at = ? where merchant_id = ? and sku = ?"
                        + " and changed_at <= ?",
                available,
                changed,
                merchantId,
                sku,
                changed);
        if (updated == 0) {
            try {
                jdbc.update(
                        "insert into channel_stock_levels (merchant_id, sku, available, changed_at) values (?, ?, ?, ?)",
                        merchantId,
                        sku,
                        available,
                        changed);
            } catch (DuplicateKeyException newerKnown) {
                // a later change of the SKU was recorded already: it stands
                return false;
            }
        }
        return recompute(LISTINGS + "l.sku = ?", merchantId, sku);
    }

    /**
     * Makes a push due for every listing of the SKU on an enabled channel, even one whose channel we believe shows
     * what we want (it may not: a push carries what we believe, so a stale channel is read and reported), ahead of
     * every push waiting: it carries a decision just taken on a conflict, and the channel's rate limit otherwise
     * holds it behind a whole round of the channel's listings. The push is a new intent, so its wanted time moves
     * and it has its own idempotency key. True when any fell due.
     */
    boolean pushAgain(String merchantId, String sku) {
        Timestamp now = Timestamp.from(clock.instant());
        int due = jdbc.update(
                "update channel_listings set next_push_at = ?, wanted_changed_at = ?, push_attempts = 0"
                        + " where merchant_id = ? and sku = ? and wanted_quantity is not null and exists (select 1"
                        + " from channels c where c.merchant_id = channel_listings.merchant_id"
                        + " and c.channel_id = channel_listings.channel_id and c.enabled)",
                AHEAD,
                now,
                merchantId,
                sku);
        return due > 0;
    }

    /** How long a change waits for the ones that follow it before it is pushed. */
    Duration coalesce() {
        return coalesce;
    }

    /** After a listing was linked or changed. */
    boolean listingChanged(String merchantId, String channelId, String sku) {
        return recompute(LISTINGS + "l.channel_id = ? and l.sku = ?", merchantId, channelId, sku);
    }

    /** After a channel's buffer or enabled state changed. */
    boolean channelChanged(String merchantId, String channelId) {
        return recompute(LISTINGS + "l.channel_id = ?", merchantId, channelId);
    }

    private record Listing(
            String merchantId,
            String channelId,
            String sku,
            Integer wanted,
            Integer channelQuantity,
            Instant nextPushAt,
            int buffer,
            boolean enabled,
            Integer available) {}

    /** Sets each listing's wanted quantity max(0, available − buffer) and whether a push is due. */
    private boolean recompute(String query, Object... args) {
        Instant now = clock.instant();
        boolean due = false;
        for (Listing l : jdbc.query(query, PushBook::listing, args)) {
            Integer wanted = l.wanted();
            if (l.available() != null) {
                wanted = Math.max(0, l.available() - l.buffer());
            }
            boolean pending = l.enabled() && wanted != null && !wanted.equals(l.channelQuantity());
            Instant next = pending ? (l.nextPushAt() != null ? l.nextPushAt() : now.plus(coalesce)) : null;
            boolean wantedChanged = !Objects.equals(wanted, l.wanted());
            if (wantedChanged || !Objects.equals(next, l.nextPushAt())) {
                // whether a push is due is judged against the row as it is now: a report or an acknowledgement may
                // have changed what we believe the channel shows since it was read above
                jdbc.update(
                        "update channel_listings set wanted_quantity = ?,"
                                + " next_push_at = case when cast(? as boolean)"
                                + " and (channel_quantity is null or channel_quantity <> cast(? as integer))"
                                + " then coalesce(next_push_at, cast(? as timestamp with time zone)) else null end,"
                                + " wanted_changed_at = case when ? then ? else wanted_changed_at end,"
                                + " push_attempts = case when ? then 0 else push_attempts end"
                                + " where merchant_id = ? and channel_id = ? and sku = ?",
                        wanted,
                        l.enabled() && wanted != null,
                        wanted,
                        Timestamp.from(now.plus(coalesce)),
                        wantedChanged,
                        Timestamp.from(now),
                        wantedChanged,
                        l.merchantId(),
                        l.channelId(),
                        l.sku());
            }
            due |= pending;
        }
        return due;
    }

    /** Claims one listing whose push is due, hidden from other workers until {@code claimTimeout}. */
    Optional<PushTarget> claimNext(Duration claimTimeout) {
        Timestamp now = Timestamp.from(clock.instant());
        Timestamp until = Timestamp.from(clock.instant().plus(claimTimeout));
        List<Object[]> due = jdbc.query(
                "select merchant_id, channel_id, sku from channel_listings where next_push_at <= ?"
                        + " and (push_claimed_until is null or push_claimed_until < ?) order by next_push_at"
                        + " fetch first " + CANDIDATES + " rows only",
                (rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3)},
                now,
                now);
        for (Object[] key : due) {
            int claimed = jdbc.update(
                    // the quantity it will send is what it is pushing until the channel answers
                    "update channel_listings set push_claimed_until = ?, pushing_quantity = wanted_quantity,"
                            + " pushing_since = ? where merchant_id = ? and channel_id = ?"
                            + " and sku = ? and next_push_at <= ? and (push_claimed_until is null"
                            + " or push_claimed_until < ?)",
                    until,
                    now,
                    key[0],
                    key[1],
                    key[2],
                    now,
                    now);
            if (claimed == 1) {
                return Optional.of(jdbc.queryForObject(
                        "select merchant_id, channel_id, sku, inventory_item_id, product_id, sku_id, channel_quantity,"
                                + " wanted_quantity, push_attempts, wanted_changed_at from channel_listings"
                                + " where merchant_id = ? and channel_id = ? and sku = ?",
                        PushBook::target,
                        key));
            }
        }
        return Optional.empty();
    }

    /** The channel shows {@code sent} now; another push is due at once if the wanted quantity moved meanwhile. */
    void acknowledged(PushTarget target, int sent) {
        Instant now = clock.instant();
        Long lag = target.wantedChangedAt() == null
                ? null
                : Duration.between(target.wantedChangedAt(), now).toMillis();
        jdbc.update(
                // the channel may show it since the push was sent, and certainly does since now
                "update channel_listings set channel_quantity = ?, channel_quantity_at = ?, pushed_at = ?,"
                        + " channel_quantity_since = coalesce(pushing_since, cast(? as timestamp with time zone)),"
                        + " acknowledged_at = ?, push_lag_ms = coalesce(cast(? as bigint), push_lag_ms), push_attempts = 0,"
                        + " push_error = null, push_claimed_until = null, pushing_quantity = null, pushing_since = null,"
                        + " next_push_at = case when wanted_quantity <> ? then cast(? as timestamp with time zone)"
                        + " else null end"
                        + " where merchant_id = ? and channel_id = ? and sku = ?",
                sent,
                Timestamp.from(now),
                Timestamp.from(now),
                Timestamp.from(now),
                Timestamp.from(now),
                lag,
                sent,
                Timestamp.from(now.plus(coalesce)),
                target.merchantId(),
                target.channelId(),
                target.sku());
        if (lag != null) {
            // the adaptive buffers take the recent lags of the channels they compute (AUTO); the others keep none
            jdbc.update(
                    "insert into channel_push_lags (merchant_id, channel_id, acknowledged_at, lag_ms)"
                            + " select merchant_id, channel_id, ?, ? from channels"
                            + " where merchant_id = ? and channel_id = ? and buffer_mode = 'AUTO'",
                    Timestamp.from(now),
                    lag,
                    target.merchantId(),
                    target.channelId());
        }
    }

    /** A push failed: tried again at {@code next}. */
    void failed(PushTarget target, String error, int attempts, Instant next) {
        jdbc.update(
                "update channel_listings set push_attempts = ?, push_error = ?, push_claimed_until = null,"
                        + " pushing_quantity = null, pushing_since = null, next_push_at = ? where merchant_id = ? and channel_id = ? and sku = ?",
                attempts,
                error.length() > 2000 ? error.substring(0, 1999) + "…" : error,
                Timestamp.from(next),
                target.merchantId(),
                target.channelId(),
                target.sku());
    }

    /** Not tried now (breaker open, rate limit, throttle): due again at {@code next}, no attempt counted. */
    void postpone(PushTarget target, Instant next) {
        jdbc.update(
                "update channel_listings set push_claimed_until = null, pushing_quantity = null, pushing_since = null,"
                        + " next_push_at = ?"
                        + " where merchant_id = ?"
                        + " and channel_id = ? and sku = ?",
                Timestamp.from(next),
                target.merchantId(),
                target.channelId(),
                target.sku());
    }

    /** Nothing to push any more (the channel is gone or disabled). */
    void unschedule(PushTarget target) {
        jdbc.update(
                "update channel_listings set push_claimed_until = null, pushing_quantity = null, next_push_at = null"
                        + " where merchant_id = ?"
                        + " and channel_id = ? and sku = ?",
                target.merchantId(),
                target.channelId(),
                target.sku());
    }

    /** Whether a push of the listing is under way, or was acknowledged at or after {@code since}. */
    boolean pushedSince(PushTarget listing, Instant since) {
        Integer n = jdbc.queryForObject(
                "select count(*) from channel_listings where merchant_id = ? and channel_id = ? and sku = ?"
                        + " and (push_claimed_until is not null or acknowledged_at >= ?)",
                Integer.class,
                listing.merchantId(),
                listing.channelId(),
                listing.sku(),
                Timestamp.from(since));
        return n != null && n > 0;
    }

    /** The listings of enabled channels, for reconciliation. */
    List<PushTarget> reconcilable() {
        return jdbc.query(
                "select l.merchant_id, l.channel_id, l.sku, l.inventory_item_id, l.product_id, l.sku_id,"
                        + " l.channel_quantity, l.wanted_quantity, l.push_attempts, l.wanted_changed_at"
                        + " from channel_listings l join channels c on c.merchant_id = l.merchant_id"
                        + " and c.channel_id = l.channel_id where c.enabled and l.wanted_quantity is not null"
                        + " and l.push_claimed_until is null",
                PushBook::target);
    }

    private static Listing listing(ResultSet rs, int n) throws SQLException {
        Timestamp next = rs.getTimestamp("next_push_at");
        return new Listing(
                rs.getString("merchant_id"),
                rs.getString("channel_id"),
                rs.getString("sku"),
                (Integer) rs.getObject("wanted_quantity", Integer.class),
                (Integer) rs.getObject("channel_quantity", Integer.class),
                next == null ? null : next.toInstant(),
                rs.getInt("buffer"),
                rs.getBoolean("enabled"),
                (Integer) rs.getObject("available", Integer.class));
    }

    private static PushTarget target(ResultSet rs, int n) throws SQLException {
        Timestamp changed = rs.getTimestamp("wanted_changed_at");
        return new PushTarget(
                rs.getString("merchant_id"),
                rs.getString("channel_id"),
                rs.getString("sku"),
                rs.getString("inventory_item_id"),
                rs.getString("product_id"),
                rs.getString("sku_id"),
                (Integer) rs.getObject("channel_quantity", Integer.class),
                rs.getInt("wanted_quantity"),
                rs.getInt("push_attempts"),
                changed == null ? null : changed.toInstant());
    }
}
