package io.syncline.api.channels;

import java.time.Instant;

/** Queries on what the gateway holds of the channels. */
public final class ChannelQueries {

    private ChannelQueries() {}

    /**
     * How many webhook deliveries of a channel that may move stock (orders and their changes, never stock reports)
     * were received by {@code receivedBy} and are not applied yet: waiting, or failed and to be tried again. Answers
     * an {@link Integer}. A stock report the channel sent after such a sale is explained once it is applied.
     */
    public record CountPendingOrderDeliveries(String merchantId, String channelId, Instant receivedBy) {}
}
