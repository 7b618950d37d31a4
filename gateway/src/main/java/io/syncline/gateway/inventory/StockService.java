package io.syncline.gateway.inventory;

import io.syncline.api.inventory.StockCommands.AdjustStock;
import io.syncline.api.inventory.StockCommands.CountStock;
import io.syncline.api.inventory.StockHistory.FindStockAt;
import io.syncline.api.inventory.StockHistory.ListStockChanges;
import io.syncline.api.inventory.StockHistory.StockAt;
import io.syncline.api.inventory.StockHistory.StockChanges;
import io.syncline.api.inventory.StockIds;
import io.syncline.api.inventory.StockQueries.FindStock;
import io.syncline.api.inventory.StockQueries.ListStock;
import io.syncline.api.inventory.StockQueries.StockPage;
import io.syncline.api.inventory.StockQueries.StockView;
import io.syncline.gateway.messaging.ServiceCalls;
import io.syncline.gateway.web.GatewayProperties;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.stereotype.Service;

/**
 * Inventory writes and reads over Axon. A write answers with the view that shows it: it subscribes
 * to the SKU's view before sending the command and waits (bounded) for the update it causes.
 */
@Service
public class StockService {

    private final ServiceCalls calls;
    private final Duration readYourWrites;

    public StockService(ServiceCalls calls, GatewayProperties properties) {
        this.calls = calls;
        this.readYourWrites = properties.readYourWritesTimeout();
    }

    /** The outcome of a count: whether it defined the SKU, and its view (empty if not visible in time). */
    public record Counted(boolean created, Optional<StockView> view) {}

    public Counted count(String merchantId, String sku, StockRequests.Count request) {
        CountStock command = new CountStock(
                StockIds.of(merchantId, sku),
                merchantId,
                sku,
                request.name(),
                request.onHand(),
                request.lowStockThreshold());
        try (SubscriptionQueryResult<StockView, StockView> sub = subscribe(merchantId, sku)) {
            Optional<StockView> before = initial(sub);
            Object result = calls.send(command);
            boolean created = created(result, before.isEmpty());
            if (before.isPresent() && shows(before.get(), request)) {
                // nothing changed, so there is no newer view to wait for
                return new Counted(created, before);
            }
            // a new SKU is defined and then counted: only the view showing the count will do
            return new Counted(
                    created, after(sub, merchantId, sku, newerThan(before).and(v -> shows(v, request))));
        }
    }

    public Optional<StockView> adjust(String merchantId, String sku, StockRequests.Adjustment request) {
        AdjustStock command =
                new AdjustStock(StockIds.of(merchantId, sku), merchantId, sku, request.delta(), request.reason());
        try (SubscriptionQueryResult<StockView, StockView> sub = subscribe(merchantId, sku)) {
            Optional<StockView> before = initial(sub);
            calls.send(command);
            return after(sub, merchantId, sku, newerThan(before));
        }
    }

    public Optional<StockView> find(String merchantId, String sku) {
        Optional<StockView> view =
                calls.query(new FindStock(merchantId, sku), ResponseTypes.optionalInstanceOf(StockView.class));
        return ownedBy(merchantId, view);
    }

    /** The levels at a moment from the SKU's events; empty for a SKU the merchant never had. */
    public Optional<StockAt> at(String merchantId, String sku, Instant at, int limit) {
        return Optional.ofNullable(
                calls.query(new FindStockAt(merchantId, sku, at, limit), ResponseTypes.instanceOf(StockAt.class)));
    }

    /** The changes in a window from the SKU's events; empty for a SKU the merchant never had. */
    public Optional<StockChanges> changes(String merchantId, String sku, Instant from, Instant to, int limit) {
        return Optional.ofNullable(calls.query(
                new ListStockChanges(merchantId, sku, from, to, limit), ResponseTypes.instanceOf(StockChanges.class)));
    }

    public StockPage list(String merchantId, boolean lowOnly, int page, int size) {
        return calls.query(new ListStock(merchantId, lowOnly, page, size), ResponseTypes.instanceOf(StockPage.class));
    }

    private SubscriptionQueryResult<StockView, StockView> subscribe(String merchantId, String sku) {
        return calls.subscribe(
                new FindStock(merchantId, sku),
                ResponseTypes.instanceOf(StockView.class),
                ResponseTypes.instanceOf(StockView.class));
    }

    private Optional<StockView> initial(SubscriptionQueryResult<StockView, StockView> sub) {
        return Optional.ofNullable(calls.initial(sub));
    }

    /** The first update that passes {@code wanted}; the current view when none comes in time. */
    private Optional<StockView> after(
            SubscriptionQueryResult<StockView, StockView> sub,
            String merchantId,
            String sku,
            Predicate<StockView> wanted) {
        Predicate<StockView> ours = v -> merchantId.equals(v.merchantId()) && sku.equals(v.sku());
        Optional<StockView> update = calls.firstUpdate(sub, ours.and(wanted), v -> {}, readYourWrites);
        return update.isPresent() ? update : find(merchantId, sku);
    }

    private static Predicate<StockView> newerThan(Optional<StockView> before) {
        return v -> before.isEmpty() || v.version() > before.get().version();
    }

    private static boolean shows(StockView view, StockRequests.Count request) {
        return view.onHand() == request.onHand()
                && view.lowStockThreshold() == request.lowStockThreshold()
                && (request.name() == null || request.name().equals(view.name()));
    }

    private static Optional<StockView> ownedBy(String merchantId, Optional<StockView> view) {
        return view == null ? Optional.empty() : view.filter(v -> Objects.equals(merchantId, v.merchantId()));
    }

    /**
     * Whether CountStock defined the SKU: its handler answers a Boolean or a record with a
     * {@code created} component; without either, whether the view was absent before.
     */
    static boolean created(Object result, boolean absentBefore) {
        if (result instanceof Boolean b) {
            return b;
        }
        if (result != null && !(result instanceof String)) {
            try {
                Method accessor = result.getClass().getMethod("created");
                accessor.trySetAccessible();
                if (accessor.invoke(result) instanceof Boolean b) {
                    return b;
                }
            } catch (ReflectiveOperationException | RuntimeException ignored) {
                // not a result that says: fall back on what the read model knew
            }
        }
        return absentBefore;
    }
}
