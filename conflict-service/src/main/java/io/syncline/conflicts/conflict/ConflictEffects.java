package io.syncline.conflicts.conflict;

import io.syncline.api.common.ErrorDetails;
import io.syncline.api.common.Refusals;
import io.syncline.api.conflicts.Resolution;
import io.syncline.api.conflicts.Side;
import io.syncline.api.inventory.StockCommands.AdjustStock;
import io.syncline.api.inventory.StockCommands.CountStock;
import io.syncline.api.inventory.StockIds;
import io.syncline.api.inventory.StockQueries.FindStock;
import io.syncline.api.inventory.StockQueries.StockView;
import io.syncline.api.orders.OrderCommands.CancelOrder;
import io.syncline.api.orders.OrderCommands.ShipOrder;
import io.syncline.api.orders.OrderStatus;
import io.syncline.conflicts.conflict.Conflict.Facts;
import io.syncline.platform.messaging.CorrelationAutoConfiguration;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * Applies a resolution's effect through the other services' commands and queries (never their tables),
 * waiting for each. A refused stock command propagates as that refusal; a refused order status is an outcome.
 */
@Component
class ConflictEffects {

    /** Long enough for a command behind Axon Server; the decisions after this one wait meanwhile. */
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final CommandGateway commands;
    private final QueryGateway queries;

    ConflictEffects(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /** What was done, with our on-hand around a stock change (null without one). */
    record Outcome(Integer onHandBefore, Integer onHandAfter, String effect) {

        static Outcome recorded(String effect) {
            return new Outcome(null, null, effect);
        }
    }

    /**
     * Runs the effect of {@code resolution} (already checked to fit) on the conflict {@code facts} describe. Run
     * again for the same {@code resolutionId} (after a crash before its outcome was recorded), it changes no stock
     * twice: the adjustment carries that id as its key, and a count sets what it set already.
     */
    Outcome apply(Facts facts, String resolutionId, Resolution resolution, Integer value) {
        if (resolution == Resolution.SET_VALUE) {
            return count(facts, value);
        }
        switch (facts.kind()) {
            case STOCK_MISMATCH:
                return resolution == Resolution.KEEP_OURS
                        ? Outcome.recorded("ours kept; every listing of " + facts.sku() + " is pushed again")
                        : adjust(facts, resolutionId);
            case OVERSOLD:
                return Outcome.recorded(
                        resolution == Resolution.KEEP_OURS
                                ? "ours kept"
                                : "the channel's sale accepted; nothing to change in our books");
            case STATUS_MISMATCH:
                return resolution == Resolution.KEEP_OURS ? Outcome.recorded("our status kept") : applyStatus(facts);
            default:
                // a duplicate delivery never changes the order that exists: the decision is the record
                return Outcome.recorded(
                        resolution == Resolution.KEEP_OURS
                                ? "our order kept"
                                : "the channel's lines noted; the order is not changed");
        }
    }

    /** Our on-hand follows the channel: adjusted by the difference (reason {@code conflict:<id>}). */
    private Outcome adjust(Facts facts, String resolutionId) {
        Integer delta = Side.difference(facts.ours(), facts.theirs());
        if (delta == null || delta == 0) {
            return Outcome.recorded("the channel's quantity accepted; nothing to adjust");
        }
        Optional<StockView> before = findStock(facts);
        send(
                facts,
                new AdjustStock(
                        stockId(facts),
                        facts.merchantId(),
                        facts.sku(),
                        delta,
                        "conflict:" + facts.conflictId(),
                        resolutionId));
        Integer onHandBefore = before.map(StockView::onHand).orElse(null);
        return new Outcome(
                onHandBefore,
                onHandBefore == null ? null : onHandBefore + delta,
                String.format("on-hand adjusted by %+d", delta));
    }

    /** On-hand counted to {@code value}; a count replaces name and threshold, so they are read first. */
    private Outcome count(Facts facts, int value) {
        StockView before = findStock(facts).orElseThrow(() -> Refusals.notFound("no stock for SKU " + facts.sku()));
        send(
                facts,
                new CountStock(
                        stockId(facts),
                        facts.merchantId(),
                        facts.sku(),
                        before.name(),
                        value,
                        before.lowStockThreshold()));
        return new Outcome(before.onHand(), value, "on-hand counted to " + value);
    }

    /** The order takes the channel's status where its lifecycle allows; otherwise that is recorded. */
    private Outcome applyStatus(Facts facts) {
        String wanted = facts.theirs() == null ? null : facts.theirs().status();
        Object command;
        if (OrderStatus.CANCELLED.name().equals(wanted)) {
            command = new CancelOrder(facts.orderId(), facts.merchantId(), "conflict:" + facts.conflictId());
        } else if (OrderStatus.SHIPPED.name().equals(wanted)) {
            command = new ShipOrder(facts.orderId(), facts.merchantId());
        } else {
            return Outcome.recorded(wanted + " not applied: no command takes an order there");
        }
        try {
            send(facts, command);
        } catch (RuntimeException failure) {
            Optional<ErrorDetails> refusal = Refusals.detailsOf(failure);
            if (refusal.isEmpty()) {
                throw failure;
            }
            return Outcome.recorded(wanted + " not applied: " + refusal.get().message());
        }
        return Outcome.recorded("order " + facts.orderId() + " is " + wanted + " now");
    }

    private Optional<StockView> findStock(Facts facts) {
        return await(queries.query(
                new FindStock(facts.merchantId(), facts.sku()), ResponseTypes.optionalInstanceOf(StockView.class)));
    }

    /** Sends the command naming the conflict it resolves, which the changes it causes carry on. */
    private void send(Facts facts, Object command) {
        await(commands.send(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of(CorrelationAutoConfiguration.CONFLICT_ID, facts.conflictId()))));
    }

    private static String stockId(Facts facts) {
        return StockIds.of(facts.merchantId(), facts.sku());
    }

    private static <T> T await(CompletableFuture<T> result) {
        try {
            return result.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause.getMessage(), cause);
        } catch (TimeoutException slow) {
            result.cancel(true);
            throw new IllegalStateException("no answer within " + TIMEOUT.toSeconds() + " s", slow);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an answer", interrupted);
        }
    }
}
