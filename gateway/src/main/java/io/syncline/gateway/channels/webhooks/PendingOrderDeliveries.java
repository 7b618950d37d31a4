package io.syncline.gateway.channels.webhooks;

import io.syncline.api.channels.ChannelQueries.FindOrderDeliveryBacklog;
import io.syncline.api.channels.ChannelQueries.OrderDeliveryBacklog;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers from the inbox what a channel announced that our books may not show yet. */
@Component
class PendingOrderDeliveries {

    private final DeliveryInbox inbox;

    PendingOrderDeliveries(DeliveryInbox inbox) {
        this.inbox = inbox;
    }

    @QueryHandler
    OrderDeliveryBacklog handle(FindOrderDeliveryBacklog query) {
        return inbox.pendingOrders(query.merchantId(), query.channelId(), query.receivedBy());
    }
}
