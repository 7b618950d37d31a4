package io.syncline.inventory.stock;

import io.syncline.api.common.Refusals;
import io.syncline.api.inventory.StockCommands.ReleaseStock;
import io.syncline.api.inventory.StockCommands.ReserveStock;
import io.syncline.api.inventory.StockEvents.RejectionReason;
import io.syncline.api.inventory.StockEvents.StockReservationRejected;
import io.syncline.api.inventory.StockEvents.StockReservationVoided;
import java.util.function.Consumer;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Handles {@link ReserveStock} and {@link ReleaseStock} outside the aggregate so that a SKU the
 * merchant does not have still yields the answer the order saga waits for: a
 * {@link StockReservationRejected} for a reservation, a {@link StockReservationVoided} for a release
 * (nothing is held, and a reservation of that SKU would be refused).
 */
@Component
public class StockReservationHandler {

    private final Repository<Stock> stockRepository;
    private final EventGateway eventGateway;

    public StockReservationHandler(Repository<Stock> stockRepository, EventGateway eventGateway) {
        this.stockRepository = stockRepository;
        this.eventGateway = eventGateway;
    }

    @CommandHandler
    public void handle(ReserveStock command) {
        if (command.quantity() <= 0) {
            throw Refusals.invalid("quantity must be positive");
        }
        if (command.orderId() == null || command.orderId().isBlank()) {
            throw Refusals.invalid("orderId is required");
        }
        executeOrAnswer(
                command.stockId(),
                s -> s.reserve(command),
                new StockReservationRejected(
                        command.stockId(),
                        command.merchantId(),
                        command.sku(),
                        command.orderId(),
                        command.quantity(),
                        0,
                        RejectionReason.UNKNOWN_SKU));
    }

    @CommandHandler
    public void handle(ReleaseStock command) {
        executeOrAnswer(
                command.stockId(),
                s -> s.release(command),
                new StockReservationVoided(command.stockId(), command.merchantId(), command.sku(), command.orderId()));
    }

    /** Runs {@code work} on the stock, or publishes {@code answer} when the merchant has no such stock. */
    private void executeOrAnswer(String stockId, Consumer<Stock> work, Object answer) {
        Aggregate<Stock> stock;
        try {
            stock = stockRepository.load(stockId);
        } catch (AggregateNotFoundException unknown) {
            eventGateway.publish(answer);
            return;
        }
        stock.execute(work);
    }
}
