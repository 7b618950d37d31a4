package io.syncline.gateway.http;

import io.syncline.api.common.Refusals;
import io.syncline.api.inventory.StockCommands.AdjustStock;
import io.syncline.api.inventory.StockCommands.CountStock;
import io.syncline.api.inventory.StockQueries.FindStock;
import io.syncline.api.inventory.StockQueries.ListStock;
import io.syncline.api.inventory.StockQueries.StockPage;
import io.syncline.api.inventory.StockQueries.StockView;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;

/**
 * Stands in for the inventory service: commands change the state at once, the read model follows
 * a little later (like a tracking projection) and emits subscription-query updates.
 */
public class FakeInventory {

    static final long PROJECTION_LAG_MS = 40;

    private final QueryUpdateEmitter emitter;
    private final ScheduledExecutorService projection = Executors.newSingleThreadScheduledExecutor();
    private final Map<String, StockView> state = new ConcurrentHashMap<>();
    private final Map<String, StockView> views = new ConcurrentHashMap<>();
    final List<MetaData> metadata = new CopyOnWriteArrayList<>();

    public FakeInventory(QueryUpdateEmitter emitter) {
        this.emitter = emitter;
    }

    @CommandHandler
    public synchronized Boolean handle(CountStock command, MetaData meta) {
        metadata.add(meta);
        StockView current = state.get(command.stockId());
        boolean created = current == null;
        if (created) {
            StockView defined =
                    view(command.merchantId(), command.sku(), command.name(), 0, 0, command.lowStockThreshold(), 0);
            project(defined);
            current = defined;
        }
        String name = command.name() != null ? command.name() : current.name();
        project(view(
                command.merchantId(),
                command.sku(),
                name,
                command.onHand(),
                current.reserved(),
                command.lowStockThreshold(),
                current.version() + 1));
        return created;
    }

    @CommandHandler
    public synchronized void handle(AdjustStock command, MetaData meta) {
        metadata.add(meta);
        StockView current = state.get(command.stockId());
        if (current == null) {
            // as the inventory service refuses it, so that the refusal survives Axon Server
            throw Refusals.notFound("no stock for SKU " + command.sku());
        }
        int onHand = current.onHand() + command.delta();
        if (onHand < current.reserved()) {
            throw Refusals.conflict("On-hand would fall below the " + current.reserved() + " reserved units");
        }
        project(view(
                current.merchantId(),
                current.sku(),
                current.name(),
                onHand,
                current.reserved(),
                current.lowStockThreshold(),
                current.version() + 1));
    }

    @QueryHandler
    public Optional<StockView> handle(FindStock query) {
        return Optional.ofNullable(views.get(query.merchantId() + "/" + query.sku()));
    }

    @QueryHandler
    public StockPage handle(ListStock query) {
        List<StockView> all = views.values().stream()
                .filter(v -> v.merchantId().equals(query.merchantId()))
                .filter(v -> !query.lowOnly() || v.low())
                .sorted(Comparator.comparing(StockView::sku))
                .toList();
        List<StockView> page = all.stream()
                .skip((long) query.page() * query.size())
                .limit(query.size())
                .toList();
        return new StockPage(page, query.page(), query.size(), all.size());
    }

    /** Reserves units directly, as orders would. */
    synchronized void reserve(String merchantId, String sku, int quantity) {
        StockView v = state.get(merchantId + "/" + sku);
        project(view(
                merchantId,
                sku,
                v.name(),
                v.onHand(),
                v.reserved() + quantity,
                v.lowStockThreshold(),
                v.version() + 1));
    }

    private void project(StockView view) {
        String id = view.merchantId() + "/" + view.sku();
        state.put(id, view);
        projection.schedule(
                () -> {
                    views.merge(id, view, (old, next) -> next.version() > old.version() ? next : old);
                    emitter.emit(
                            FindStock.class,
                            q -> q.merchantId().equals(view.merchantId())
                                    && q.sku().equals(view.sku()),
                            view);
                },
                PROJECTION_LAG_MS,
                TimeUnit.MILLISECONDS);
    }

    private static StockView view(
            String merchantId, String sku, String name, int onHand, int reserved, int threshold, long version) {
        int available = Math.max(0, onHand - reserved);
        return new StockView(
                merchantId,
                sku,
                name,
                onHand,
                reserved,
                available,
                threshold,
                available <= threshold,
                version,
                Instant.now());
    }
}
