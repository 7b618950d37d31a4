package io.syncline.gateway.channels.webhooks;

import io.syncline.api.channels.ChannelEvents.ChannelOrderRedelivered;
import io.syncline.api.channels.ChannelEvents.ChannelOrderStatusRefused;
import io.syncline.api.orders.OrderLine;
import io.syncline.api.orders.OrderQueries.OrderView;
import io.syncline.api.orders.OrderStatus;
import io.syncline.gateway.channels.ChannelAccess;
import io.syncline.gateway.channels.ChannelNotice.OrderCreated;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.stereotype.Component;

/**
 * What a channel did with one of its orders that Syncline did not follow, published as a channel fact for the
 * conflict service: the order delivered again with other lines, a status the order's lifecycle refuses. A retried
 * delivery may publish it again; the fact names its delivery, so the listener can tell.
 */
@Component
class ChannelOrderFacts {

    private final EventGateway events;
    private final Clock clock = Clock.systemUTC();

    ChannelOrderFacts(EventGateway events) {
        this.events = events;
    }

    /** An order's move as the channel delivered it: which order, and the delivery that said so. */
    record Moved(ChannelAccess channel, String channelOrderId, String orderId, String deliveryId) {

        String merchantId() {
            return channel.merchantId();
        }
    }

    /** The creation of an order that exists already: published when its lines (merged per SKU) are not the order's. */
    void redelivered(ChannelAccess channel, OrderCreated created, OrderView order, String deliveryId) {
        List<OrderLine> theirs = merged(created.lines());
        List<OrderLine> ours = merged(order.lines());
        if (perSku(theirs).equals(perSku(ours))) {
            return;
        }
        events.publish(new ChannelOrderRedelivered(
                channel.merchantId(),
                channel.channelId(),
                created.channelOrderId(),
                order.orderId(),
                theirs,
                ours,
                deliveryId,
                clock.instant()));
    }

    /** The channel moved the order where its lifecycle here does not go; the order keeps {@code ours}. */
    void refused(Moved moved, OrderStatus ours, OrderStatus theirs) {
        events.publish(new ChannelOrderStatusRefused(
                moved.merchantId(),
                moved.channel().channelId(),
                moved.channelOrderId(),
                moved.orderId(),
                ours,
                theirs,
                moved.deliveryId(),
                clock.instant()));
    }

    /** One line per SKU, in the order the SKUs first appear. */
    static List<OrderLine> merged(List<OrderLine> lines) {
        return perSku(lines).entrySet().stream()
                .map(e -> new OrderLine(e.getKey(), e.getValue()))
                .toList();
    }

    private static Map<String, Integer> perSku(List<OrderLine> lines) {
        Map<String, Integer> units = new LinkedHashMap<>();
        for (OrderLine line : lines) {
            units.merge(line.sku(), line.quantity(), Integer::sum);
        }
        return units;
    }
}
