package io.syncline.gateway.orders;

import io.syncline.api.common.ErrorCode;
import io.syncline.api.common.ErrorDetails;
import io.syncline.api.common.Refusals;
import io.syncline.api.orders.OrderCommands.CancelOrder;
import io.syncline.api.orders.OrderCommands.PlaceOrder;
import io.syncline.api.orders.OrderCommands.ShipOrder;
import io.syncline.api.orders.OrderLine;
import io.syncline.api.orders.OrderQueries.FindOrder;
import io.syncline.api.orders.OrderQueries.FindOrderByChannelOrder;
import io.syncline.api.orders.OrderQueries.ListOrders;
import io.syncline.api.orders.OrderQueries.OrderPage;
import io.syncline.api.orders.OrderQueries.OrderView;
import io.syncline.api.orders.OrderStatus;
import io.syncline.gateway.messaging.ServiceCalls;
import io.syncline.gateway.web.GatewayProperties;
import io.syncline.gateway.web.ServiceFailures;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.stereotype.Service;

/** Order commands and queries over Axon, for the caller's merchant. */
@Service
public class OrderService {

    private static final Duration LOOKUP_INTERVAL = Duration.ofMillis(100);

    private final ServiceCalls calls;
    private final Duration lookupTimeout;

    public OrderService(ServiceCalls calls, GatewayProperties properties) {
        this.calls = calls;
        this.lookupTimeout = properties.readYourWritesTimeout();
    }

    /** How a placement ended. */
    public enum Outcome {
        /** Accepted; not decided (yet), or not waited for. */
        ACCEPTED,
        /** Accepted and decided while the client waited. */
        DECIDED,
        /** The channel order exists already: {@code orderId} is the existing order. */
        EXISTING
    }

    /** The order the placement is about, and its view when known. */
    public record Placement(Outcome outcome, String orderId, Optional<OrderView> view) {}

    /** Places a new order; waits up to {@code wait} for the decision when given. */
    public Placement place(String merchantId, OrderRequests.Place request, Optional<Duration> wait) {
        return place(merchantId, request, null, wait);
    }

    /** Places a new order that a channel says was placed there at {@code channelPlacedAt} (null: not said). */
    public Placement place(
            String merchantId, OrderRequests.Place request, Instant channelPlacedAt, Optional<Duration> wait) {
        String orderId = UUID.randomUUID().toString();
        PlaceOrder command = new PlaceOrder(
                orderId,
                merchantId,
                request.channel(),
                request.channelOrderId(),
                request.lines().stream()
                        .map(l -> new OrderLine(l.sku(), l.quantity()))
                        .toList(),
                channelPlacedAt);
        if (wait.isEmpty() || wait.get().isZero()) {
            return send(command).orElseGet(() -> new Placement(Outcome.ACCEPTED, orderId, Optional.empty()));
        }
        try (SubscriptionQueryResult<OrderView, OrderView> sub = calls.subscribe(
                new FindOrder(merchantId, orderId),
                ResponseTypes.instanceOf(OrderView.class),
                ResponseTypes.instanceOf(OrderView.class))) {
            // the initial answer also proves the subscription is in place before the command goes
            OrderView initial = calls.initial(sub);
            Optional<Placement> existing = send(command);
            if (existing.isPresent()) {
                return existing.get();
            }
            AtomicReference<OrderView> latest = new AtomicReference<>(initial);
            if (latest.get() != null && latest.get().status().decided()) {
                return new Placement(Outcome.DECIDED, orderId, Optional.of(latest.get()));
            }
            Optional<OrderView> decided = calls.firstUpdate(
                    sub,
                    v -> orderId.equals(v.orderId()) && v.status().decided(),
                    v -> {
                        if (orderId.equals(v.orderId())) {
                            latest.set(v);
                        }
                    },
                    wait.get());
            return decided.map(v -> new Placement(Outcome.DECIDED, orderId, Optional.of(v)))
                    .orElseGet(() -> new Placement(Outcome.ACCEPTED, orderId, Optional.ofNullable(latest.get())));
        }
    }

    /** Empty when placed; the existing order when the channel order was placed before. */
    private Optional<Placement> send(PlaceOrder command) {
        try {
            calls.send(command);
            return Optional.empty();
        } catch (RuntimeException failure) {
            Optional<ErrorDetails> refusal = Refusals.detailsOf(ServiceFailures.unwrap(failure));
            if (refusal.isPresent() && refusal.get().code() == ErrorCode.DUPLICATE) {
                String existingId = refusal.get().reference();
                Optional<OrderView> view = existingId != null
                        ? poll(() -> find(command.merchantId(), existingId))
                        : byChannelOrder(command);
                String id = existingId != null
                        ? existingId
                        : view.map(OrderView::orderId).orElse(null);
                if (id != null) {
                    return Optional.of(new Placement(Outcome.EXISTING, id, view));
                }
                throw failure;
            }
            if (refusal.isPresent() || ServiceFailures.problemFor(failure).isPresent()) {
                throw failure;
            }
            // two placements of one channel order raced: the loser fails on the unique key
            Optional<OrderView> winner =
                    byChannelOrder(command).filter(v -> !v.orderId().equals(command.orderId()));
            if (winner.isPresent()) {
                return Optional.of(new Placement(Outcome.EXISTING, winner.get().orderId(), winner));
            }
            throw failure;
        }
    }

    private Optional<OrderView> byChannelOrder(PlaceOrder command) {
        return poll(() -> {
            Optional<OrderView> view = calls.query(
                    new FindOrderByChannelOrder(command.merchantId(), command.channel(), command.channelOrderId()),
                    ResponseTypes.optionalInstanceOf(OrderView.class));
            return ownedBy(command.merchantId(), view);
        });
    }

    public Optional<OrderView> find(String merchantId, String orderId) {
        Optional<OrderView> view =
                calls.query(new FindOrder(merchantId, orderId), ResponseTypes.optionalInstanceOf(OrderView.class));
        return ownedBy(merchantId, view);
    }

    public OrderPage list(String merchantId, OrderStatus status, boolean stalledOnly, int page, int size) {
        return calls.query(
                new ListOrders(merchantId, status, page, size, stalledOnly), ResponseTypes.instanceOf(OrderPage.class));
    }

    public void cancel(String merchantId, String orderId, String reason) {
        calls.send(new CancelOrder(orderId, merchantId, reason));
    }

    public void ship(String merchantId, String orderId) {
        calls.send(new ShipOrder(orderId, merchantId));
    }

    /** The read model lags the command side a little: ask again for a short while. */
    private Optional<OrderView> poll(Supplier<Optional<OrderView>> lookup) {
        long deadline = System.nanoTime() + lookupTimeout.toNanos();
        while (true) {
            Optional<OrderView> view = lookup.get();
            if (view.isPresent() || System.nanoTime() >= deadline) {
                return view;
            }
            try {
                Thread.sleep(LOOKUP_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return view;
            }
        }
    }

    private static Optional<OrderView> ownedBy(String merchantId, Optional<OrderView> view) {
        return view == null ? Optional.empty() : view.filter(v -> Objects.equals(merchantId, v.merchantId()));
    }
}
