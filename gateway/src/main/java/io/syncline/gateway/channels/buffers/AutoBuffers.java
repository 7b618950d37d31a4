package io.syncline.gateway.channels.buffers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.syncline.api.inventory.Insights.ChannelSalesRates;
import io.syncline.api.inventory.Insights.FindChannelSalesRates;
import io.syncline.api.inventory.Insights.SkuRate;
import io.syncline.gateway.channels.ChannelChange;
import io.syncline.gateway.channels.PeriodicTask;
import io.syncline.gateway.messaging.ServiceCalls;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Computes the buffer of every listing of an enabled {@code AUTO} channel, every {@code interval}: from the
 * channel's own sales rate of the SKU (the inventory service's insights) and the channel's push lag p99. A listing
 * whose buffer changed has its wanted quantity computed again, which pushes it.
 */
@Component
public class AutoBuffers extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(AutoBuffers.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ServiceCalls calls;
    private final PushLags lags;
    private final AutoBufferProperties properties;
    private final ApplicationEventPublisher changes;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    AutoBuffers(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            ServiceCalls calls,
            PushLags lags,
            AutoBufferProperties properties,
            ApplicationEventPublisher changes,
            ObjectMapper json) {
        super("channel-auto-buffers", properties.interval());
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.calls = calls;
        this.lags = lags;
        this.properties = properties;
        this.changes = changes;
        this.json = json;
    }

    /** Computes every AUTO channel's buffers now; returns how many listings' buffers changed. */
    public int computeAll() {
        Instant now = clock.instant();
        lags.forget(now.minus(properties.lagWindow()));
        List<String[]> channels = jdbc.query(
                "select merchant_id, channel_id from channels where buffer_mode = 'AUTO' and enabled",
                (rs, n) -> new String[] {rs.getString(1), rs.getString(2)});
        int changed = 0;
        for (String[] channel : channels) {
            try {
                changed += compute(channel[0], channel[1], now);
            } catch (RuntimeException e) {
                // the inventory service may be away: the buffers stand as they are until the next round
                log.warn("Could not compute the buffers of channel {}: {}", channel[1], e.toString());
            }
        }
        return changed;
    }

    private int compute(String merchantId, String channelId, Instant now) {
        ChannelSalesRates rates = calls.query(
                new FindChannelSalesRates(merchantId, channelId), ResponseTypes.instanceOf(ChannelSalesRates.class));
        Map<String, Double> perDay = new HashMap<>();
        if (rates != null) {
            rates.items().forEach((SkuRate r) -> perDay.put(r.sku(), r.unitsPerDay()));
        }
        OptionalLong measured =
                lags.p99(merchantId, channelId, properties.lagSamples(), now.minus(properties.lagWindow()));
        long lag = measured.orElse(properties.defaultLag().toMillis());
        Integer bufferMax = jdbc.queryForObject(
                "select buffer_max from channels where merchant_id = ? and channel_id = ?",
                Integer.class,
                merchantId,
                channelId);
        Integer count = transactions.execute(status -> {
            int moved = 0;
            List<Object[]> listings = jdbc.query(
                    "select sku, auto_buffer from channel_listings where merchant_id = ? and channel_id = ?",
                    (rs, n) -> new Object[] {rs.getString(1), rs.getObject(2, Integer.class)},
                    merchantId,
                    channelId);
            for (Object[] listing : listings) {
                String sku = (String) listing[0];
                AutoBuffer buffer = AutoBuffer.of(
                        perDay.getOrDefault(sku, 0.0),
                        lag,
                        measured.isPresent(),
                        properties.safetyFactor(),
                        bufferMax,
                        now);
                jdbc.update(
                        "update channel_listings set auto_buffer = ?, buffer_reason = ?"
                                + " where merchant_id = ? and channel_id = ? and sku = ?",
                        buffer.buffer(),
                        write(buffer),
                        merchantId,
                        channelId,
                        sku);
                if (!Objects.equals(listing[1], buffer.buffer())) {
                    moved++;
                }
            }
            return moved;
        });
        int moved = count == null ? 0 : count;
        if (moved > 0) {
            // outside the transaction above, the channel's wanted quantities follow the new buffers
            changes.publishEvent(new ChannelChange(merchantId, channelId, null));
        }
        return moved;
    }

    private String write(AutoBuffer buffer) {
        try {
            return json.writeValueAsString(buffer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected void runOnce() {
        try {
            computeAll();
        } catch (RuntimeException e) {
            log.warn("Computing the adaptive buffers failed: {}", e.toString());
        }
    }
}
