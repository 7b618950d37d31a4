package io.syncline.inventory.stock;

import io.syncline.api.common.Refusals;
import io.syncline.api.inventory.StockCommands.AdjustStock;
import io.syncline.api.inventory.StockCommands.CommitStock;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Refuses a command for a stock that does not exist (another merchant's SKU is one) as
 * {@code NOT_FOUND}. Axon's own exception reaches a caller in another process only as an untyped
 * failure, while a refusal's details survive Axon Server.
 */
@Component
public class UnknownStockInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        try {
            return interceptorChain.proceed();
        } catch (AggregateNotFoundException missing) {
            Object payload = unitOfWork.getMessage().getPayload();
            // a release of an unknown stock is answered as voided by StockReservationHandler instead
            String sku = payload instanceof AdjustStock a ? a.sku() : payload instanceof CommitStock c ? c.sku() : null;
            if (sku == null) {
                throw missing;
            }
            // worded as the stock's own refusal of a foreign merchant's command
            throw Refusals.notFound("no stock for SKU " + sku);
        }
    }
}
