package io.syncline.conflicts.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.syncline.api.channels.ChannelEvents.ChannelOrderStatusRefused;
import io.syncline.api.channels.ChannelEvents.ChannelQuantityReported;
import io.syncline.api.conflicts.Side;
import io.syncline.api.inventory.StockEvents.StockCounted;
import io.syncline.api.inventory.StockEvents.StockReleased;
import io.syncline.api.inventory.StockEvents.StockReserved;
import io.syncline.api.orders.OrderEvents.OrderCancelled;
import io.syncline.api.orders.OrderEvents.OrderPlaced;
import io.syncline.api.orders.OrderLine;
import io.syncline.api.orders.OrderStatus;
import io.syncline.conflicts.conflict.ConflictWork.DetectConflict;
import io.syncline.conflicts.support.ConflictsDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two shops selling one SKU at nearly the same moment, on PostgreSQL with a real settle timer: a shop lagging behind
 * our pushes, showing what we wanted a moment ago less its own sales, opens nothing; a hand edit opens one conflict.
 * Events carry timestamps a few milliseconds apart, in the order given.
 */
class SalesOnTwoShopsTest {

    private static final Duration SETTLE = Duration.ofSeconds(2);
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String A = "shop-a";
    private static final String B = "shop-b";

    private ConflictsDatabase db;
    private Detection detection;
    private Instant clock;
    private int reserved;

    @BeforeEach
    void setUp() {
        db = ConflictsDatabase.create();
        detection = new Detection(db, SETTLE, true);
        clock = Instant.now();
    }

    @AfterEach
    void tearDown() {
        detection.close();
    }

    /**
     * 10 available, both shops show 10. A sells 2 (shows 8), B sells 3 (shows 7); our books take B's order first
     * ({@code bFirst}) or A's, and each shop reports before or after our books took its own order.
     */
    @ParameterizedTest(name = "B booked first: {0}")
    @ValueSource(booleans = {true, false})
    void salesOfTheSameSkuOnTwoShopsOpenNothing(boolean bFirst) {
        count(10);
        place("o-a", A, 2);
        place("o-b", B, 3);
        String first = bFirst ? "o-b" : "o-a";
        String second = bFirst ? "o-a" : "o-b";
        // each shop reports before our books took its order, the wanted quantity trailing behind both
        report(A, 8, 10, 0);
        reserve(first, bFirst ? 3 : 2);
        report(B, 7, bFirst ? 7 : 8, 0);
        reserve(second, bFirst ? 2 : 3);
        // and again once our books took both, before our pushes of 5 reached them
        report(A, 8, 5, 0);
        report(B, 7, 5, 0);

        awaitSettled();
        assertThat(detection.sent).isEmpty();
    }

    @Test
    void aHandEditDuringTheSalesOpensOneConflict() {
        count(10);
        place("o-a", A, 2);
        place("o-b", B, 3);
        reserve("o-b", 3);
        report(B, 7, 7, 0);
        // someone sets shop A to 20 by hand, then A sells 2 of them
        report(A, 20, 7, 0);
        reserve("o-a", 2);
        report(A, 18, 5, 0);
        report(B, 7, 5, 0);

        await().atMost(WAIT).until(() -> !detection.sent(DetectConflict.class).isEmpty());
        awaitSettled();
        assertThat(detection.sent(DetectConflict.class)).singleElement().satisfies(d -> {
            assertThat(d.channel()).isEqualTo(A);
            assertThat(d.ours()).isEqualTo(Side.quantity(5));
            assertThat(d.theirs()).isEqualTo(Side.quantity(18));
        });
    }

    /**
     * 10 available, both shops show 10. A's buyer takes 2 (A shows 8, and says so), B's buyer takes 3; our push of 7
     * to A, computed once we booked B's order but before A's, lands over A's sale (A shows 7), then A's next buyer
     * takes 1 (A shows 6). No state of our books less A's own sales since is 6 (B's next sale is booked before A's):
     * what we last knew A to show, our push of 7, less A's sale since, is.
     */
    @Test
    void aPushOfOursThatLandedOverTheShopsOwnSaleBeforeWeBookedItOpensNothing() {
        count(10);
        Instant firstSale = clock;
        place("o-b", B, 3);
        reserve("o-b", 3);
        Instant pushSent = clock.plusMillis(1);
        Instant pushAcknowledged = clock.plusMillis(2);
        Instant nextSale = clock.plusMillis(3);
        report(A, 6, 7, 0, new Belief(7, pushSent, pushAcknowledged));
        // B's next buyer takes 2 before we book A's two sales: our books go 5, 3, 2
        place("o-b2", B, 2);
        reserve("o-b2", 2);
        placeOn("o-a1", A, 2, firstSale);
        reserve("o-a1", 2);
        placeOn("o-a2", A, 1, nextSale);
        reserve("o-a2", 1);

        awaitSettled();
        assertThat(detection.sent).isEmpty();
    }

    @Test
    void aHandEditAfterOurPushIsNoneOfTheShopsSales() {
        count(10);
        place("o-b", B, 3);
        reserve("o-b", 3);
        Instant pushSent = clock.plusMillis(1);
        Instant pushAcknowledged = clock.plusMillis(2);
        Instant sale = clock.plusMillis(3);
        // someone sets A to 15 by hand over our push of 7, then A's buyer takes 1
        report(A, 14, 7, 0, new Belief(7, pushSent, pushAcknowledged));
        placeOn("o-a", A, 1, sale);
        reserve("o-a", 1);

        awaitOneConflictShowing(14);
    }

    /**
     * A hand edit of +3 on A after our push of 7 and A's own sale of 2: A shows 8, which is also 10 (a recent state
     * of our books) less A's sale. Judged by what we knew A to show (7, less its sale: 5), it is a disagreement.
     */
    @Test
    void aSmallHandEditThatARecentStateOfOurBooksWouldExplainOpensAConflictWhenWeKnewWhatTheShopShowed() {
        count(10);
        place("o-b", B, 3);
        reserve("o-b", 3);
        Instant pushSent = clock.plusMillis(1);
        Instant pushAcknowledged = clock.plusMillis(2);
        Instant sale = clock.plusMillis(3);
        placeOn("o-a", A, 2, sale);
        reserve("o-a", 2);
        report(A, 8, 5, 0, new Belief(7, pushSent, pushAcknowledged));

        awaitOneConflictShowing(8);
    }

    /** A shipped order the shop cancels: our order stays shipped, the shop puts its 2 units back. */
    @Test
    void aShopsRestockOfAShippedOrderItCancelledIsItsStatusConflictsNotAStockOne() {
        count(10);
        Instant sale = clock.plusMillis(1);
        placeOn("o-a", A, 2, sale);
        reserve("o-a", 2);
        Instant pushSent = clock.plusMillis(1);
        Instant pushAcknowledged = clock.plusMillis(2);
        handle(new ChannelOrderStatusRefused(
                "acme", A, "o-a", "o-a", OrderStatus.SHIPPED, OrderStatus.CANCELLED, null, clock.plusMillis(3)));
        report(A, 10, 8, 0, new Belief(8, pushSent, pushAcknowledged));

        awaitSettled();
        assertThat(detection.sent(DetectConflict.class)).singleElement().satisfies(d -> assertThat(d.kind())
                .isEqualTo(io.syncline.api.conflicts.ConflictKind.STATUS_MISMATCH));
    }

    @Test
    void theOtherShopsCancelledOrderIsNotTheShopsOwnMove() {
        count(10);
        place("o-b", B, 3);
        reserve("o-b", 3);
        // A showed our push of 7 when B's buyer cancelled (B restocks to 10) and A's buyer took 2: A shows 5
        place("o-a", A, 2);
        cancel("o-b");
        release("o-b", 3);
        report(A, 5, 10, 0);
        report(B, 10, 10, 0);
        reserve("o-a", 2);

        awaitSettled();
        assertThat(detection.sent).isEmpty();
    }

    @Test
    void aShopsOwnCancellationIsItsOwnMove() {
        count(10);
        place("o-a", A, 2);
        reserve("o-a", 2);
        // A showed our push of 8 when B took 3 and A's buyer cancelled (A restocks to 10)
        place("o-b", B, 3);
        reserve("o-b", 3);
        cancel("o-a");
        report(A, 10, 5, 0);
        release("o-a", 2);

        awaitSettled();
        assertThat(detection.sent).isEmpty();
    }

    @Test
    void theBufferIsKeptOffWhatAShopWasPushed() {
        count(10);
        place("o-a", A, 2);
        place("o-b", B, 3);
        reserve("o-b", 3);
        reserve("o-a", 2);
        // with a buffer of 2 both showed 8: A sold 2, B 3
        report(A, 6, 3, 2);
        report(B, 5, 3, 2);
        // a hand edit to 7 is not what A would show
        report(A, 7, 3, 2);

        awaitOneConflictShowing(7);
    }

    @Test
    void theMovesSurviveARestart() {
        detection.close();
        try (Detection stopped = new Detection(db, SETTLE, false)) {
            detection = stopped;
            count(10);
            place("o-a", A, 2);
            place("o-b", B, 3);
            reserve("o-b", 3);
            report(A, 8, 7, 0);
        }
        assertThat(db.count("select count(*) from conflict_suspects")).isOne();

        detection = new Detection(db.reopen(), SETTLE, true);
        // A's own sale reaches our books after the restart: only the moves before it tell A was at 10
        reserve("o-a", 2);

        assertThat(db.count("select count(*) from conflict_suspects")).isZero();
        awaitSettled();
        assertThat(detection.sent).isEmpty();
    }

    @Test
    void aSaleTheShopAnnouncedButWeHaveNotBookedByTheSettleTimeOpensNothing() {
        count(10);
        // A sold 1 and says so at once; its order waits in our inbox behind other deliveries past the settle time
        detection.pendingOrders.set(1);
        report(A, 9, 10, 0);
        await().atMost(WAIT).until(() -> detection.backlogAsked.get() > 0);
        assertThat(detection.sent).isEmpty();

        place("o-a", A, 1);
        reserve("o-a", 1);
        detection.pendingOrders.set(0);

        awaitSettled();
        assertThat(detection.sent).isEmpty();
    }

    @Test
    void aSettleWaitsForDetectionToHandleTheEventsBeforeIt() {
        count(10);
        place("o-a", A, 1);
        // A's sale is stored, but detection, busy with older events, reaches it only after the settle time
        detection.caughtUp.set(false);
        report(A, 9, 10, 0);
        // looked at again a second after it was due (later than the database's rounding of the due time)
        Instant due = clock.plus(SETTLE);
        await().atMost(WAIT).until(() -> settleTime().isAfter(due.plusMillis(500)));
        assertThat(detection.sent).isEmpty();

        reserve("o-a", 1);
        detection.caughtUp.set(true);

        awaitSettled();
        assertThat(detection.sent).isEmpty();
    }

    @Test
    void aSuspectWaitsOnFailingDeliveriesNoLongerThanSettleAtMost() {
        detection.close();
        detection = new Detection(db, SETTLE, SETTLE.multipliedBy(2), true);
        count(10);
        // orders of A fail and are tried again (say their SKU is unknown): a hand edit still opens its conflict
        detection.retryingOrders.set(1);
        report(A, 20, 10, 0);

        await().atMost(WAIT).until(() -> !detection.sent(DetectConflict.class).isEmpty());
        awaitSettled();
        assertThat(detection.backlogAsked.get()).as("it waited on").isGreaterThan(1);
        assertThat(detection.sent(DetectConflict.class)).singleElement().satisfies(d -> assertThat(d.theirs())
                .isEqualTo(Side.quantity(20)));
    }

    @Test
    void aSuspectWaitsBeyondSettleAtMostWhileTheInboxWorksThroughTheChannelsOrders() {
        detection.close();
        detection = new Detection(db, SETTLE, SETTLE.multipliedBy(2), true);
        count(10);
        // a burst: A's sale waits in our inbox for its first attempt longer than settle-at-most
        detection.pendingOrders.set(1);
        report(A, 9, 10, 0);
        Instant reported = clock;
        await().atMost(WAIT).until(() -> Instant.now()
                .isAfter(reported.plus(SETTLE.multipliedBy(2).plusSeconds(1))));
        assertThat(detection.sent).isEmpty();

        place("o-a", A, 1);
        reserve("o-a", 1);
        detection.pendingOrders.set(0);

        awaitSettled();
        assertThat(detection.sent).isEmpty();
    }

    /** When the settle timer of the one waiting report is due. */
    private Instant settleTime() {
        return db.jdbc
                .queryForObject(
                        "select execution_time from scheduled_tasks where task_name = ?",
                        java.sql.Timestamp.class,
                        SettleTimer.TASK)
                .toInstant();
    }

    private void count(int onHand) {
        handle(new StockCounted("acme/MUG", "acme", "MUG", 0, onHand, 0));
        reserved = 0;
    }

    private void place(String orderId, String channel, int units) {
        handle(new OrderPlaced(orderId, "acme", channel, orderId, List.of(new OrderLine("MUG", units)), clock));
    }

    /** An order placed on the channel at {@code onTheChannel}. */
    private void placeOn(String orderId, String channel, int units, Instant onTheChannel) {
        handle(new OrderPlaced(
                orderId, "acme", channel, orderId, List.of(new OrderLine("MUG", units)), clock, onTheChannel));
    }

    private void reserve(String orderId, int units) {
        reserved += units;
        handle(new StockReserved("acme/MUG", "acme", "MUG", orderId, units, onHand(), reserved));
    }

    private void release(String orderId, int units) {
        reserved -= units;
        handle(new StockReleased("acme/MUG", "acme", "MUG", orderId, units, onHand(), reserved));
    }

    private void cancel(String orderId) {
        handle(new OrderCancelled(orderId, "acme", "customer", OrderStatus.CONFIRMED));
    }

    private static int onHand() {
        return 10;
    }

    private void report(String channel, int theirs, int wanted, int buffer) {
        report(channel, theirs, wanted, buffer, null);
    }

    /** A report taken when we knew the channel to show {@code believed} (null: we knew nothing). */
    private void report(String channel, int theirs, int wanted, int buffer, Belief believed) {
        handle(new ChannelQuantityReported(
                "acme",
                channel,
                "MUG",
                "item",
                null,
                theirs,
                clock.plusMillis(5),
                null,
                "reconcile",
                wanted,
                buffer,
                null,
                believed == null ? null : believed.quantity(),
                believed == null ? null : believed.from(),
                believed == null ? null : believed.at()));
    }

    private void handle(Object event) {
        clock = clock.plusMillis(5);
        detection.handle(UUID.randomUUID().toString(), event, clock);
    }

    /** Every settle timer ran: every suspect was explained or became a conflict. */
    /** Detection opens one conflict, in which the shop shows {@code theirs}, and nothing is left to settle. */
    private void awaitOneConflictShowing(int theirs) {
        await().atMost(WAIT).until(() -> !detection.sent(DetectConflict.class).isEmpty());
        awaitSettled();
        assertThat(detection.sent(DetectConflict.class)).singleElement().satisfies(d -> assertThat(d.theirs())
                .isEqualTo(Side.quantity(theirs)));
    }

    private void awaitSettled() {
        await().atMost(WAIT).until(() -> detection.pendingTimers() == 0);
        assertThat(db.count("select count(*) from conflict_suspects")).isZero();
    }
}
