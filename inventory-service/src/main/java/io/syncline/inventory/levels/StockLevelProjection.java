package io.syncline.inventory.levels;

import io.syncline.api.inventory.StockEvents.StockAdjusted;
import io.syncline.api.inventory.StockEvents.StockCommitted;
import io.syncline.api.inventory.StockEvents.StockCounted;
import io.syncline.api.inventory.StockEvents.StockDefined;
import io.syncline.api.inventory.StockEvents.StockDetailsChanged;
import io.syncline.api.inventory.StockEvents.StockReleased;
import io.syncline.api.inventory.StockEvents.StockReserved;
import io.syncline.api.inventory.StockQueries.FindStock;
import io.syncline.api.inventory.StockQueries.ListStock;
import io.syncline.api.inventory.StockQueries.StockPage;
import io.syncline.api.inventory.StockQueries.StockView;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code stock_levels} in step with the stock events and answers the stock queries.
 * Events not newer than a row's version are skipped, so a replay over existing rows is harmless.
 */
@Component
@ProcessingGroup("stock-levels")
public class StockLevelProjection {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 200;

    private final StockLevelRepository repository;
    private final QueryUpdateEmitter updateEmitter;

    public StockLevelProjection(StockLevelRepository repository, QueryUpdateEmitter updateEmitter) {
        this.repository = repository;
        this.updateEmitter = updateEmitter;
    }

    @EventHandler
    void on(StockDefined event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        if (repository.existsById(new StockLevel.Key(event.merchantId(), event.sku()))) {
            return;
        }
        StockLevel level = new StockLevel(
                event.merchantId(), event.sku(), event.name(), event.lowStockThreshold(), sequence, timestamp);
        repository.save(level);
        emit(level);
    }

    @EventHandler
    void on(StockDetailsChanged event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        update(
                event.merchantId(),
                event.sku(),
                sequence,
                timestamp,
                level -> level.details(event.name(), event.lowStockThreshold()));
    }

    @EventHandler
    void on(StockCounted event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        update(
                event.merchantId(),
                event.sku(),
                sequence,
                timestamp,
                level -> level.levels(event.onHand(), event.reserved()));
    }

    @EventHandler
    void on(StockAdjusted event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        update(
                event.merchantId(),
                event.sku(),
                sequence,
                timestamp,
                level -> level.levels(event.onHand(), event.reserved()));
    }

    @EventHandler
    void on(StockReserved event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        update(
                event.merchantId(),
                event.sku(),
                sequence,
                timestamp,
                level -> level.levels(event.onHand(), event.reserved()));
    }

    @EventHandler
    void on(StockReleased event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        update(
                event.merchantId(),
                event.sku(),
                sequence,
                timestamp,
                level -> level.levels(event.onHand(), event.reserved()));
    }

    @EventHandler
    void on(StockCommitted event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        update(
                event.merchantId(),
                event.sku(),
                sequence,
                timestamp,
                level -> level.levels(event.onHand(), event.reserved()));
    }

    @ResetHandler
    void reset() {
        repository.deleteAllInBatch();
    }

    @QueryHandler
    public Optional<StockView> handle(FindStock query) {
        return repository
                .findById(new StockLevel.Key(query.merchantId(), query.sku()))
                .map(StockLevel::toView);
    }

    @QueryHandler
    public StockPage handle(ListStock query) {
        int page = Math.max(0, query.page());
        int size = query.size() < 1 ? DEFAULT_PAGE_SIZE : Math.min(query.size(), MAX_PAGE_SIZE);
        PageRequest request = PageRequest.of(page, size);
        Page<StockLevel> levels = query.lowOnly()
                ? repository.findByMerchantIdAndLowTrueOrderBySku(query.merchantId(), request)
                : repository.findByMerchantIdOrderBySku(query.merchantId(), request);
        return new StockPage(levels.map(StockLevel::toView).getContent(), page, size, levels.getTotalElements());
    }

    private void update(String merchantId, String sku, long sequence, Instant timestamp, Consumer<StockLevel> change) {
        // events of one stock arrive in order, so a missing row means its definition failed: let the
        // failure park this event behind it rather than invent a row
        StockLevel level = repository
                .findById(new StockLevel.Key(merchantId, sku))
                .orElseThrow(() -> new IllegalStateException("no stock level for " + merchantId + "/" + sku));
        if (level.hasSeen(sequence)) {
            return;
        }
        change.accept(level);
        level.seen(sequence, timestamp);
        emit(level);
    }

    private void emit(StockLevel level) {
        StockView view = level.toView();
        updateEmitter.emit(
                FindStock.class,
                query -> view.merchantId().equals(query.merchantId())
                        && view.sku().equals(query.sku()),
                view);
    }
}
