package io.syncline.conflicts.detection;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncline.conflicts.detection.StockMoves.Move;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lagging rule and the bounds of the moves it judges by, on moves given directly. */
class ExplanationsTest {

    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration WINDOW = Duration.ofSeconds(5);

    private static Move move(int available, String channel, int units, int secondsAfterT) {
        return new Move(available, channel, units, StockMoves.micros(T.plusSeconds(secondsAfterT)));
    }

    @Test
    void aStateOfOurBooksAfterTheReportIsNotOneTheChannelWasInStepWith() {
        // 10 until T+1, then shop-b sold 3 at T+3: a report of 7 taken at T+2 by shop-a is a hand edit
        StockMoves stock =
                new StockMoves(5, List.of(move(10, null, 0, -20), move(7, "shop-b", -3, 3), move(5, null, 0, 4)));

        assertThat(Explanations.lagging(stock, "shop-a", 7, 0, T.plusSeconds(2), WINDOW))
                .isFalse();
        assertThat(Explanations.lagging(stock, "shop-a", 10, 0, T.plusSeconds(2), WINDOW))
                .isTrue();
        assertThat(Explanations.lagging(stock, "shop-b", 7, 0, T.plusSeconds(2), WINDOW))
                .isTrue();
        // our books now, whatever moved them
        assertThat(Explanations.lagging(stock, "shop-a", 5, 0, T.plusSeconds(2), WINDOW))
                .isTrue();
    }

    @Test
    void statesOlderThanTheWindowAreNotLookedAtBeyondTheOneItBeganWith() {
        StockMoves stock = new StockMoves(
                8, List.of(move(30, null, 0, -60), move(20, null, 0, -30), move(9, null, 0, -20), move(8, null, 0, 0)));

        assertThat(Explanations.lagging(stock, "shop-a", 9, 0, T, WINDOW)).isTrue();
        assertThat(Explanations.lagging(stock, "shop-a", 20, 0, T, WINDOW)).isFalse();
    }

    @Test
    void theMovesKeptAreThoseSinceTheWindowAndTheStateItBeganWith() {
        StockMoves stock = new StockMoves(10, List.of());
        for (int s = 0; s < 10; s++) {
            stock = stock.with(move(10 - s, null, 0, s), T.plusSeconds(s - 3));
        }

        assertThat(stock.available()).isEqualTo(1);
        assertThat(stock.moves()).extracting(Move::available).containsExactly(5, 4, 3, 2, 1);
    }

    @Test
    void aHotSkuKeepsTheNewestMovesOnly() {
        StockMoves stock = new StockMoves(1000, List.of());
        for (int i = 0; i < StockMoves.MAX + 10; i++) {
            stock = stock.with(move(1000 - i, null, 0, 0), T.minusSeconds(60));
        }

        assertThat(stock.moves()).hasSize(StockMoves.MAX);
        assertThat(stock.moves().get(0).available()).isEqualTo(1000 - 10);
    }

    // what we knew the shop to show: our push of 7, sent at T+0.2 s and acknowledged at T+0.4 s
    private static final Belief PUSHED = new Belief(7, T.plusMillis(200), T.plusMillis(400));

    private static OwnOrders.Sale sale(int units, Instant at) {
        return new OwnOrders.Sale(units, at);
    }

    @Test
    void theShopsOwnSalesSinceOurPushLandedExplainWhatItShows() {
        List<OwnOrders.Sale> sales = List.of(
                // before the push was sent: set over by it
                sale(1, T.plusMillis(100)), sale(2, T.plusMillis(1500)), sale(1, T.plusMillis(2500)));

        assertThat(Explanations.ownOrdersExplain(4, PUSHED, T.plusSeconds(3), sales, List.of()))
                .isTrue();
        assertThat(Explanations.ownOrdersExplain(3, PUSHED, T.plusSeconds(3), sales, List.of()))
                .as("the sale before the push counted")
                .isFalse();
        assertThat(Explanations.ownOrdersExplain(5, PUSHED, T.plusSeconds(3), sales, List.of()))
                .as("a sale since the push left out")
                .isFalse();
        // a sale after the report is not in what it shows
        assertThat(Explanations.ownOrdersExplain(6, PUSHED, T.plusSeconds(2), sales, List.of()))
                .isFalse();
        assertThat(Explanations.ownOrdersExplain(5, PUSHED, T.plusSeconds(2), sales, List.of()))
                .isTrue();
    }

    @Test
    void aSaleThatMayFallEitherSideOfTheMomentsMayCountOrNot() {
        // placed while the push was under way: it landed over the sale, or the sale came after it
        List<OwnOrders.Sale> during = List.of(sale(1, T.plusMillis(300)));
        assertThat(Explanations.ownOrdersExplain(7, PUSHED, T.plusSeconds(3), during, List.of()))
                .isTrue();
        assertThat(Explanations.ownOrdersExplain(6, PUSHED, T.plusSeconds(3), during, List.of()))
                .isTrue();
        assertThat(Explanations.ownOrdersExplain(5, PUSHED, T.plusSeconds(3), during, List.of()))
                .isFalse();
        // a whole-second time is any moment of its second: T+0 s may be after the push was sent at T+0.2 s
        List<OwnOrders.Sale> wholeSecond = List.of(sale(1, T));
        assertThat(Explanations.ownOrdersExplain(6, PUSHED, T.plusSeconds(3), wholeSecond, List.of()))
                .isTrue();
        // and one in the report's own whole second may be in it or not
        List<OwnOrders.Sale> inTheReportsSecond = List.of(sale(1, T.plusSeconds(3)));
        assertThat(Explanations.ownOrdersExplain(7, PUSHED, T.plusSeconds(3), inTheReportsSecond, List.of()))
                .isTrue();
        assertThat(Explanations.ownOrdersExplain(6, PUSHED, T.plusSeconds(3), inTheReportsSecond, List.of()))
                .isTrue();
    }

    @Test
    void aCancelledOrderMayHaveBeenRestockedAndAHandEditIsNoSale() {
        List<OwnOrders.Cancellation> cancelled = List.of(new OwnOrders.Cancellation(2, T.plusSeconds(1)));
        assertThat(Explanations.ownOrdersExplain(9, PUSHED, T.plusSeconds(3), List.of(), cancelled))
                .isTrue();
        assertThat(Explanations.ownOrdersExplain(7, PUSHED, T.plusSeconds(3), List.of(), cancelled))
                .isTrue();
        assertThat(Explanations.ownOrdersExplain(10, PUSHED, T.plusSeconds(3), List.of(), cancelled))
                .isFalse();
        assertThat(Explanations.ownOrdersExplain(
                        20, PUSHED, T.plusSeconds(3), List.of(sale(1, T.plusSeconds(1))), List.of()))
                .isFalse();
    }
}
