package io.syncline.inventory.stock;

import io.syncline.api.common.ErrorCode;
import io.syncline.api.common.ErrorDetails;
import io.syncline.api.inventory.StockCommands.AdjustStock;
import io.syncline.api.inventory.StockCommands.CommitStock;
import io.syncline.api.inventory.StockCommands.CountStock;
import io.syncline.api.inventory.StockCommands.ReleaseStock;
import io.syncline.api.inventory.StockCommands.ReserveStock;
import io.syncline.api.inventory.StockEvents.RejectionReason;
import io.syncline.api.inventory.StockEvents.StockAdjusted;
import io.syncline.api.inventory.StockEvents.StockCommitted;
import io.syncline.api.inventory.StockEvents.StockCounted;
import io.syncline.api.inventory.StockEvents.StockDefined;
import io.syncline.api.inventory.StockEvents.StockDetailsChanged;
import io.syncline.api.inventory.StockEvents.StockRanLow;
import io.syncline.api.inventory.StockEvents.StockReleased;
import io.syncline.api.inventory.StockEvents.StockReservationRejected;
import io.syncline.api.inventory.StockEvents.StockReservationVoided;
import io.syncline.api.inventory.StockEvents.StockReserved;
import io.syncline.api.inventory.StockIds;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventhandling.gateway.DefaultEventGateway;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StockTest {

    static final String MERCHANT = "m1";
    static final String SKU = "sku-1";
    static final String ID = StockIds.of(MERCHANT, SKU);

    private FixtureConfiguration<Stock> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Stock.class);
        fixture.registerAnnotatedCommandHandler(new StockReservationHandler(
                fixture.getRepository(),
                DefaultEventGateway.builder().eventBus(fixture.getEventBus()).build()));
        fixture.registerCommandHandlerInterceptor(new UnknownStockInterceptor());
    }

    static StockDefined defined(int threshold) {
        return new StockDefined(ID, MERCHANT, SKU, "Mug", threshold);
    }

    static StockCounted counted(int onHand) {
        return new StockCounted(ID, MERCHANT, SKU, 0, onHand, 0);
    }

    static StockReserved reserved(String orderId, int quantity, int onHand, int reservedAfter) {
        return new StockReserved(ID, MERCHANT, SKU, orderId, quantity, onHand, reservedAfter);
    }

    static StockReservationVoided voided(String orderId) {
        return new StockReservationVoided(ID, MERCHANT, SKU, orderId);
    }

    private static org.hamcrest.Matcher<Object> detailsWithCode(ErrorCode code) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof ErrorDetails details && details.code() == code;
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("ErrorDetails with code " + code);
            }
        };
    }

    @Nested
    class Counting {

        @Test
        void firstCountDefinesStockAndAnswersTrue() {
            fixture.givenNoPriorActivity()
                    .when(new CountStock(ID, MERCHANT, SKU, "Mug", 10, 3))
                    .expectEvents(defined(3), counted(10))
                    .expectResultMessagePayload(true);
        }

        @Test
        void laterCountSetsOnHandAndAnswersFalse() {
            fixture.given(defined(3), counted(10), reserved("o1", 2, 10, 2))
                    .when(new CountStock(ID, MERCHANT, SKU, "Mug", 7, 3))
                    .expectEvents(new StockCounted(ID, MERCHANT, SKU, 10, 7, 2))
                    .expectResultMessagePayload(false);
        }

        @Test
        void countWithNewDetailsChangesThem() {
            fixture.given(defined(3), counted(10))
                    .when(new CountStock(ID, MERCHANT, SKU, "Big mug", 10, 2))
                    .expectEvents(new StockDetailsChanged(ID, MERCHANT, SKU, "Big mug", 2))
                    .expectResultMessagePayload(false);
        }

        @Test
        void countWithoutNameKeepsTheName() {
            fixture.given(defined(3), counted(10))
                    .when(new CountStock(ID, MERCHANT, SKU, null, 10, 3))
                    .expectNoEvents()
                    .expectResultMessagePayload(false);
        }

        @Test
        void unchangedCountAppliesNothing() {
            fixture.given(defined(3), counted(10))
                    .when(new CountStock(ID, MERCHANT, SKU, "Mug", 10, 3))
                    .expectNoEvents()
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesCountBelowReserved() {
            fixture.given(defined(3), counted(10), reserved("o1", 6, 10, 6))
                    .when(new CountStock(ID, MERCHANT, SKU, "Mug", 5, 3))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(detailsWithCode(ErrorCode.CONFLICT))
                    .expectNoEvents();
        }

        @Test
        void refusesNegativeOnHand() {
            fixture.givenNoPriorActivity()
                    .when(new CountStock(ID, MERCHANT, SKU, "Mug", -1, 3))
                    .expectExceptionDetails(detailsWithCode(ErrorCode.INVALID))
                    .expectNoEvents();
        }

        @Test
        void refusesNegativeThreshold() {
            fixture.given(defined(3), counted(10))
                    .when(new CountStock(ID, MERCHANT, SKU, "Mug", 10, -1))
                    .expectExceptionDetails(detailsWithCode(ErrorCode.INVALID))
                    .expectNoEvents();
        }

        @Test
        void refusesDefiningStockUnderAnIdOfAnotherMerchant() {
            fixture.givenNoPriorActivity()
                    .when(new CountStock(ID, "m2", SKU, "Mug", 10, 3))
                    .expectExceptionDetails(detailsWithCode(ErrorCode.INVALID))
                    .expectNoEvents();
        }
    }

    @Nested
    class Adjusting {

        @Test
        void adjustsOnHandByDelta() {
            fixture.given(defined(3), counted(10), reserved("o1", 2, 10, 2))
                    .when(new AdjustStock(ID, MERCHANT, SKU, 5, "restock"))
                    .expectEvents(new StockAdjusted(ID, MERCHANT, SKU, 5, "restock", 15, 2));
        }

        @Test
        void anAdjustmentSentAgainWithItsKeyChangesNothing() {
            fixture.given(
                            defined(3),
                            counted(10),
                            new StockAdjusted(ID, MERCHANT, SKU, 3, "conflict:c-1", 13, 0, "resolution-1"))
                    .when(new AdjustStock(ID, MERCHANT, SKU, 3, "conflict:c-1", "resolution-1"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anotherKeyOrNoKeyAdjustsAgain() {
            fixture.given(
                            defined(3),
                            counted(10),
                            new StockAdjusted(ID, MERCHANT, SKU, 3, "conflict:c-1", 13, 0, "resolution-1"))
                    .when(new AdjustStock(ID, MERCHANT, SKU, 3, "conflict:c-2", "resolution-2"))
                    .expectEvents(new StockAdjusted(ID, MERCHANT, SKU, 3, "conflict:c-2", 16, 0, "resolution-2"));
            fixture.given(defined(3), counted(10), new StockAdjusted(ID, MERCHANT, SKU, 1, "restock", 11, 0))
                    .when(new AdjustStock(ID, MERCHANT, SKU, 1, "restock"))
                    .expectEvents(new StockAdjusted(ID, MERCHANT, SKU, 1, "restock", 12, 0));
        }

        @Test
        void theKeysOfRecentAdjustmentsAreBounded() {
            RecentAdjustments keys = new RecentAdjustments();
            for (int i = 0; i <= RecentAdjustments.CAPACITY; i++) {
                keys.remember("k" + i);
            }
            org.assertj.core.api.Assertions.assertThat(keys.contains("k0")).isFalse();
            org.assertj.core.api.Assertions.assertThat(keys.contains("k1")).isTrue();
            org.assertj.core.api.Assertions.assertThat(keys.keys()).hasSize(RecentAdjustments.CAPACITY);
        }

        @Test
        void refusesAdjustmentBelowReserved() {
            fixture.given(defined(0), counted(10), reserved("o1", 6, 10, 6))
                    .when(new AdjustStock(ID, MERCHANT, SKU, -5, "damaged"))
                    .expectExceptionDetails(detailsWithCode(ErrorCode.CONFLICT))
                    .expectNoEvents();
        }

        @Test
        void refusesAdjustmentBelowZero() {
            fixture.given(defined(0), counted(3))
                    .when(new AdjustStock(ID, MERCHANT, SKU, -4, "damaged"))
                    .expectExceptionDetails(detailsWithCode(ErrorCode.CONFLICT))
                    .expectNoEvents();
        }

        @Test
        void allowsAdjustmentDownToReserved() {
            fixture.given(defined(0), counted(10), reserved("o1", 6, 10, 6))
                    .when(new AdjustStock(ID, MERCHANT, SKU, -4, "damaged"))
                    .expectEvents(
                            new StockAdjusted(ID, MERCHANT, SKU, -4, "damaged", 6, 6),
                            new StockRanLow(ID, MERCHANT, SKU, 0, 0));
        }

        @Test
        void refusesZeroDelta() {
            fixture.given(defined(3), counted(10))
                    .when(new AdjustStock(ID, MERCHANT, SKU, 0, "nothing"))
                    .expectExceptionDetails(detailsWithCode(ErrorCode.INVALID))
                    .expectNoEvents();
        }

        @Test
        void refusesAdjustmentWithoutReason() {
            fixture.given(defined(3), counted(10))
                    .when(new AdjustStock(ID, MERCHANT, SKU, 1, " "))
                    .expectExceptionDetails(detailsWithCode(ErrorCode.INVALID))
                    .expectNoEvents();
        }

        @Test
        void refusesAdjustmentBeyondIntegerRange() {
            fixture.given(defined(3), counted(Integer.MAX_VALUE - 1))
                    .when(new AdjustStock(ID, MERCHANT, SKU, 2, "restock"))
                    .expectExceptionDetails(detailsWithCode(ErrorCode.INVALID))
                    .expectNoEvents();
        }
    }

    @Nested
    class Reserving {

        @Test
        void reservesWhenAvailable() {
            fixture.given(defined(0), counted(10))
                    .when(new ReserveStock(ID, MERCHANT, SKU, "o1", 4))
                    .expectEvents(reserved("o1", 4, 10, 4));
        }

        @Test
        void rejectsWhenStockShort() {
            fixture.given(defined(0), counted(10), reserved("o1", 8, 10, 8))
                    .when(new ReserveStock(ID, MERCHANT, SKU, "o2", 3))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new StockReservationRejected(
                            ID, MERCHANT, SKU, "o2", 3, 2, RejectionReason.INSUFFICIENT_STOCK));
        }

        @Test
        void reservesExactlyWhatIsAvailable() {
            fixture.given(defined(0), counted(10), reserved("o1", 8, 10, 8))
                    .when(new ReserveStock(ID, MERCHANT, SKU, "o2", 2))
                    .expectEvents(reserved("o2", 2, 10, 10), new StockRanLow(ID, MERCHANT, SKU, 0, 0));
        }

        @Test
        void reservingTheSameOrderTwiceHasOneEffect() {
            fixture.given(defined(0), counted(10))
                    .andGivenCommands(new ReserveStock(ID, MERCHANT, SKU, "o1", 4))
                    .when(new ReserveStock(ID, MERCHANT, SKU, "o1", 4))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void rejectsReservationOfUnknownSku() {
            fixture.givenNoPriorActivity()
                    .when(new ReserveStock(ID, MERCHANT, SKU, "o1", 1))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(
                            new StockReservationRejected(ID, MERCHANT, SKU, "o1", 1, 0, RejectionReason.UNKNOWN_SKU));
        }

        @Test
        void refusesNonPositiveQuantity() {
            fixture.given(defined(0), counted(10))
                    .when(new ReserveStock(ID, MERCHANT, SKU, "o1", 0))
                    .expectExceptionDetails(detailsWithCode(ErrorCode.INVALID))
                    .expectNoEvents();
        }

        @Test
        void refusesReservationWithoutOrder() {
            fixture.given(defined(0), counted(10))
                    .when(new ReserveStock(ID, MERCHANT, SKU, null, 1))
                    .expectExceptionDetails(detailsWithCode(ErrorCode.INVALID))
                    .expectNoEvents();
        }
    }

    @Nested
    class ReleasingAndCommitting {

        /** The saga waits for an answer to every release; of a SKU that does not exist nothing is held. */
        @Test
        void releaseOfAnUnknownSkuIsAnsweredAsVoided() {
            fixture.givenNoPriorActivity()
                    .when(new ReleaseStock(ID, MERCHANT, SKU, "o1"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new StockReservationVoided(ID, MERCHANT, SKU, "o1"));
        }

        @Test
        void releaseGivesTheReservationBack() {
            fixture.given(defined(0), counted(10), reserved("o1", 4, 10, 4), reserved("o2", 1, 10, 5))
                    .when(new ReleaseStock(ID, MERCHANT, SKU, "o1"))
                    .expectEvents(new StockReleased(ID, MERCHANT, SKU, "o1", 4, 10, 1));
        }

        @Test
        void releaseOfAnOrderHoldingNothingVoidsItsReservation() {
            fixture.given(defined(0), counted(10), reserved("o1", 4, 10, 4))
                    .when(new ReleaseStock(ID, MERCHANT, SKU, "o2"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(voided("o2"));
        }

        @Test
        void releasingTwiceHasOneEffect() {
            fixture.given(defined(0), counted(10), reserved("o1", 4, 10, 4))
                    .andGivenCommands(new ReleaseStock(ID, MERCHANT, SKU, "o1"))
                    .when(new ReleaseStock(ID, MERCHANT, SKU, "o1"))
                    .expectNoEvents();
        }

        @Test
        void commitDeductsTheReservationFromOnHand() {
            fixture.given(defined(0), counted(10), reserved("o1", 4, 10, 4), reserved("o2", 1, 10, 5))
                    .when(new CommitStock(ID, MERCHANT, SKU, "o1"))
                    .expectEvents(new StockCommitted(ID, MERCHANT, SKU, "o1", 4, 6, 1));
        }

        @Test
        void commitOfAnOrderHoldingNothingIsANoOp() {
            fixture.given(defined(0), counted(10))
                    .when(new CommitStock(ID, MERCHANT, SKU, "o1"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void committedOrderCanNoLongerBeReleased() {
            fixture.given(defined(0), counted(10), reserved("o1", 4, 10, 4))
                    .andGivenCommands(new CommitStock(ID, MERCHANT, SKU, "o1"))
                    .when(new ReleaseStock(ID, MERCHANT, SKU, "o1"))
                    .expectNoEvents();
        }
    }

    /** Duplicate and late commands of orders whose reservation is settled. */
    @Nested
    class Settled {

        @Test
        void reservingAgainAfterReleaseIsANoOp() {
            fixture.given(
                            defined(0),
                            counted(10),
                            reserved("o1", 4, 10, 4),
                            new StockReleased(ID, MERCHANT, SKU, "o1", 4, 10, 0))
                    .when(new ReserveStock(ID, MERCHANT, SKU, "o1", 4))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void reservingAgainAfterCommitIsANoOp() {
            fixture.given(
                            defined(0),
                            counted(10),
                            reserved("o1", 4, 10, 4),
                            new StockCommitted(ID, MERCHANT, SKU, "o1", 4, 6, 0))
                    .when(new ReserveStock(ID, MERCHANT, SKU, "o1", 4))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void reservingAgainAfterAShortageIsANoOpEvenOnceRestocked() {
            fixture.given(
                            defined(0),
                            counted(2),
                            new StockReservationRejected(
                                    ID, MERCHANT, SKU, "o1", 4, 2, RejectionReason.INSUFFICIENT_STOCK),
                            new StockAdjusted(ID, MERCHANT, SKU, 10, "restock", 12, 0))
                    .when(new ReserveStock(ID, MERCHANT, SKU, "o1", 4))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void releaseThatOvertakesItsReservationVoidsIt() {
            fixture.given(defined(0), counted(10))
                    .when(new ReleaseStock(ID, MERCHANT, SKU, "o1"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(voided("o1"));
        }

        @Test
        void reservationAfterItsReleaseIsRejectedAsClosed() {
            fixture.given(defined(0), counted(10))
                    .andGivenCommands(new ReleaseStock(ID, MERCHANT, SKU, "o1"))
                    .when(new ReserveStock(ID, MERCHANT, SKU, "o1", 4))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new StockReservationRejected(
                            ID, MERCHANT, SKU, "o1", 4, 10, RejectionReason.RESERVATION_CLOSED));
        }

        @Test
        void closedReservationRefusedOnceThenDuplicatesAreNoOps() {
            fixture.given(defined(0), counted(10), voided("o1"))
                    .andGivenCommands(new ReserveStock(ID, MERCHANT, SKU, "o1", 4))
                    .when(new ReserveStock(ID, MERCHANT, SKU, "o1", 4))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void repeatedReleasesOfAVoidedOrderAreNoOps() {
            fixture.given(defined(0), counted(10), voided("o1"))
                    .when(new ReleaseStock(ID, MERCHANT, SKU, "o1"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void releaseAfterAShortageDoesNotVoid() {
            fixture.given(
                            defined(0),
                            counted(2),
                            new StockReservationRejected(
                                    ID, MERCHANT, SKU, "o1", 4, 2, RejectionReason.INSUFFICIENT_STOCK))
                    .when(new ReleaseStock(ID, MERCHANT, SKU, "o1"))
                    .expectNoEvents();
        }

        @Test
        void forgetsTheOldestSettledOrderBeyondCapacity() {
            fixture.given(settlingOneMoreThanCapacity())
                    .when(new ReserveStock(ID, MERCHANT, SKU, "o0", 4))
                    .expectEvents(reserved("o0", 4, 10, 4));
        }

        @Test
        void remembersEverySettledOrderUpToCapacity() {
            fixture.given(settlingOneMoreThanCapacity())
                    .when(new ReserveStock(ID, MERCHANT, SKU, "o1", 4))
                    .expectEvents(new StockReservationRejected(
                            ID, MERCHANT, SKU, "o1", 4, 10, RejectionReason.RESERVATION_CLOSED));
        }

        /** Orders o0 (the oldest) to o{CAPACITY} settled, by release and by voiding alike. */
        private List<Object> settlingOneMoreThanCapacity() {
            List<Object> events = new ArrayList<>(List.of(defined(0), counted(10)));
            events.add(reserved("o0", 1, 10, 1));
            events.add(new StockReleased(ID, MERCHANT, SKU, "o0", 1, 10, 0));
            for (int i = 1; i <= SettledOrders.CAPACITY; i++) {
                events.add(voided("o" + i));
            }
            return events;
        }
    }

    @Nested
    class Tenancy {

        @Test
        void countOfAnotherMerchantIsNotFound() {
            fixture.given(defined(0), counted(10))
                    .when(new CountStock(ID, "m2", SKU, "Mug", 1, 0))
                    .expectExceptionDetails(detailsWithCode(ErrorCode.NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void invalidCountOfAnotherMerchantIsStillNotFound() {
            fixture.given(defined(0), counted(10))
                    .when(new CountStock(ID, "m2", SKU, "Mug", -1, 0))
                    .expectExceptionDetails(detailsWithCode(ErrorCode.NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void adjustmentOfAnotherMerchantIsNotFound() {
            fixture.given(defined(0), counted(10))
                    .when(new AdjustStock(ID, "m2", SKU, 1, "restock"))
                    .expectExceptionDetails(detailsWithCode(ErrorCode.NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void reservationOfAnotherMerchantIsNotFound() {
            fixture.given(defined(0), counted(10))
                    .when(new ReserveStock(ID, "m2", SKU, "o1", 1))
                    .expectExceptionDetails(detailsWithCode(ErrorCode.NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void releaseOfAnotherMerchantIsNotFound() {
            fixture.given(defined(0), counted(10), reserved("o1", 4, 10, 4))
                    .when(new ReleaseStock(ID, "m2", SKU, "o1"))
                    .expectExceptionDetails(detailsWithCode(ErrorCode.NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void commitOfAnotherMerchantIsNotFound() {
            fixture.given(defined(0), counted(10), reserved("o1", 4, 10, 4))
                    .when(new CommitStock(ID, "m2", SKU, "o1"))
                    .expectExceptionDetails(detailsWithCode(ErrorCode.NOT_FOUND))
                    .expectNoEvents();
        }

        /** Another merchant's SKU is a stock id of its own, which does not exist. */
        @Test
        void adjustmentOfAStockThatDoesNotExistIsNotFound() {
            fixture.givenNoPriorActivity()
                    .when(new AdjustStock(ID, MERCHANT, SKU, 1, "restock"))
                    .expectExceptionDetails(detailsWithCode(ErrorCode.NOT_FOUND))
                    .expectNoEvents();
        }

        /** A release of it is answered as voided instead (see ReleasingAndCommitting): the saga waits for it. */
        @Test
        void commitOfAStockThatDoesNotExistIsNotFound() {
            fixture.givenNoPriorActivity()
                    .when(new CommitStock(ID, MERCHANT, SKU, "o1"))
                    .expectExceptionDetails(detailsWithCode(ErrorCode.NOT_FOUND));
        }
    }

    @Nested
    class LowStock {

        @Test
        void reservationThatCrossesTheThresholdSignalsLowStock() {
            fixture.given(defined(3), counted(10))
                    .when(new ReserveStock(ID, MERCHANT, SKU, "o1", 7))
                    .expectEvents(reserved("o1", 7, 10, 7), new StockRanLow(ID, MERCHANT, SKU, 3, 3));
        }

        @Test
        void reservationStayingAboveTheThresholdSignalsNothing() {
            fixture.given(defined(3), counted(10))
                    .when(new ReserveStock(ID, MERCHANT, SKU, "o1", 6))
                    .expectEvents(reserved("o1", 6, 10, 6));
        }

        @Test
        void stockAlreadyLowIsNotSignalledAgain() {
            fixture.given(defined(3))
                    .andGivenCommands(
                            new CountStock(ID, MERCHANT, SKU, "Mug", 10, 3),
                            new ReserveStock(ID, MERCHANT, SKU, "o1", 7))
                    .when(new ReserveStock(ID, MERCHANT, SKU, "o2", 1))
                    .expectEvents(reserved("o2", 1, 10, 8));
        }

        @Test
        void stockIsSignalledAgainAfterRecovering() {
            fixture.given(defined(3))
                    .andGivenCommands(
                            new CountStock(ID, MERCHANT, SKU, "Mug", 10, 3),
                            new ReserveStock(ID, MERCHANT, SKU, "o1", 7),
                            new ReleaseStock(ID, MERCHANT, SKU, "o1"))
                    .when(new ReserveStock(ID, MERCHANT, SKU, "o2", 8))
                    .expectEvents(reserved("o2", 8, 10, 8), new StockRanLow(ID, MERCHANT, SKU, 2, 3));
        }

        @Test
        void adjustmentThatCrossesTheThresholdSignalsLowStock() {
            fixture.given(defined(3), counted(10))
                    .when(new AdjustStock(ID, MERCHANT, SKU, -8, "damaged"))
                    .expectEvents(
                            new StockAdjusted(ID, MERCHANT, SKU, -8, "damaged", 2, 0),
                            new StockRanLow(ID, MERCHANT, SKU, 2, 3));
        }

        @Test
        void countThatCrossesTheThresholdSignalsLowStock() {
            fixture.given(defined(3), counted(10))
                    .when(new CountStock(ID, MERCHANT, SKU, "Mug", 3, 3))
                    .expectEvents(
                            new StockCounted(ID, MERCHANT, SKU, 10, 3, 0), new StockRanLow(ID, MERCHANT, SKU, 3, 3));
        }

        @Test
        void raisingTheThresholdToAvailableSignalsLowStock() {
            fixture.given(defined(3), counted(10))
                    .when(new CountStock(ID, MERCHANT, SKU, "Mug", 10, 10))
                    .expectEvents(
                            new StockDetailsChanged(ID, MERCHANT, SKU, "Mug", 10),
                            new StockRanLow(ID, MERCHANT, SKU, 10, 10));
        }

        @Test
        void definingStockThatIsAlreadyLowIsNotACrossing() {
            fixture.givenNoPriorActivity()
                    .when(new CountStock(ID, MERCHANT, SKU, "Mug", 2, 3))
                    .expectEvents(defined(3), counted(2));
        }

        @Test
        void commitLeavesAvailableAndSignalsNothing() {
            fixture.given(defined(3), counted(10), reserved("o1", 8, 10, 8))
                    .when(new CommitStock(ID, MERCHANT, SKU, "o1"))
                    .expectEvents(new StockCommitted(ID, MERCHANT, SKU, "o1", 8, 2, 0));
        }
    }
}
