package io.syncline.orders.fulfilment;

import io.syncline.api.inventory.StockCommands.CommitStock;
import io.syncline.api.inventory.StockCommands.ReleaseStock;
import io.syncline.api.inventory.StockCommands.ReserveStock;
import io.syncline.api.inventory.StockEvents.RejectionReason;
import io.syncline.api.inventory.StockEvents.StockReservationRejected;
import io.syncline.api.inventory.StockEvents.StockReservationVoided;
import io.syncline.api.inventory.StockEvents.StockReserved;
import io.syncline.api.orders.OrderCommands.ConfirmOrder;
import io.syncline.api.orders.OrderCommands.RejectOrder;
import io.syncline.api.orders.OrderEvents.OrderCancelled;
import io.syncline.api.orders.OrderEvents.OrderConfirmed;
import io.syncline.api.orders.OrderEvents.OrderPlaced;
import io.syncline.api.orders.OrderEvents.OrderRejected;
import io.syncline.api.orders.OrderEvents.OrderShipped;
import io.syncline.api.orders.OrderLine;
import io.syncline.api.orders.OrderStatus;
import io.syncline.orders.OrdersProperties;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.syncline.orders.fulfilment.OrderFulfilmentSaga.FULFILMENT_ABANDON;
import static io.syncline.orders.fulfilment.OrderFulfilmentSaga.FULFILMENT_TIMEOUT;

class OrderFulfilmentSagaTest {

    private static final String ORDER = "order-1";
    private static final String MERCHANT = "acme";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Duration ABANDON = TIMEOUT.multipliedBy(10);
    private static final String MUG = "acme/RED-MUG";
    private static final String TEA = "acme/TEA";

    /** Two lines of the same SKU: reserved as one. */
    private static final OrderPlaced PLACED = new OrderPlaced(ORDER, MERCHANT, "shopify", "1001",
            List.of(new OrderLine("RED-MUG", 2), new OrderLine("TEA", 1), new OrderLine("RED-MUG", 1)),
            Instant.parse("2025-03-01T10:00:00Z"));

    private SagaTestFixture<OrderFulfilmentSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(OrderFulfilmentSaga.class);
        fixture.registerResource(new OrdersProperties(TIMEOUT));
    }

    private static StockReserved reserved(String sku, int quantity) {
        return new StockReserved(MERCHANT + "/" + sku, MERCHANT, sku, ORDER, quantity, 10, quantity);
    }

    private static StockReservationRejected rejected(String sku, RejectionReason reason) {
        return new StockReservationRejected(MERCHANT + "/" + sku, MERCHANT, sku, ORDER, 1, 0, reason);
    }

    @Test
    void reservesEveryMergedSkuAndSchedulesTimeout() throws Exception {
        fixture.givenNoPriorActivity()
                .whenAggregate(ORDER).publishes(PLACED)
                .expectActiveSagas(1)
                .expectAssociationWith("orderId", ORDER)
                .expectDispatchedCommands(
                        new ReserveStock(MUG, MERCHANT, "RED-MUG", ORDER, 3),
                        new ReserveStock(TEA, MERCHANT, "TEA", ORDER, 1))
                .expectScheduledDeadlineWithName(TIMEOUT, FULFILMENT_TIMEOUT);
    }

    @Test
    void confirmsWhenEverySkuIsReservedAndKeepsTheTimeoutUntilConfirmed() throws Exception {
        fixture.givenAggregate(ORDER).published(PLACED)
                .andThenAggregate(MUG).published(reserved("RED-MUG", 3))
                .whenAggregate(TEA).publishes(reserved("TEA", 1))
                .expectDispatchedCommands(new ConfirmOrder(ORDER, MERCHANT))
                .expectScheduledDeadlineWithName(TIMEOUT, FULFILMENT_TIMEOUT)
                .expectActiveSagas(1);
    }

    @Test
    void cancelsTheTimeoutOnceTheOrderIsConfirmed() throws Exception {
        fixture.givenAggregate(ORDER).published(PLACED)
                .andThenAggregate(MUG).published(reserved("RED-MUG", 3))
                .andThenAggregate(TEA).published(reserved("TEA", 1))
                .whenAggregate(ORDER).publishes(new OrderConfirmed(ORDER, MERCHANT))
                .expectNoScheduledDeadlines();
    }

    @Test
    void resendsALostConfirmationInsteadOfRejectingAFullyReservedOrder() throws Exception {
        fixture.givenAggregate(ORDER).published(PLACED)
                .andThenAggregate(MUG).published(reserved("RED-MUG", 3))
                .andThenAggregate(TEA).published(reserved("TEA", 1))
                .whenTimeElapses(TIMEOUT)
                .expectDispatchedCommands(new ConfirmOrder(ORDER, MERCHANT))
                .expectScheduledDeadlineWithName(TIMEOUT, FULFILMENT_TIMEOUT)
                .expectActiveSagas(1);
    }

    @Test
    void waitsForEverySkuBeforeConfirming() throws Exception {
        fixture.givenAggregate(ORDER).published(PLACED)
                .whenAggregate(MUG).publishes(reserved("RED-MUG", 3))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(TIMEOUT, FULFILMENT_TIMEOUT);
    }

    @Test
    void staysAliveAfterConfirmationToOwnTheReservations() throws Exception {
        fixture.givenAggregate(ORDER).published(PLACED)
                .andThenAggregate(MUG).published(reserved("RED-MUG", 3))
                .andThenAggregate(TEA).published(reserved("TEA", 1))
                .whenAggregate(ORDER).publishes(new OrderConfirmed(ORDER, MERCHANT))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void compensatesPartialReservationWhenStockIsShort() throws Exception {
        fixture.givenAggregate(ORDER).published(PLACED)
                .andThenAggregate(MUG).published(reserved("RED-MUG", 3))
                .whenAggregate(TEA).publishes(rejected("TEA", RejectionReason.INSUFFICIENT_STOCK))
                .expectDispatchedCommands(
                        new ReleaseStock(MUG, MERCHANT, "RED-MUG", ORDER),
                        new RejectOrder(ORDER, MERCHANT, "OUT_OF_STOCK:TEA"))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void rejectsUnknownSku() throws Exception {
        fixture.givenAggregate(ORDER).published(PLACED)
                .andThenAggregate(MUG).published(reserved("RED-MUG", 3))
                .whenAggregate(TEA).publishes(rejected("TEA", RejectionReason.UNKNOWN_SKU))
                .expectDispatchedCommands(
                        new ReleaseStock(MUG, MERCHANT, "RED-MUG", ORDER),
                        new RejectOrder(ORDER, MERCHANT, "UNKNOWN_SKU:TEA"))
                .expectActiveSagas(0);
    }

    @Test
    void rejectedFirstReleasesTheOutstandingSkuAndWaitsForItsAnswer() throws Exception {
        fixture.givenAggregate(ORDER).published(PLACED)
                .whenAggregate(TEA).publishes(rejected("TEA", RejectionReason.INSUFFICIENT_STOCK))
                .expectDispatchedCommands(
                        new ReleaseStock(MUG, MERCHANT, "RED-MUG", ORDER),
                        new RejectOrder(ORDER, MERCHANT, "OUT_OF_STOCK:TEA"))
                .expectNoScheduledDeadlineWithName(TIMEOUT, FULFILMENT_TIMEOUT)
                .expectScheduledDeadlineWithName(ABANDON, FULFILMENT_ABANDON)
                .expectActiveSagas(1);
    }

    @Test
    void releasesReservationArrivingAfterRejection() throws Exception {
        fixture.givenAggregate(ORDER).published(PLACED)
                .andThenAggregate(TEA).published(rejected("TEA", RejectionReason.INSUFFICIENT_STOCK))
                .whenAggregate(MUG).publishes(reserved("RED-MUG", 3))
                .expectDispatchedCommands(new ReleaseStock(MUG, MERCHANT, "RED-MUG", ORDER))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void rejectsOnTimeoutAndReleasesEverySku() throws Exception {
        fixture.givenAggregate(ORDER).published(PLACED)
                .andThenAggregate(MUG).published(reserved("RED-MUG", 3))
                .whenTimeElapses(TIMEOUT)
                .expectTriggeredDeadlinesWithName(FULFILMENT_TIMEOUT)
                .expectDispatchedCommands(
                        new ReleaseStock(MUG, MERCHANT, "RED-MUG", ORDER),
                        new ReleaseStock(TEA, MERCHANT, "TEA", ORDER),
                        new RejectOrder(ORDER, MERCHANT, "TIMEOUT"))
                .expectScheduledDeadlineWithName(ABANDON, FULFILMENT_ABANDON)
                .expectActiveSagas(1);
    }

    @Test
    void voidingAtTheStockIsNoAnswer() throws Exception {
        fixture.givenAggregate(ORDER).published(PLACED)
                .andThenAggregate(MUG).published(reserved("RED-MUG", 3))
                .andThenTimeElapses(TIMEOUT)
                .whenAggregate(TEA).publishes(new StockReservationVoided(TEA, MERCHANT, "TEA", ORDER))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(ABANDON, FULFILMENT_ABANDON)
                .expectActiveSagas(1);
    }

    @Test
    void lateReservationRefusedAsClosedAfterTimeoutEndsTheSaga() throws Exception {
        fixture.givenAggregate(ORDER).published(PLACED)
                .andThenAggregate(MUG).published(reserved("RED-MUG", 3))
                .andThenTimeElapses(TIMEOUT)
                .whenAggregate(TEA).publishes(rejected("TEA", RejectionReason.RESERVATION_CLOSED))
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void doesNotTimeOutBeforeTheTimeout() throws Exception {
        fixture.givenAggregate(ORDER).published(PLACED)
                .whenTimeElapses(TIMEOUT.minusSeconds(1))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void releasesReservationArrivingAfterTimeoutAndEnds() throws Exception {
        fixture.givenAggregate(ORDER).published(PLACED)
                .andThenAggregate(MUG).published(reserved("RED-MUG", 3))
                .andThenTimeElapses(TIMEOUT)
                .whenAggregate(TEA).publishes(reserved("TEA", 1))
                .expectDispatchedCommands(new ReleaseStock(TEA, MERCHANT, "TEA", ORDER))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void endsAfterTimeoutOnceLastAnswerIsRejection() throws Exception {
        fixture.givenAggregate(ORDER).published(PLACED)
                .andThenTimeElapses(TIMEOUT)
                .andThenAggregate(MUG).published(reserved("RED-MUG", 3))
                .whenAggregate(TEA).publishes(rejected("TEA", RejectionReason.INSUFFICIENT_STOCK))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }

    @Test
    void givesUpOnAnswersThatNeverCome() throws Exception {
        fixture.givenAggregate(ORDER).published(PLACED)
                .andThenTimeElapses(TIMEOUT)
                .whenTimeElapses(ABANDON)
                .expectTriggeredDeadlinesWithName(FULFILMENT_TIMEOUT, FULFILMENT_ABANDON)
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }

    @Test
    void confirmedOrderDoesNotTimeOut() throws Exception {
        fixture.givenAggregate(ORDER).published(PLACED)
                .andThenAggregate(MUG).published(reserved("RED-MUG", 3))
                .andThenAggregate(TEA).published(reserved("TEA", 1))
                .andThenAggregate(ORDER).published(new OrderConfirmed(ORDER, MERCHANT))
                .whenTimeElapses(TIMEOUT.multipliedBy(2))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void cancellingPendingOrderReleasesReservedAndOutstandingAndWaitsForOutstanding() throws Exception {
        fixture.givenAggregate(ORDER).published(PLACED)
                .andThenAggregate(MUG).published(reserved("RED-MUG", 3))
                .whenAggregate(ORDER).publishes(new OrderCancelled(ORDER, MERCHANT, "customer", OrderStatus.PENDING))
                .expectDispatchedCommands(
                        new ReleaseStock(MUG, MERCHANT, "RED-MUG", ORDER),
                        new ReleaseStock(TEA, MERCHANT, "TEA", ORDER))
                .expectNoScheduledDeadlineWithName(TIMEOUT, FULFILMENT_TIMEOUT)
                .expectScheduledDeadlineWithName(ABANDON, FULFILMENT_ABANDON)
                .expectActiveSagas(1);
    }

    @Test
    void releasesReservationArrivingAfterCancellation() throws Exception {
        fixture.givenAggregate(ORDER).published(PLACED)
                .andThenAggregate(ORDER).published(
                        new OrderCancelled(ORDER, MERCHANT, "customer", OrderStatus.PENDING))
                .andThenAggregate(MUG).published(reserved("RED-MUG", 3))
                .whenAggregate(TEA).publishes(reserved("TEA", 1))
                .expectDispatchedCommands(new ReleaseStock(TEA, MERCHANT, "TEA", ORDER))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void lateReservationRefusedAsClosedAfterCancellationEndsTheSaga() throws Exception {
        fixture.givenAggregate(ORDER).published(PLACED)
                .andThenAggregate(MUG).published(reserved("RED-MUG", 3))
                .andThenAggregate(ORDER).published(
                        new OrderCancelled(ORDER, MERCHANT, "customer", OrderStatus.PENDING))
                .whenAggregate(TEA).publishes(rejected("TEA", RejectionReason.RESERVATION_CLOSED))
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void cancellingConfirmedOrderReleasesEverythingAndEnds() throws Exception {
        fixture.givenAggregate(ORDER).published(PLACED)
                .andThenAggregate(MUG).published(reserved("RED-MUG", 3))
                .andThenAggregate(TEA).published(reserved("TEA", 1))
                .andThenAggregate(ORDER).published(new OrderConfirmed(ORDER, MERCHANT))
                .whenAggregate(ORDER).publishes(new OrderCancelled(ORDER, MERCHANT, null, OrderStatus.CONFIRMED))
                .expectDispatchedCommands(
                        new ReleaseStock(MUG, MERCHANT, "RED-MUG", ORDER),
                        new ReleaseStock(TEA, MERCHANT, "TEA", ORDER))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void cancellationWinningOverConfirmationReleasesEverything() throws Exception {
        // ConfirmOrder was sent but the order had been cancelled meanwhile: no OrderConfirmed comes
        fixture.givenAggregate(ORDER).published(PLACED)
                .andThenAggregate(MUG).published(reserved("RED-MUG", 3))
                .andThenAggregate(TEA).published(reserved("TEA", 1))
                .whenAggregate(ORDER).publishes(new OrderCancelled(ORDER, MERCHANT, "customer", OrderStatus.PENDING))
                .expectDispatchedCommands(
                        new ReleaseStock(MUG, MERCHANT, "RED-MUG", ORDER),
                        new ReleaseStock(TEA, MERCHANT, "TEA", ORDER))
                .expectActiveSagas(0);
    }

    @Test
    void cancellationAfterTimeoutDoesNotReleaseTwice() throws Exception {
        fixture.givenAggregate(ORDER).published(PLACED)
                .andThenAggregate(MUG).published(reserved("RED-MUG", 3))
                .andThenTimeElapses(TIMEOUT)
                .whenAggregate(ORDER).publishes(new OrderCancelled(ORDER, MERCHANT, "customer", OrderStatus.PENDING))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void ownRejectionComingBackChangesNothing() throws Exception {
        fixture.givenAggregate(ORDER).published(PLACED)
                .andThenAggregate(MUG).published(reserved("RED-MUG", 3))
                .andThenTimeElapses(TIMEOUT)
                .whenAggregate(ORDER).publishes(new OrderRejected(ORDER, MERCHANT, "TIMEOUT"))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void rejectionByOthersReleasesReserved() throws Exception {
        fixture.givenAggregate(ORDER).published(PLACED)
                .andThenAggregate(MUG).published(reserved("RED-MUG", 3))
                .andThenAggregate(TEA).published(rejected("TEA", RejectionReason.INSUFFICIENT_STOCK))
                .whenAggregate(ORDER).publishes(new OrderRejected(ORDER, MERCHANT, "OUT_OF_STOCK:TEA"))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }

    @Test
    void duplicateRefusalOfAReservedSkuDoesNotDropItsCommit() throws Exception {
        fixture.givenAggregate(ORDER).published(PLACED)
                .andThenAggregate(MUG).published(reserved("RED-MUG", 3))
                .andThenAggregate(TEA).published(reserved("TEA", 1))
                .andThenAggregate(ORDER).published(new OrderConfirmed(ORDER, MERCHANT))
                .andThenAggregate(TEA).published(rejected("TEA", RejectionReason.RESERVATION_CLOSED))
                .whenAggregate(ORDER).publishes(new OrderShipped(ORDER, MERCHANT))
                .expectDispatchedCommands(
                        new CommitStock(MUG, MERCHANT, "RED-MUG", ORDER),
                        new CommitStock(TEA, MERCHANT, "TEA", ORDER))
                .expectActiveSagas(0);
    }

    @Test
    void refusalOfAReservedSkuWhileReservingIsIgnored() throws Exception {
        fixture.givenAggregate(ORDER).published(PLACED)
                .andThenAggregate(MUG).published(reserved("RED-MUG", 3))
                .whenAggregate(MUG).publishes(rejected("RED-MUG", RejectionReason.INSUFFICIENT_STOCK))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void closedReservationReachingAnOpenOrderRejectsItWithItsOwnReason() throws Exception {
        fixture.givenAggregate(ORDER).published(PLACED)
                .andThenAggregate(MUG).published(reserved("RED-MUG", 3))
                .whenAggregate(TEA).publishes(rejected("TEA", RejectionReason.RESERVATION_CLOSED))
                .expectDispatchedCommands(
                        new ReleaseStock(MUG, MERCHANT, "RED-MUG", ORDER),
                        new RejectOrder(ORDER, MERCHANT, "RESERVATION_CLOSED:TEA"))
                .expectActiveSagas(0);
    }

    @Test
    void shippingCommitsEveryReservationAndEnds() throws Exception {
        fixture.givenAggregate(ORDER).published(PLACED)
                .andThenAggregate(MUG).published(reserved("RED-MUG", 3))
                .andThenAggregate(TEA).published(reserved("TEA", 1))
                .andThenAggregate(ORDER).published(new OrderConfirmed(ORDER, MERCHANT))
                .whenAggregate(ORDER).publishes(new OrderShipped(ORDER, MERCHANT))
                .expectDispatchedCommands(
                        new CommitStock(MUG, MERCHANT, "RED-MUG", ORDER),
                        new CommitStock(TEA, MERCHANT, "TEA", ORDER))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void ignoresStockEventsOfAnotherMerchant() throws Exception {
        fixture.givenAggregate(ORDER).published(PLACED)
                .andThenAggregate(MUG).published(reserved("RED-MUG", 3))
                .whenAggregate("globex/TEA").publishes(
                        new StockReserved("globex/TEA", "globex", "TEA", ORDER, 1, 5, 1))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }
}
