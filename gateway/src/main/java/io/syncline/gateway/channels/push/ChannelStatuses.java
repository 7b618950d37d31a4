package io.syncline.gateway.channels.push;

import io.syncline.gateway.channels.ChannelRegistry;
import java.sql.Timestamp;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** A channel's sync status, from its listings, its deliveries and its breaker. */
@Service
public class ChannelStatuses {

    private final ChannelRegistry registry;
    private final JdbcTemplate jdbc;
    private final ChannelResilience resilience;

    ChannelStatuses(ChannelRegistry registry, JdbcTemplate jdbc, ChannelResilience resilience) {
        this.registry = registry;
        this.jdbc = jdbc;
        this.resilience = resilience;
    }

    public Optional<ChannelStatus> of(String merchantId, String channelId) {
        return registry.find(merchantId, channelId).map(channel -> {
            Map<String, Object> pushes = jdbc.queryForMap(
                    "select count(*) as listings,"
                            + " sum(case when next_push_at is not null then 1 else 0 end) as pending,"
                            + " sum(case when push_attempts > 0 then 1 else 0 end) as failed,"
                            + " sum(case when wanted_quantity is not null and (channel_quantity is null"
                            + " or channel_quantity <> wanted_quantity) then 1 else 0 end) as out_of_sync,"
                            + " max(pushed_at) as last_push from channel_listings where merchant_id = ?"
                            + " and channel_id = ?",
                    merchantId,
                    channelId);
            Long lag = jdbc
                    .queryForList(
                            "select push_lag_ms from channel_listings where merchant_id = ? and channel_id = ?"
                                    + " and acknowledged_at is not null order by acknowledged_at desc"
                                    + " fetch first 1 rows only",
                            Long.class,
                            merchantId,
                            channelId)
                    .stream()
                    .findFirst()
                    .orElse(null);
            Map<String, Object> deliveries = jdbc.queryForMap(
                    "select max(received_at) as last_delivery,"
                            + " sum(case when status = 'FAILED' then 1 else 0 end) as failed"
                            + " from channel_deliveries where merchant_id = ? and channel_id = ?",
                    merchantId,
                    channelId);
            return new ChannelStatus(
                    channelId,
                    channel.kind(),
                    channel.enabled(),
                    resilience.state(merchantId, channelId).name(),
                    number(pushes.get("pending")),
                    number(pushes.get("failed")),
                    instant(pushes.get("last_push")),
                    lag,
                    instant(deliveries.get("last_delivery")),
                    number(deliveries.get("failed")),
                    number(pushes.get("listings")),
                    number(pushes.get("out_of_sync")));
        });
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    private static java.time.Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return value instanceof java.time.Instant i ? i : null;
    }
}
