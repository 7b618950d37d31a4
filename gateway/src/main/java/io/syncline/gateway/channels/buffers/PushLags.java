package io.syncline.gateway.channels.buffers;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The channels' recent push lags, from a wanted quantity's change to the channel's acknowledgement. */
@Component
class PushLags {

    private final JdbcTemplate jdbc;

    PushLags(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The 99th percentile of the channel's last {@code samples} lags since {@code since}; empty with none. */
    OptionalLong p99(String merchantId, String channelId, int samples, Instant since) {
        List<Long> lags = jdbc.queryForList(
                "select lag_ms from channel_push_lags where merchant_id = ? and channel_id = ? and acknowledged_at >= ?"
                        + " order by acknowledged_at desc fetch first " + samples + " rows only",
                Long.class,
                merchantId,
                channelId,
                Timestamp.from(since));
        if (lags.isEmpty()) {
            return OptionalLong.empty();
        }
        long[] sorted = lags.stream().mapToLong(Long::longValue).sorted().toArray();
        // nearest rank: the smallest lag that at least 99% of the samples do not exceed
        int rank = (int) Math.ceil(0.99 * sorted.length);
        return OptionalLong.of(sorted[Math.max(0, rank - 1)]);
    }

    int forget(Instant before) {
        return jdbc.update("delete from channel_push_lags where acknowledged_at < ?", Timestamp.from(before));
    }
}
