package io.syncline.conflicts.detection;

import io.syncline.api.channels.ChannelQueries.FindOrderDeliveryBacklog;
import io.syncline.api.channels.ChannelQueries.OrderDeliveryBacklog;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a channel announced that our books may not show yet: its order deliveries the gateway received and has not
 * applied. A shop reports its quantity with its own sale taken off, often before the order itself arrives.
 */
@Component
class ChannelBacklog {

    private static final Logger log = LoggerFactory.getLogger(ChannelBacklog.class);
    /** A settle check never waits long on the gateway: unanswered, it judges by what it has. */
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private static final OrderDeliveryBacklog NONE = new OrderDeliveryBacklog(0, 0);

    private final QueryGateway queries;

    ChannelBacklog(QueryGateway queries) {
        this.queries = queries;
    }

    /**
     * The channel's order deliveries received by {@code by} and not applied yet; none when nobody can tell (the
     * gateway does not answer in time).
     */
    OrderDeliveryBacklog of(String merchantId, String channelId, Instant by) {
        try {
            OrderDeliveryBacklog backlog = queries.query(
                            new FindOrderDeliveryBacklog(merchantId, channelId, by), OrderDeliveryBacklog.class)
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return backlog == null ? NONE : backlog;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return NONE;
        } catch (ExecutionException | TimeoutException | RuntimeException unanswered) {
            log.warn(
                    "Cannot tell whether {} has order deliveries not yet applied ({}): its stock report is judged"
                            + " without waiting for them",
                    channelId,
                    unanswered.toString());
            return NONE;
        }
    }
}
