package io.syncline.orders.command;

import static io.syncline.orders.support.Refused.as;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.syncline.api.common.ErrorCode;
import io.syncline.api.orders.OrderCommands.CancelOrder;
import io.syncline.api.orders.OrderCommands.ConfirmOrder;
import io.syncline.api.orders.OrderCommands.PlaceOrder;
import io.syncline.api.orders.OrderCommands.RejectOrder;
import io.syncline.api.orders.OrderCommands.ShipOrder;
import io.syncline.api.orders.OrderEvents.OrderCancelled;
import io.syncline.api.orders.OrderEvents.OrderConfirmed;
import io.syncline.api.orders.OrderEvents.OrderPlaced;
import io.syncline.api.orders.OrderEvents.OrderRejected;
import io.syncline.api.orders.OrderEvents.OrderShipped;
import io.syncline.api.orders.OrderLine;
import io.syncline.api.orders.OrderRejectionReason;
import io.syncline.api.orders.OrderStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderTest {

    private static final String ORDER = "order-1";
    private static final String MERCHANT = "acme";
    private static final List<OrderLine> LINES =
            List.of(new OrderLine("RED-MUG", 2), new OrderLine("TEA", 1), new OrderLine("RED-MUG", 1));
    private static final Instant PLACED_AT = Instant.parse("2025-03-01T10:00:00Z");
    private static final OrderPlaced PLACED = new OrderPlaced(ORDER, MERCHANT, "shopify", "1001", LINES, PLACED_AT);

    private AggregateTestFixture<Order> fixture;
    private ChannelOrderKeyRepository channelOrderKeys;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Order.class);
        // the lookup table itself is tested against a database in ChannelOrderKeyRepositoryTest
        channelOrderKeys = mock(ChannelOrderKeyRepository.class);
        when(channelOrderKeys.findOrderId(anyString(), anyString(), anyString()))
                .thenReturn(Optional.empty());
        fixture.registerAnnotatedCommandHandler(new PlaceOrderHandler(fixture.getRepository(), channelOrderKeys));
        fixture.registerCommandHandlerInterceptor(new UnknownOrderInterceptor());
    }

    private PlaceOrder place(List<OrderLine> lines) {
        return new PlaceOrder(ORDER, MERCHANT, "shopify", "1001", lines);
    }

    @Test
    void placesOrderKeepingLinesAsGiven() {
        fixture.givenNoPriorActivity()
                .when(place(LINES))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(ORDER)
                .expectEvents(new OrderPlaced(ORDER, MERCHANT, "shopify", "1001", LINES, fixture.currentTime()));
    }

    @Test
    void keepsTheChannelsOwnTimeOfPlacing() {
        Instant onTheShop = Instant.parse("2026-03-01T10:00:07Z");
        fixture.givenNoPriorActivity()
                .when(new PlaceOrder(ORDER, MERCHANT, "shopify", "1001", LINES, onTheShop))
                .expectEvents(
                        new OrderPlaced(ORDER, MERCHANT, "shopify", "1001", LINES, fixture.currentTime(), onTheShop));
    }

    @Test
    void refusesKnownChannelOrderNamingTheExistingOrder() {
        when(channelOrderKeys.findOrderId(MERCHANT, "shopify", "1001")).thenReturn(Optional.of("order-0"));

        fixture.givenNoPriorActivity()
                .when(place(LINES))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(as(ErrorCode.DUPLICATE, "order-0"))
                .expectNoEvents();
    }

    @Test
    void refusesOrderWithoutLines() {
        fixture.givenNoPriorActivity()
                .when(place(List.of()))
                .expectExceptionDetails(as(ErrorCode.INVALID))
                .expectNoEvents();
    }

    @Test
    void refusesLineWithoutSku() {
        fixture.givenNoPriorActivity()
                .when(place(List.of(new OrderLine(" ", 1))))
                .expectExceptionDetails(as(ErrorCode.INVALID))
                .expectNoEvents();
    }

    @Test
    void refusesLineWithoutPositiveQuantity() {
        fixture.givenNoPriorActivity()
                .when(place(List.of(new OrderLine("TEA", 1), new OrderLine("RED-MUG", 0))))
                .expectExceptionDetails(as(ErrorCode.INVALID))
                .expectNoEvents();
    }

    @Test
    void refusesNullLine() {
        List<OrderLine> lines = new ArrayList<>();
        lines.add(null);
        fixture.givenNoPriorActivity()
                .when(place(lines))
                .expectExceptionDetails(as(ErrorCode.INVALID))
                .expectNoEvents();
    }

    @Test
    void refusesOrderWithoutChannelOrderId() {
        fixture.givenNoPriorActivity()
                .when(new PlaceOrder(ORDER, MERCHANT, "shopify", "", LINES))
                .expectExceptionDetails(as(ErrorCode.INVALID))
                .expectNoEvents();
    }

    @Test
    void confirmsPendingOrder() {
        fixture.given(PLACED).when(new ConfirmOrder(ORDER, MERCHANT)).expectEvents(new OrderConfirmed(ORDER, MERCHANT));
    }

    @Test
    void confirmingTwiceHasOneEffect() {
        fixture.given(PLACED, new OrderConfirmed(ORDER, MERCHANT))
                .when(new ConfirmOrder(ORDER, MERCHANT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesToConfirmRejectedOrder() {
        fixture.given(PLACED, OrderRejected.of(ORDER, MERCHANT, "TIMEOUT"))
                .when(new ConfirmOrder(ORDER, MERCHANT))
                .expectExceptionDetails(as(ErrorCode.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void refusesToConfirmCancelledOrder() {
        fixture.given(PLACED, new OrderCancelled(ORDER, MERCHANT, "customer", OrderStatus.PENDING))
                .when(new ConfirmOrder(ORDER, MERCHANT))
                .expectExceptionDetails(as(ErrorCode.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void rejectsPendingOrderWithReason() {
        fixture.given(PLACED)
                .when(new RejectOrder(ORDER, MERCHANT, "OUT_OF_STOCK:TEA"))
                .expectEvents(new OrderRejected(ORDER, MERCHANT, "OUT_OF_STOCK:TEA", "OUT_OF_STOCK", "TEA"));
    }

    @Test
    void rejectsWithAReasonThatNamesNoSku() {
        fixture.given(PLACED)
                .when(new RejectOrder(ORDER, MERCHANT, "TIMEOUT"))
                .expectEvents(new OrderRejected(ORDER, MERCHANT, "TIMEOUT", "TIMEOUT", null));
    }

    @Test
    void rejectsWithAFreeTextReasonAsOther() {
        fixture.given(PLACED)
                .when(new RejectOrder(ORDER, MERCHANT, "payment declined"))
                .expectEvents(new OrderRejected(ORDER, MERCHANT, "payment declined", OrderRejectionReason.OTHER, null));
    }

    @Test
    void rejectingTwiceHasOneEffect() {
        fixture.given(PLACED, OrderRejected.of(ORDER, MERCHANT, "OUT_OF_STOCK:TEA"))
                .when(new RejectOrder(ORDER, MERCHANT, "TIMEOUT"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesToRejectWithoutReason() {
        fixture.given(PLACED)
                .when(new RejectOrder(ORDER, MERCHANT, " "))
                .expectExceptionDetails(as(ErrorCode.INVALID))
                .expectNoEvents();
    }

    @Test
    void refusesToRejectConfirmedOrder() {
        fixture.given(PLACED, new OrderConfirmed(ORDER, MERCHANT))
                .when(new RejectOrder(ORDER, MERCHANT, "TIMEOUT"))
                .expectExceptionDetails(as(ErrorCode.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void cancelsPendingOrder() {
        fixture.given(PLACED)
                .when(new CancelOrder(ORDER, MERCHANT, "customer"))
                .expectEvents(new OrderCancelled(ORDER, MERCHANT, "customer", OrderStatus.PENDING));
    }

    @Test
    void cancelsConfirmedOrder() {
        fixture.given(PLACED, new OrderConfirmed(ORDER, MERCHANT))
                .when(new CancelOrder(ORDER, MERCHANT, null))
                .expectEvents(new OrderCancelled(ORDER, MERCHANT, null, OrderStatus.CONFIRMED));
    }

    @Test
    void cancellingTwiceHasOneEffect() {
        fixture.given(PLACED, new OrderCancelled(ORDER, MERCHANT, "customer", OrderStatus.PENDING))
                .when(new CancelOrder(ORDER, MERCHANT, "again"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesToCancelShippedOrder() {
        fixture.given(PLACED, new OrderConfirmed(ORDER, MERCHANT), new OrderShipped(ORDER, MERCHANT))
                .when(new CancelOrder(ORDER, MERCHANT, "customer"))
                .expectExceptionDetails(as(ErrorCode.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void refusesToCancelRejectedOrder() {
        fixture.given(PLACED, OrderRejected.of(ORDER, MERCHANT, "TIMEOUT"))
                .when(new CancelOrder(ORDER, MERCHANT, "customer"))
                .expectExceptionDetails(as(ErrorCode.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void shipsConfirmedOrder() {
        fixture.given(PLACED, new OrderConfirmed(ORDER, MERCHANT))
                .when(new ShipOrder(ORDER, MERCHANT))
                .expectEvents(new OrderShipped(ORDER, MERCHANT));
    }

    @Test
    void refusesToShipPendingOrder() {
        fixture.given(PLACED)
                .when(new ShipOrder(ORDER, MERCHANT))
                .expectExceptionDetails(as(ErrorCode.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void refusesToShipTwice() {
        fixture.given(PLACED, new OrderConfirmed(ORDER, MERCHANT), new OrderShipped(ORDER, MERCHANT))
                .when(new ShipOrder(ORDER, MERCHANT))
                .expectExceptionDetails(as(ErrorCode.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void refusesToShipCancelledOrder() {
        fixture.given(
                        PLACED,
                        new OrderConfirmed(ORDER, MERCHANT),
                        new OrderCancelled(ORDER, MERCHANT, null, OrderStatus.CONFIRMED))
                .when(new ShipOrder(ORDER, MERCHANT))
                .expectExceptionDetails(as(ErrorCode.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void hidesOrderFromAnotherMerchantOnConfirm() {
        fixture.given(PLACED)
                .when(new ConfirmOrder(ORDER, "globex"))
                .expectExceptionDetails(as(ErrorCode.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void hidesOrderFromAnotherMerchantOnReject() {
        fixture.given(PLACED)
                .when(new RejectOrder(ORDER, "globex", "TIMEOUT"))
                .expectExceptionDetails(as(ErrorCode.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void hidesOrderFromAnotherMerchantOnCancel() {
        fixture.given(PLACED)
                .when(new CancelOrder(ORDER, "globex", "x"))
                .expectExceptionDetails(as(ErrorCode.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void hidesOrderFromAnotherMerchantOnShip() {
        fixture.given(PLACED, new OrderConfirmed(ORDER, MERCHANT))
                .when(new ShipOrder(ORDER, "globex"))
                .expectExceptionDetails(as(ErrorCode.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void refusesCommandForUnknownOrderAsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new CancelOrder("no-such-order", MERCHANT, "x"))
                .expectExceptionDetails(as(ErrorCode.NOT_FOUND))
                .expectNoEvents();
    }
}
