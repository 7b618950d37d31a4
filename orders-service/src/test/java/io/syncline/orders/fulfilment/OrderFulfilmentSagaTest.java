package io.syncline.orders.fulfilment;

import static io.syncline.orders.fulfilment.OrderFulfilmentSaga.FULFILMENT_RETRY;
import static io.syncline.orders.fulfilment.OrderFulfilmentSaga.FULFILMENT_TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.syncline.api.common.Refusals;
import io.syncline.api.inventory.StockCommands.CommitStock;
import io.syncline.api.inventory.StockCommands.ReleaseStock;
import io.syncline.api.inventory.StockCommands.ReserveStock;
import io.syncline.api.inventory.StockEvents.RejectionReason;
import io.syncline.api.inventory.StockEvents.StockCommitted;
import io.syncline.api.inventory.StockEvents.StockReleased;
import io.syncline.api.inventory.StockEvents.StockReservationRejected;
import io.syncline.api.inventory.StockEvents.StockReservationVoided;
import io.syncline.api.inventory.StockEvents.StockReserved;
import io.syncline.api.orders.OrderCommands.ConfirmOrder;
import io.syncline.api.orders.OrderCommands.RejectOrder;
import io.syncline.api.orders.OrderCommands.ReportFulfilmentResumed;
import io.syncline.api.orders.OrderCommands.ReportFulfilmentStall;
import io.syncline.api.orders.OrderEvents.OrderCancelled;
import io.syncline.api.orders.OrderEvents.OrderConfirmed;
import io.syncline.api.orders.OrderEvents.OrderPlaced;
import io.syncline.api.orders.OrderEvents.OrderRejected;
import io.syncline.api.orders.OrderEvents.OrderShipped;
import io.syncline.api.orders.OrderLine;
import io.syncline.api.orders.OrderStatus;
import io.syncline.orders.OrdersProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderFulfilmentSagaTest {

    private static final String ORDER = "order-1";
    private static final String MERCHANT = "acme";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final OrdersProperties PROPERTIES = new OrdersProperties(TIMEOUT);
    /** The first two persisted retry intervals; they double up to the cap. */
    private static final Duration RETRY_1 = PROPERTIES.commandRetry().interval(1);

    private static final Duration RETRY_2 = PROPERTIES.commandRetry().interval(2);
    private static final int IMMEDIATE_RETRIES = PROPERTIES.commandRetry().immediateRetries();
    private static final String MUG = "acme/RED-MUG";
    private static final String TEA = "acme/TEA";

    /** Two lines of the same SKU: reserved as one. */
    private static final OrderPlaced PLACED = new OrderPlaced(
            ORDER,
            MERCHANT,
            "shopify",
            "1001",
            List.of(new OrderLine("RED-MUG", 2), new OrderLine("TEA", 1), new OrderLine("RED-MUG", 1)),
            Instant.parse("2025-03-01T10:00:00Z"));

    private SagaTestFixture<OrderFulfilmentSaga> fixture;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private FulfilmentCommands commands;
    /** Per command type, how many more of its sends fail (transiently, as with no handler yet); -1 for all. */
    private final Map<Class<?>, Integer> failing = new HashMap<>();

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(OrderFulfilmentSaga.class);
        fixture.registerResource(PROPERTIES);
        commands = new FulfilmentCommands(fixture.getCommandBus(), new ImmediateRetries(), PROPERTIES, meters);
        fixture.registerResource(commands);
        fixture.setCallbackBehavior((payload, metaData) -> {
            Integer left = failing.get(payload.getClass());
            if (left != null && left != 0) {
                failing.put(payload.getClass(), left - 1);
                throw new NoHandlerForCommandException(
                        "No handler for " + payload.getClass().getSimpleName());
            }
            return null;
        });
    }

    @AfterEach
    void tearDown() {
        commands.close();
    }

    private static StockReserved reserved(String sku, int quantity) {
        return new StockReserved(MERCHANT + "/" + sku, MERCHANT, sku, ORDER, quantity, 10, quantity);
    }

    private static StockReservationRejected rejected(String sku, RejectionReason reason) {
        return new StockReservationRejected(MERCHANT + "/" + sku, MERCHANT, sku, ORDER, 1, 0, reason);
    }

    private static StockReleased released(String sku, int quantity) {
        return new StockReleased(MERCHANT + "/" + sku, MERCHANT, sku, ORDER, quantity, 10, 0);
    }

    private static StockCommitted committed(String sku, int quantity) {
        return new StockCommitted(MERCHANT + "/" + sku, MERCHANT, sku, ORDER, quantity, 10 - quantity, 0);
    }

    /** The commands sent in the when phase, retries included. */
    private List<Object> sent() {
        return fixture.getCommandBus().getDispatchedCommands().stream()
                .map(CommandMessage::getPayload)
                .map(Object.class::cast)
                .toList();
    }

    private long sent(Class<?> type) {
        return sent().stream().filter(type::isInstance).count();
    }

    @Test
    void reservesEveryMergedSkuAndSchedulesTimeout() throws Exception {
        fixture.givenNoPriorActivity()
                .whenAggregate(ORDER)
                .publishes(PLACED)
                .expectActiveSagas(1)
                .expectAssociationWith("orderId", ORDER)
                .expectDispatchedCommands(
                        new ReserveStock(MUG, MERCHANT, "RED-MUG", ORDER, 3),
                        new ReserveStock(TEA, MERCHANT, "TEA", ORDER, 1))
                .expectScheduledDeadlineWithName(TIMEOUT, FULFILMENT_TIMEOUT);
    }

    @Test
    void confirmsWhenEverySkuIsReservedAndKeepsTheTimeoutUntilConfirmed() throws Exception {
        fixture.givenAggregate(ORDER)
                .published(PLACED)
                .andThenAggregate(MUG)
                .published(reserved("RED-MUG", 3))
                .whenAggregate(TEA)
                .publishes(reserved("TEA", 1))
                .expectDispatchedCommands(new ConfirmOrder(ORDER, MERCHANT))
                .expectScheduledDeadlineWithName(TIMEOUT, FULFILMENT_TIMEOUT)
                .expectActiveSagas(1);
    }

    @Test
    void cancelsTheTimeoutOnceTheOrderIsConfirmed() throws Exception {
        fixture.givenAggregate(ORDER)
                .published(PLACED)
                .andThenAggregate(MUG)
                .published(reserved("RED-MUG", 3))
                .andThenAggregate(TEA)
                .published(reserved("TEA", 1))
                .whenAggregate(ORDER)
                .publishes(new OrderConfirmed(ORDER, MERCHANT))
                .expectNoScheduledDeadlines();
    }

    @Test
    void resendsALostConfirmationInsteadOfRejectingAFullyReservedOrder() throws Exception {
        fixture.givenAggregate(ORDER)
                .published(PLACED)
                .andThenAggregate(MUG)
                .published(reserved("RED-MUG", 3))
                .andThenAggregate(TEA)
                .published(reserved("TEA", 1))
                .whenTimeElapses(TIMEOUT)
                .expectDispatchedCommands(new ConfirmOrder(ORDER, MERCHANT))
                .expectScheduledDeadlineWithName(TIMEOUT, FULFILMENT_TIMEOUT)
                .expectActiveSagas(1);
    }

    @Test
    void waitsForEverySkuBeforeConfirming() throws Exception {
        fixture.givenAggregate(ORDER)
                .published(PLACED)
                .whenAggregate(MUG)
                .publishes(reserved("RED-MUG", 3))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(TIMEOUT, FULFILMENT_TIMEOUT);
    }

    @Test
    void staysAliveAfterConfirmationToOwnTheReservations() throws Exception {
        fixture.givenAggregate(ORDER)
                .published(PLACED)
                .andThenAggregate(MUG)
                .published(reserved("RED-MUG", 3))
                .andThenAggregate(TEA)
                .published(reserved("TEA", 1))
                .whenAggregate(ORDER)
                .publishes(new OrderConfirmed(ORDER, MERCHANT))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void compensatesPartialReservationWhenStockIsShort() throws Exception {
        fixture.givenAggregate(ORDER)
                .published(PLACED)
                .andThenAggregate(MUG)
                .published(reserved("RED-MUG", 3))
                .whenAggregate(TEA)
                .publishes(rejected("TEA", RejectionReason.INSUFFICIENT_STOCK))
                .expectDispatchedCommands(
                        new ReleaseStock(MUG, MERCHANT, "RED-MUG", ORDER),
                        new RejectOrder(ORDER, MERCHANT, "OUT_OF_STOCK:TEA"))
                .expectNoScheduledDeadlineWithName(TIMEOUT, FULFILMENT_TIMEOUT)
                .expectScheduledDeadlineWithName(RETRY_1, FULFILMENT_RETRY)
                .expectActiveSagas(1);
    }

    @Test
    void endsOnceTheRejectionAndEveryReleaseAreSeen() throws Exception {
        fixture.givenAggregate(ORDER)
                .published(PLACED)
                .andThenAggregate(MUG)
                .published(reserved("RED-MUG", 3))
                .andThenAggregate(TEA)
                .published(rejected("TEA", RejectionReason.INSUFFICIENT_STOCK))
                .andThenAggregate(ORDER)
                .published(OrderRejected.of(ORDER, MERCHANT, "OUT_OF_STOCK:TEA"))
                .whenAggregate(MUG)
                .publishes(released("RED-MUG", 3))
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void rejectsUnknownSku() throws Exception {
        fixture.givenAggregate(ORDER)
                .published(PLACED)
                .andThenAggregate(MUG)
                .published(reserved("RED-MUG", 3))
                .whenAggregate(TEA)
                .publishes(rejected("TEA", RejectionReason.UNKNOWN_SKU))
                .expectDispatchedCommands(
                        new ReleaseStock(MUG, MERCHANT, "RED-MUG", ORDER),
                        new RejectOrder(ORDER, MERCHANT, "UNKNOWN_SKU:TEA"))
                .expectActiveSagas(1);
    }

    @Test
    void rejectedFirstReleasesTheOutstandingSkuAndWaitsForItsAnswer() throws Exception {
        fixture.givenAggregate(ORDER)
                .published(PLACED)
                .whenAggregate(TEA)
                .publishes(rejected("TEA", RejectionReason.INSUFFICIENT_STOCK))
                .expectDispatchedCommands(
                        new ReleaseStock(MUG, MERCHANT, "RED-MUG", ORDER),
                        new RejectOrder(ORDER, MERCHANT, "OUT_OF_STOCK:TEA"))
                .expectNoScheduledDeadlineWithName(TIMEOUT, FULFILMENT_TIMEOUT)
                .expectScheduledDeadlineWithName(RETRY_1, FULFILMENT_RETRY)
                .expectActiveSagas(1);
    }

    @Test
    void releasesReservationArrivingAfterRejection() throws Exception {
        fixture.givenAggregate(ORDER)
                .published(PLACED)
                .andThenAggregate(TEA)
                .published(rejected("TEA", RejectionReason.INSUFFICIENT_STOCK))
                .andThenAggregate(ORDER)
                .published(OrderRejected.of(ORDER, MERCHANT, "OUT_OF_STOCK:TEA"))
                .whenAggregate(MUG)
                .publishes(reserved("RED-MUG", 3))
                .expectDispatchedCommands(new ReleaseStock(MUG, MERCHANT, "RED-MUG", ORDER))
                .expectScheduledDeadlineWithName(RETRY_1, FULFILMENT_RETRY)
                .expectActiveSagas(1);
    }

    @Test
    void rejectsOnTimeoutAndReleasesEverySku() throws Exception {
        fixture.givenAggregate(ORDER)
                .published(PLACED)
                .andThenAggregate(MUG)
                .published(reserved("RED-MUG", 3))
                .whenTimeElapses(TIMEOUT)
                .expectTriggeredDeadlinesWithName(FULFILMENT_TIMEOUT)
                .expectDispatchedCommands(
                        new ReleaseStock(MUG, MERCHANT, "RED-MUG", ORDER),
                        new ReleaseStock(TEA, MERCHANT, "TEA", ORDER),
                        new RejectOrder(ORDER, MERCHANT, "TIMEOUT"))
                .expectScheduledDeadlineWithName(RETRY_1, FULFILMENT_RETRY)
                .expectActiveSagas(1);
    }

    @Test
    void voidingAtTheStockSettlesAnUnansweredSku() throws Exception {
        fixture.givenAggregate(ORDER)
                .published(PLACED)
                .andThenAggregate(MUG)
                .published(reserved("RED-MUG", 3))
                .andThenTimeElapses(TIMEOUT)
                .andThenAggregate(ORDER)
                .published(OrderRejected.of(ORDER, MERCHANT, "TIMEOUT"))
                .andThenAggregate(MUG)
                .published(released("RED-MUG", 3))
                .whenAggregate(TEA)
                .publishes(new StockReservationVoided(TEA, MERCHANT, "TEA", ORDER))
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void lateReservationRefusedAsClosedAfterTimeoutEndsTheSaga() throws Exception {
        fixture.givenAggregate(ORDER)
                .published(PLACED)
                .andThenAggregate(MUG)
                .published(reserved("RED-MUG", 3))
                .andThenTimeElapses(TIMEOUT)
                .andThenAggregate(ORDER)
                .published(OrderRejected.of(ORDER, MERCHANT, "TIMEOUT"))
                .andThenAggregate(MUG)
                .published(released("RED-MUG", 3))
                .whenAggregate(TEA)
                .publishes(rejected("TEA", RejectionReason.RESERVATION_CLOSED))
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void doesNotTimeOutBeforeTheTimeout() throws Exception {
        fixture.givenAggregate(ORDER)
                .published(PLACED)
                .whenTimeElapses(TIMEOUT.minusSeconds(1))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void releasesReservationArrivingAfterTimeoutAndEndsOnceReleased() throws Exception {
        fixture.givenAggregate(ORDER)
                .published(PLACED)
                .andThenAggregate(MUG)
                .published(reserved("RED-MUG", 3))
                .andThenTimeElapses(TIMEOUT)
                .andThenAggregate(ORDER)
                .published(OrderRejected.of(ORDER, MERCHANT, "TIMEOUT"))
                .andThenAggregate(MUG)
                .published(released("RED-MUG", 3))
                .andThenAggregate(TEA)
                .published(reserved("TEA", 1))
                .whenAggregate(TEA)
                .publishes(released("TEA", 1))
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void releasesReservationArrivingAfterTimeout() throws Exception {
        fixture.givenAggregate(ORDER)
                .published(PLACED)
                .andThenAggregate(MUG)
                .published(reserved("RED-MUG", 3))
                .andThenTimeElapses(TIMEOUT)
                .whenAggregate(TEA)
                .publishes(reserved("TEA", 1))
                .expectDispatchedCommands(new ReleaseStock(TEA, MERCHANT, "TEA", ORDER))
                .expectActiveSagas(1);
    }

    @Test
    void endsAfterTimeoutOnceLastAnswerIsRejection() throws Exception {
        fixture.givenAggregate(ORDER)
                .published(PLACED)
                .andThenTimeElapses(TIMEOUT)
                .andThenAggregate(ORDER)
                .published(OrderRejected.of(ORDER, MERCHANT, "TIMEOUT"))
                .andThenAggregate(MUG)
                .published(reserved("RED-MUG", 3))
                .andThenAggregate(MUG)
                .published(released("RED-MUG", 3))
                .whenAggregate(TEA)
                .publishes(rejected("TEA", RejectionReason.INSUFFICIENT_STOCK))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }

    @Test
    void keepsReleasingUnansweredSkusUntilTheyAreSettled() throws Exception {
        fixture.givenAggregate(ORDER)
                .published(PLACED)
                .andThenTimeElapses(TIMEOUT)
                .andThenAggregate(ORDER)
                .published(OrderRejected.of(ORDER, MERCHANT, "TIMEOUT"))
                .whenTimeElapses(RETRY_1.plus(RETRY_2))
                .expectDispatchedCommands(
                        new ReleaseStock(MUG, MERCHANT, "RED-MUG", ORDER),
                        new ReleaseStock(TEA, MERCHANT, "TEA", ORDER),
                        new ReleaseStock(MUG, MERCHANT, "RED-MUG", ORDER),
                        new ReleaseStock(TEA, MERCHANT, "TEA", ORDER))
                .expectScheduledDeadlineWithName(RETRY_2.multipliedBy(2), FULFILMENT_RETRY)
                .expectActiveSagas(1);
    }

    @Test
    void confirmedOrderDoesNotTimeOut() throws Exception {
        fixture.givenAggregate(ORDER)
                .published(PLACED)
                .andThenAggregate(MUG)
                .published(reserved("RED-MUG", 3))
                .andThenAggregate(TEA)
                .published(reserved("TEA", 1))
                .andThenAggregate(ORDER)
                .published(new OrderConfirmed(ORDER, MERCHANT))
                .whenTimeElapses(TIMEOUT.multipliedBy(2))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void cancellingPendingOrderReleasesReservedAndOutstandingAndWaitsForOutstanding() throws Exception {
        fixture.givenAggregate(ORDER)
                .published(PLACED)
                .andThenAggregate(MUG)
                .published(reserved("RED-MUG", 3))
                .whenAggregate(ORDER)
                .publishes(new OrderCancelled(ORDER, MERCHANT, "customer", OrderStatus.PENDING))
                .expectDispatchedCommands(
                        new ReleaseStock(MUG, MERCHANT, "RED-MUG", ORDER),
                        new ReleaseStock(TEA, MERCHANT, "TEA", ORDER))
                .expectNoScheduledDeadlineWithName(TIMEOUT, FULFILMENT_TIMEOUT)
                .expectScheduledDeadlineWithName(RETRY_1, FULFILMENT_RETRY)
                .expectActiveSagas(1);
    }

    @Test
    void releasesReservationArrivingAfterCancellation() throws Exception {
        fixture.givenAggregate(ORDER)
                .published(PLACED)
                .andThenAggregate(ORDER)
                .published(new OrderCancelled(ORDER, MERCHANT, "customer", OrderStatus.PENDING))
                .andThenAggregate(MUG)
                .published(reserved("RED-MUG", 3))
                .andThenAggregate(MUG)
                .published(released("RED-MUG", 3))
                .whenAggregate(TEA)
                .publishes(reserved("TEA", 1))
                .expectDispatchedCommands(new ReleaseStock(TEA, MERCHANT, "TEA", ORDER))
                .expectActiveSagas(1);
    }

    @Test
    void lateReservationRefusedAsClosedAfterCancellationEndsTheSaga() throws Exception {
        fixture.givenAggregate(ORDER)
                .published(PLACED)
                .andThenAggregate(MUG)
                .published(reserved("RED-MUG", 3))
                .andThenAggregate(ORDER)
                .published(new OrderCancelled(ORDER, MERCHANT, "customer", OrderStatus.PENDING))
                .andThenAggregate(MUG)
                .published(released("RED-MUG", 3))
                .whenAggregate(TEA)
                .publishes(rejected("TEA", RejectionReason.RESERVATION_CLOSED))
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void cancellingConfirmedOrderReleasesEverything() throws Exception {
        fixture.givenAggregate(ORDER)
                .published(PLACED)
                .andThenAggregate(MUG)
                .published(reserved("RED-MUG", 3))
                .andThenAggregate(TEA)
                .published(reserved("TEA", 1))
                .andThenAggregate(ORDER)
                .published(new OrderConfirmed(ORDER, MERCHANT))
                .whenAggregate(ORDER)
                .publishes(new OrderCancelled(ORDER, MERCHANT, null, OrderStatus.CONFIRMED))
                .expectDispatchedCommands(
                        new ReleaseStock(MUG, MERCHANT, "RED-MUG", ORDER),
                        new ReleaseStock(TEA, MERCHANT, "TEA", ORDER))
                .expectNoScheduledDeadlineWithName(TIMEOUT, FULFILMENT_TIMEOUT)
                .expectScheduledDeadlineWithName(RETRY_1, FULFILMENT_RETRY)
                .expectActiveSagas(1);
    }

    @Test
    void cancelledOrderEndsOnceEveryReleaseIsSeen() throws Exception {
        fixture.givenAggregate(ORDER)
                .published(PLACED)
                .andThenAggregate(MUG)
                .published(reserved("RED-MUG", 3))
                .andThenAggregate(TEA)
                .published(reserved("TEA", 1))
                .andThenAggregate(ORDER)
                .published(new OrderConfirmed(ORDER, MERCHANT))
                .andThenAggregate(ORDER)
                .published(new OrderCancelled(ORDER, MERCHANT, null, OrderStatus.CONFIRMED))
                .andThenAggregate(MUG)
                .published(released("RED-MUG", 3))
                .whenAggregate(TEA)
                .publishes(released("TEA", 1))
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void cancellationWinningOverConfirmationReleasesEverything() throws Exception {
        // ConfirmOrder was sent but the order had been cancelled meanwhile: no OrderConfirmed comes
        fixture.givenAggregate(ORDER)
                .published(PLACED)
                .andThenAggregate(MUG)
                .published(reserved("RED-MUG", 3))
                .andThenAggregate(TEA)
                .published(reserved("TEA", 1))
                .whenAggregate(ORDER)
                .publishes(new OrderCancelled(ORDER, MERCHANT, "customer", OrderStatus.PENDING))
                .expectDispatchedCommands(
                        new ReleaseStock(MUG, MERCHANT, "RED-MUG", ORDER),
                        new ReleaseStock(TEA, MERCHANT, "TEA", ORDER))
                .expectActiveSagas(1);
    }

    @Test
    void cancellationAfterTimeoutDoesNotReleaseTwice() throws Exception {
        fixture.givenAggregate(ORDER)
                .published(PLACED)
                .andThenAggregate(MUG)
                .published(reserved("RED-MUG", 3))
                .andThenTimeElapses(TIMEOUT)
                .whenAggregate(ORDER)
                .publishes(new OrderCancelled(ORDER, MERCHANT, "customer", OrderStatus.PENDING))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void ownRejectionComingBackChangesNothing() throws Exception {
        fixture.givenAggregate(ORDER)
                .published(PLACED)
                .andThenAggregate(MUG)
                .published(reserved("RED-MUG", 3))
                .andThenTimeElapses(TIMEOUT)
                .whenAggregate(ORDER)
                .publishes(OrderRejected.of(ORDER, MERCHANT, "TIMEOUT"))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void ownRejectionComingBackWaitsForTheRelease() throws Exception {
        fixture.givenAggregate(ORDER)
                .published(PLACED)
                .andThenAggregate(MUG)
                .published(reserved("RED-MUG", 3))
                .andThenAggregate(TEA)
                .published(rejected("TEA", RejectionReason.INSUFFICIENT_STOCK))
                .whenAggregate(ORDER)
                .publishes(OrderRejected.of(ORDER, MERCHANT, "OUT_OF_STOCK:TEA"))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void rejectionByOthersReleasesReservedAndOutstanding() throws Exception {
        fixture.givenAggregate(ORDER)
                .published(PLACED)
                .andThenAggregate(MUG)
                .published(reserved("RED-MUG", 3))
                .whenAggregate(ORDER)
                .publishes(OrderRejected.of(ORDER, MERCHANT, "by hand"))
                .expectDispatchedCommands(
                        new ReleaseStock(MUG, MERCHANT, "RED-MUG", ORDER),
                        new ReleaseStock(TEA, MERCHANT, "TEA", ORDER))
                .expectNoScheduledDeadlineWithName(TIMEOUT, FULFILMENT_TIMEOUT)
                .expectActiveSagas(1);
    }

    @Test
    void duplicateRefusalOfAReservedSkuDoesNotDropItsCommit() throws Exception {
        fixture.givenAggregate(ORDER)
                .published(PLACED)
                .andThenAggregate(MUG)
                .published(reserved("RED-MUG", 3))
                .andThenAggregate(TEA)
                .published(reserved("TEA", 1))
                .andThenAggregate(ORDER)
                .published(new OrderConfirmed(ORDER, MERCHANT))
                .andThenAggregate(TEA)
                .published(rejected("TEA", RejectionReason.RESERVATION_CLOSED))
                .whenAggregate(ORDER)
                .publishes(new OrderShipped(ORDER, MERCHANT))
                .expectDispatchedCommands(
                        new CommitStock(MUG, MERCHANT, "RED-MUG", ORDER), new CommitStock(TEA, MERCHANT, "TEA", ORDER))
                .expectActiveSagas(1);
    }

    @Test
    void refusalOfAReservedSkuWhileReservingIsIgnored() throws Exception {
        fixture.givenAggregate(ORDER)
                .published(PLACED)
                .andThenAggregate(MUG)
                .published(reserved("RED-MUG", 3))
                .whenAggregate(MUG)
                .publishes(rejected("RED-MUG", RejectionReason.INSUFFICIENT_STOCK))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void closedReservationReachingAnOpenOrderRejectsItWithItsOwnReason() throws Exception {
        fixture.givenAggregate(ORDER)
                .published(PLACED)
                .andThenAggregate(MUG)
                .published(reserved("RED-MUG", 3))
                .whenAggregate(TEA)
                .publishes(rejected("TEA", RejectionReason.RESERVATION_CLOSED))
                .expectDispatchedCommands(
                        new ReleaseStock(MUG, MERCHANT, "RED-MUG", ORDER),
                        new RejectOrder(ORDER, MERCHANT, "RESERVATION_CLOSED:TEA"))
                .expectActiveSagas(1);
    }

    @Test
    void shippingCommitsEveryReservation() throws Exception {
        fixture.givenAggregate(ORDER)
                .published(PLACED)
                .andThenAggregate(MUG)
                .published(reserved("RED-MUG", 3))
                .andThenAggregate(TEA)
                .published(reserved("TEA", 1))
                .andThenAggregate(ORDER)
                .published(new OrderConfirmed(ORDER, MERCHANT))
                .whenAggregate(ORDER)
                .publishes(new OrderShipped(ORDER, MERCHANT))
                .expectDispatchedCommands(
                        new CommitStock(MUG, MERCHANT, "RED-MUG", ORDER), new CommitStock(TEA, MERCHANT, "TEA", ORDER))
                .expectNoScheduledDeadlineWithName(TIMEOUT, FULFILMENT_TIMEOUT)
                .expectScheduledDeadlineWithName(RETRY_1, FULFILMENT_RETRY)
                .expectActiveSagas(1);
    }

    @Test
    void shippedOrderEndsOnceEveryCommitIsSeen() throws Exception {
        fixture.givenAggregate(ORDER)
                .published(PLACED)
                .andThenAggregate(MUG)
                .published(reserved("RED-MUG", 3))
                .andThenAggregate(TEA)
                .published(reserved("TEA", 1))
                .andThenAggregate(ORDER)
                .published(new OrderConfirmed(ORDER, MERCHANT))
                .andThenAggregate(ORDER)
                .published(new OrderShipped(ORDER, MERCHANT))
                .andThenAggregate(MUG)
                .published(committed("RED-MUG", 3))
                .whenAggregate(TEA)
                .publishes(committed("TEA", 1))
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void resendsACommitThatDidNotTakeEffect() throws Exception {
        fixture.givenAggregate(ORDER)
                .published(PLACED)
                .andThenAggregate(MUG)
                .published(reserved("RED-MUG", 3))
                .andThenAggregate(TEA)
                .published(reserved("TEA", 1))
                .andThenAggregate(ORDER)
                .published(new OrderConfirmed(ORDER, MERCHANT))
                .andThenAggregate(ORDER)
                .published(new OrderShipped(ORDER, MERCHANT))
                .andThenAggregate(MUG)
                .published(committed("RED-MUG", 3))
                .whenTimeElapses(RETRY_1)
                .expectDispatchedCommands(new CommitStock(TEA, MERCHANT, "TEA", ORDER))
                .expectScheduledDeadlineWithName(RETRY_2, FULFILMENT_RETRY)
                .expectActiveSagas(1);
    }

    @Test
    void ignoresStockEventsOfAnotherMerchant() throws Exception {
        fixture.givenAggregate(ORDER)
                .published(PLACED)
                .andThenAggregate(MUG)
                .published(reserved("RED-MUG", 3))
                .whenAggregate("globex/TEA")
                .publishes(new StockReserved("globex/TEA", "globex", "TEA", ORDER, 1, 5, 1))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    // --- retries of every command the saga sends

    @Test
    void retriesAFailedConfirmationAtOnce() throws Exception {
        failing.put(ConfirmOrder.class, IMMEDIATE_RETRIES);
        fixture.givenAggregate(ORDER)
                .published(PLACED)
                .andThenAggregate(MUG)
                .published(reserved("RED-MUG", 3))
                .whenAggregate(TEA)
                .publishes(reserved("TEA", 1));
        assertThat(sent(ConfirmOrder.class)).isEqualTo(1 + IMMEDIATE_RETRIES);
    }

    @Test
    void retriesAFailedReservationUntilItGoesThrough() throws Exception {
        failing.put(ReserveStock.class, IMMEDIATE_RETRIES);
        fixture.givenNoPriorActivity().whenAggregate(ORDER).publishes(PLACED).expectActiveSagas(1);
        // three failures of the first SKU, then its send and the second SKU's go through
        assertThat(sent(ReserveStock.class)).isEqualTo(2 + IMMEDIATE_RETRIES);
        assertThat(meters.find(FulfilmentCommands.FAILURES_METER).counter()).isNull();
    }

    @Test
    void retriesAFailedRejectionAndRelease() throws Exception {
        failing.put(RejectOrder.class, IMMEDIATE_RETRIES);
        failing.put(ReleaseStock.class, IMMEDIATE_RETRIES);
        fixture.givenAggregate(ORDER)
                .published(PLACED)
                .andThenAggregate(MUG)
                .published(reserved("RED-MUG", 3))
                .whenAggregate(TEA)
                .publishes(rejected("TEA", RejectionReason.INSUFFICIENT_STOCK));
        assertThat(sent(RejectOrder.class)).isEqualTo(1 + IMMEDIATE_RETRIES);
        assertThat(sent(ReleaseStock.class)).isEqualTo(1 + IMMEDIATE_RETRIES);
    }

    @Test
    void retriesAFailedCommit() throws Exception {
        failing.put(CommitStock.class, IMMEDIATE_RETRIES);
        fixture.givenAggregate(ORDER)
                .published(PLACED)
                .andThenAggregate(MUG)
                .published(reserved("RED-MUG", 3))
                .andThenAggregate(TEA)
                .published(reserved("TEA", 1))
                .andThenAggregate(ORDER)
                .published(new OrderConfirmed(ORDER, MERCHANT))
                .whenAggregate(ORDER)
                .publishes(new OrderShipped(ORDER, MERCHANT));
        assertThat(sent(CommitStock.class)).isEqualTo(2 + IMMEDIATE_RETRIES);
    }

    @Test
    void aRefusalIsAnAnswerAndNotRetried() throws Exception {
        fixture.setCallbackBehavior((payload, metaData) -> {
            throw Refusals.conflict("Order order-1 is CANCELLED and cannot be confirmed");
        });
        fixture.givenAggregate(ORDER)
                .published(PLACED)
                .andThenAggregate(MUG)
                .published(reserved("RED-MUG", 3))
                .whenAggregate(TEA)
                .publishes(reserved("TEA", 1));
        assertThat(sent()).containsExactly(new ConfirmOrder(ORDER, MERCHANT));
        assertThat(meters.find(FulfilmentCommands.FAILURES_METER).counter()).isNull();
    }

    @Test
    void aCommandFailingThroughItsImmediateRetriesIsCountedAndSentAgainLater() throws Exception {
        failing.put(RejectOrder.class, -1);
        fixture.givenAggregate(ORDER)
                .published(PLACED)
                .andThenAggregate(MUG)
                .published(reserved("RED-MUG", 3))
                .andThenAggregate(TEA)
                .published(rejected("TEA", RejectionReason.INSUFFICIENT_STOCK))
                .whenTimeElapses(RETRY_1)
                .expectTriggeredDeadlinesWithName(FULFILMENT_RETRY)
                .expectScheduledDeadlineWithName(RETRY_2, FULFILMENT_RETRY)
                .expectActiveSagas(1);
        // the persisted retry sends what has not taken effect: the rejection and the mug's release
        assertThat(sent(RejectOrder.class)).isEqualTo(1 + IMMEDIATE_RETRIES);
        assertThat(sent(ReleaseStock.class)).isEqualTo(1);
        assertThat(meters.counter(FulfilmentCommands.FAILURES_METER, "command", "RejectOrder")
                        .count())
                .isEqualTo(2);
    }

    @Test
    void anOrderWhoseCommandsKeepFailingIsReportedStalledOnce() throws Exception {
        failing.put(RejectOrder.class, -1);
        int stallAfter = PROPERTIES.commandRetry().stallAfter();
        Duration untilStall = Duration.ZERO;
        for (int attempt = 1; attempt <= stallAfter; attempt++) {
            untilStall = untilStall.plus(PROPERTIES.commandRetry().interval(attempt));
        }
        fixture.givenAggregate(ORDER)
                .published(PLACED)
                .andThenAggregate(MUG)
                .published(reserved("RED-MUG", 3))
                .andThenAggregate(TEA)
                .published(rejected("TEA", RejectionReason.INSUFFICIENT_STOCK))
                .andThenTimeElapses(untilStall.minusMillis(1))
                .whenTimeElapses(Duration.ofMinutes(30))
                .expectActiveSagas(1);
        assertThat(sent().stream()
                        .filter(ReportFulfilmentStall.class::isInstance)
                        .toList())
                .singleElement()
                .satisfies(report ->
                        assertThat(((ReportFulfilmentStall) report).reason()).contains("RejectOrder"));
        assertThat(meters.counter(FulfilmentCommands.STALLS_METER).count()).isEqualTo(1);
    }

    @Test
    void isNotReportedStalledBeforeItsRetriesRunOut() throws Exception {
        failing.put(RejectOrder.class, -1);
        Duration beforeStall = Duration.ZERO;
        for (int attempt = 1; attempt < PROPERTIES.commandRetry().stallAfter(); attempt++) {
            beforeStall = beforeStall.plus(PROPERTIES.commandRetry().interval(attempt));
        }
        fixture.givenAggregate(ORDER)
                .published(PLACED)
                .andThenAggregate(MUG)
                .published(reserved("RED-MUG", 3))
                .andThenAggregate(TEA)
                .published(rejected("TEA", RejectionReason.INSUFFICIENT_STOCK))
                .whenTimeElapses(beforeStall);
        assertThat(sent(ReportFulfilmentStall.class)).isZero();
    }

    @Test
    void aStalledOrderThatMovesAgainIsReportedResumed() throws Exception {
        failing.put(RejectOrder.class, -1);
        fixture.givenAggregate(ORDER)
                .published(PLACED)
                .andThenAggregate(MUG)
                .published(reserved("RED-MUG", 3))
                .andThenAggregate(TEA)
                .published(rejected("TEA", RejectionReason.INSUFFICIENT_STOCK))
                .andThenTimeElapses(Duration.ofMinutes(30))
                .whenAggregate(ORDER)
                .publishes(OrderRejected.of(ORDER, MERCHANT, "OUT_OF_STOCK:TEA"))
                .expectDispatchedCommands(new ReportFulfilmentResumed(ORDER, MERCHANT))
                .expectActiveSagas(1);
    }

    @Test
    void aConfirmationThatKeepsFailingStallsTheOrderToo() throws Exception {
        failing.put(ConfirmOrder.class, -1);
        fixture.givenAggregate(ORDER)
                .published(PLACED)
                .andThenAggregate(MUG)
                .published(reserved("RED-MUG", 3))
                .andThenAggregate(TEA)
                .published(reserved("TEA", 1))
                .whenTimeElapses(TIMEOUT.multipliedBy(PROPERTIES.commandRetry().stallAfter()))
                .expectActiveSagas(1);
        assertThat(sent(ReportFulfilmentStall.class)).isEqualTo(1);
        assertThat(sent(RejectOrder.class))
                .as("a fully reserved order is not rejected")
                .isZero();
    }

    /** Runs a retry at once, in the sending thread, so the fixture sees every attempt. */
    private static final class ImmediateRetries extends ScheduledThreadPoolExecutor {

        ImmediateRetries() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            command.run();
            return super.schedule(() -> {}, 0, TimeUnit.MILLISECONDS);
        }
    }
}
