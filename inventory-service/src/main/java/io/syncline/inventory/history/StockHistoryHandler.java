package io.syncline.inventory.history;

import io.syncline.api.inventory.StockHistory.FindStockAt;
import io.syncline.api.inventory.StockHistory.ListStockChanges;
import io.syncline.api.inventory.StockHistory.StockAt;
import io.syncline.api.inventory.StockHistory.StockChange;
import io.syncline.api.inventory.StockHistory.StockChanges;
import io.syncline.api.inventory.StockIds;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Answers a SKU's past from its own events, read from the first one on (never from a snapshot), so that every
 * answer is what a replay up to that moment gives. A stock's events are in sequence order; the replay stops at the
 * first one later than asked.
 */
@Component
class StockHistoryHandler {

    private final EventStore events;

    StockHistoryHandler(EventStore events) {
        this.events = events;
    }

    @QueryHandler
    StockAt handle(FindStockAt query) {
        DomainEventStream stream = events.readEvents(StockIds.of(query.merchantId(), query.sku()), 0);
        if (!stream.hasNext()) {
            return null;
        }
        StockChangeFold fold = new StockChangeFold();
        ArrayDeque<StockChange> last = new ArrayDeque<>();
        boolean earlier = false;
        while (stream.hasNext() && !stream.peek().getTimestamp().isAfter(query.at())) {
            Optional<StockChange> change = fold.next(stream.next());
            if (change.isPresent()) {
                last.addLast(change.get());
                if (last.size() > query.limit()) {
                    last.removeFirst();
                    earlier = true;
                }
            }
        }
        return new StockAt(
                query.merchantId(),
                query.sku(),
                query.at(),
                fold.onHand(),
                fold.reserved(),
                fold.available(),
                withChannels(last),
                earlier);
    }

    @QueryHandler
    StockChanges handle(ListStockChanges query) {
        DomainEventStream stream = events.readEvents(StockIds.of(query.merchantId(), query.sku()), 0);
        if (!stream.hasNext()) {
            return null;
        }
        StockChangeFold fold = new StockChangeFold();
        List<StockChange> items = new ArrayList<>();
        boolean truncated = false;
        while (stream.hasNext() && !stream.peek().getTimestamp().isAfter(query.to())) {
            DomainEventMessage<?> event = stream.next();
            boolean inWindow = !event.getTimestamp().isBefore(query.from());
            Optional<StockChange> change = fold.next(event);
            if (inWindow && change.isPresent()) {
                if (items.size() == query.limit()) {
                    truncated = true;
                    break;
                }
                items.add(change.get());
            }
        }
        return new StockChanges(
                query.merchantId(), query.sku(), query.from(), query.to(), withChannels(items), truncated);
    }

    private List<StockChange> withChannels(Collection<StockChange> changes) {
        OrderChannels channels = new OrderChannels(events);
        return changes.stream()
                .map(c -> StockChangeFold.withChannel(c, channels))
                .toList();
    }
}
