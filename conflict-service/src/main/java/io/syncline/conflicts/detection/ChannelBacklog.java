package io.syncline.conflicts.detection;

import io.syncline.api.channels.ChannelQueries.CountPendingOrderDeliveries;
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

    private final QueryGateway queries;

    ChannelBacklog(QueryGateway queries) {
        this.queries = queries;
    }

    /** Whether the channel's order deliveries received by {@code by} are all applied; true when nobody can tell. */
    boolean applied(String merchantId, String channelId, Instant by) {
        try {
            Integer pending = queries.query(new CountPendingOrderDeliveries(merchantId, channelId, by), Integer.class)
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return pending == null || pending == 0;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return true;
        } catch (ExecutionException | TimeoutException | RuntimeException unanswered) {
            log.warn(
                    "Cannot tell whether {} has order deliveries not yet applied ({}): its stock report is judged"
                            + " without waiting for them",
                    channelId,
                    unanswered.toString());
            return true;
        }
    }
}
