package io.syncline.inventory.history;

import io.syncline.api.orders.OrderEvents.OrderPlaced;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * The channel of each order a history names, from the order's first event in the event store (the order is
 * placed with it); asked once per order per answer.
 */
final class OrderChannels implements Function<String, String> {

    private final EventStore events;
    private final Map<String, String> known = new HashMap<>();

    OrderChannels(EventStore events) {
        this.events = events;
    }

    @Override
    public String apply(String orderId) {
        return known.computeIfAbsent(orderId, this::read);
    }

    private String read(String orderId) {
        DomainEventStream stream = events.readEvents(orderId, 0);
        if (stream.hasNext() && stream.next().getPayload() instanceof OrderPlaced placed) {
            return placed.channel();
        }
        return null;
    }
}
