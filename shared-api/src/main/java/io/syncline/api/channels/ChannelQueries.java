package io.syncline.api.channels;

import java.time.Instant;

/** Queries on what the gateway holds of the channels. */
public final class ChannelQueries {

    private ChannelQueries() {}

    /**
     * The webhook deliveries of a channel that may move stock (orders and their changes, never stock reports) it
     * received by {@code receivedBy} and has not applied yet. Answers an {@link OrderDeliveryBacklog}. A stock report
     * the channel sent after such a sale is explained once it is applied.
     */
    public record FindOrderDeliveryBacklog(String merchantId, String channelId, Instant receivedBy) {}

    /** {@code unattempted}: waiting for their first attempt; {@code retrying}: failed, to be tried again. */
    public record OrderDeliveryBacklog(int unattempted, int retrying) {

        public boolean empty() {
            return unattempted == 0 && retrying == 0;
        }
    }
}
