package io.syncline.conflicts.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.syncline.api.channels.ChannelEvents.ChannelOrderRedelivered;
import io.syncline.api.channels.ChannelEvents.ChannelOrderStatusRefused;
import io.syncline.api.channels.ChannelEvents.ChannelQuantityReported;
import io.syncline.api.conflicts.ConflictEvents.ConflictResolved;
import io.syncline.api.conflicts.ConflictKind;
import io.syncline.api.conflicts.ConflictRule;
import io.syncline.api.conflicts.Resolution;
import io.syncline.api.conflicts.RuleAction;
import io.syncline.api.conflicts.Side;
import io.syncline.api.inventory.StockEvents.RejectionReason;
import io.syncline.api.inventory.StockEvents.StockAdjusted;
import io.syncline.api.inventory.StockEvents.StockReservationRejected;
import io.syncline.api.orders.OrderEvents.OrderPlaced;
import io.syncline.api.orders.OrderLine;
import io.syncline.api.orders.OrderStatus;
import io.syncline.conflicts.conflict.ConflictWork.ApplyRule;
import io.syncline.conflicts.conflict.ConflictWork.DetectConflict;
import io.syncline.conflicts.conflict.ConflictWork.ReportConflictAgain;
import io.syncline.conflicts.support.ConflictsDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Detection driven with real events on PostgreSQL, its settle timer a real db-scheduler task. */
class ConflictDetectionTest {

    private static final Duration SETTLE = Duration.ofMillis(300);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private ConflictsDatabase db;
    private Detection detection;

    @BeforeEach
    void setUp() {
        db = ConflictsDatabase.create();
        detection = new Detection(db, SETTLE, true);
    }

    @AfterEach
    void tearDown() {
        detection.close();
    }

    private static ChannelQuantityReported report(int theirs, Integer wanted, Integer pushing) {
        return new ChannelQuantityReported(
                "acme",
                "shop-1",
                "MUG",
                "item-1",
                null,
                theirs,
                Instant.now(),
                "d-1",
                "webhook",
                wanted,
                0,
                pushing,
                null,
                null,
                null);
    }

    private DetectConflict awaitDetected() {
        await().atMost(WAIT).until(() -> !detection.sent(DetectConflict.class).isEmpty());
        return detection.sent(DetectConflict.class).get(0);
    }

    /** Waits until every settle timer ran (each report's timer is removed once it executed). */
    private void awaitTimersRun() {
        await().atMost(WAIT).until(() -> detection.pendingTimers() == 0);
    }

    @Test
    void unexplainedStockReportOpensAfterTheSettleTimeWithOursAsReported() {
        detection.handle(report(7, 5, null));
        // our books move on meanwhile, to a level that does not explain the 7
        detection.handle(new StockAdjusted("acme/MUG", "acme", "MUG", 4, "restock", 9, 0));
        assertThat(detection.sent).isEmpty();

        DetectConflict detected = awaitDetected();

        assertThat(detected.kind()).isEqualTo(ConflictKind.STOCK_MISMATCH);
        assertThat(detected.ours()).isEqualTo(Side.quantity(5));
        assertThat(detected.theirs()).isEqualTo(Side.quantity(7));
        assertThat(detected.channel()).isEqualTo("shop-1");
        assertThat(detected.sku()).isEqualTo("MUG");
        assertThat(detected.evidence().deliveryId()).isEqualTo("d-1");
        assertThat(detected.evidence().source()).isEqualTo("webhook");
        assertThat(db.count("select count(*) from conflict_suspects")).isZero();
    }

    @Test
    void reportExplainedByALaterStockEventOpensNothing() {
        detection.handle(report(3, 5, null));
        // a sale the channel saw first: our available drops to what it shows
        detection.handle(new StockAdjusted("acme/MUG", "acme", "MUG", -2, "sale", 3, 0));

        awaitTimersRun();
        assertThat(detection.sent).isEmpty();
        assertThat(db.count("select count(*) from conflict_suspects")).isZero();
    }

    @Test
    void aPushInFlightExplainsTheReport() {
        detection.handle(report(4, 5, 4));

        assertThat(db.count("select count(*) from conflict_suspects")).isZero();
        assertThat(detection.pendingTimers()).isZero();
        assertThat(detection.sent).isEmpty();
    }

    @Test
    void aReportOfWhatOurBooksShowAlreadyOpensNothing() {
        // the sale reached our books before the wanted quantity the report carries
        detection.handle(new StockAdjusted("acme/MUG", "acme", "MUG", -2, "sale", 3, 0));
        detection.handle(report(3, 5, null));

        assertThat(db.count("select count(*) from conflict_suspects")).isZero();
        awaitTimersRun();
        assertThat(detection.sent).isEmpty();
    }

    @Test
    void theChannelShowingOurPushOverADriftLeavesTheDriftToOpen() {
        detection.handle(report(9, 5, null));
        // the shop's echo of our push over the drift, seen before the push's acknowledgement
        detection.handle(report(5, 5, 5));

        DetectConflict detected = awaitDetected();

        assertThat(detected.ours()).isEqualTo(Side.quantity(5));
        assertThat(detected.theirs()).isEqualTo(Side.quantity(9));
    }

    @Test
    void agreementAndUnknownWantedJudgeNothing() {
        detection.handle(report(5, 5, null));
        detection.handle(report(9, null, null));

        assertThat(db.count("select count(*) from conflict_suspects")).isZero();
        assertThat(detection.sent).isEmpty();
    }

    @Test
    void twoReportsInARowOpenOneConflict() {
        detection.handle(report(9, 5, null));
        detection.handle(report(10, 5, null));

        DetectConflict detected = awaitDetected();
        awaitTimersRun();

        assertThat(detection.sent(DetectConflict.class)).hasSize(1);
        assertThat(detected.theirs()).isEqualTo(Side.quantity(10));
    }

    @Test
    void aRepeatedReportAddsToTheOpenConflict() {
        detection.handle(report(9, 5, null));
        DetectConflict detected = awaitDetected();

        detection.handle(report(11, 5, null));

        assertThat(detection.sent(DetectConflict.class)).hasSize(1);
        assertThat(detection.sent(ReportConflictAgain.class)).singleElement().satisfies(again -> {
            assertThat(again.conflictId()).isEqualTo(detected.conflictId());
            assertThat(again.theirs()).isEqualTo(Side.quantity(11));
        });
        assertThat(db.count("select count(*) from conflict_suspects")).isZero();
    }

    @Test
    void aResolvedConflictFreesItsCause() {
        detection.handle(report(9, 5, null));
        DetectConflict first = awaitDetected();
        detection.handle(resolved(first.conflictId(), ConflictKind.STOCK_MISMATCH));

        detection.handle(report(12, 5, null));

        await().atMost(WAIT).until(() -> detection.sent(DetectConflict.class).size() == 2);
        assertThat(detection.sent(ReportConflictAgain.class)).isEmpty();
    }

    @Test
    void redeliveredReportOpensOnce() {
        String id = "report-1";
        Instant at = Instant.now();
        ChannelQuantityReported report = report(9, 5, null);
        detection.handle(id, report, at);
        detection.handle(id, report, at);
        awaitDetected();
        awaitTimersRun();

        // and once more after it opened, as a replay would
        detection.handle(id, report, at);
        awaitTimersRun();

        assertThat(detection.sent(DetectConflict.class)).hasSize(1);
        assertThat(detection.sent(ReportConflictAgain.class)).isEmpty();
    }

    @Test
    void defaultRuleKeepsOursForASmallStockMismatch() {
        detection.handle(report(7, 5, null));

        DetectConflict detected = awaitDetected();
        await().atMost(WAIT).until(() -> !detection.sent(ApplyRule.class).isEmpty());

        assertThat(detection.sent(ApplyRule.class))
                .singleElement()
                .isEqualTo(new ApplyRule(
                        detected.conflictId(),
                        "acme",
                        new ConflictRule(ConflictKind.STOCK_MISMATCH, 2, RuleAction.KEEP_OURS)));
    }

    @Test
    void aMismatchOfThreeUnitsStaysOpen() {
        detection.handle(report(2, 5, null));

        awaitDetected();
        awaitTimersRun();

        assertThat(detection.sent(ApplyRule.class)).isEmpty();
    }

    @Test
    void merchantRulesReplaceTheDefaults() {
        db.jdbc.update(
                "insert into conflict_rules (merchant_id, rules, changed_at) values ('acme', ?, now())",
                "[{\"kind\":\"STOCK_MISMATCH\",\"maxDifference\":5,\"action\":\"ACCEPT_THEIRS\"}]");

        detection.handle(report(9, 5, null));
        awaitDetected();
        await().atMost(WAIT).until(() -> !detection.sent(ApplyRule.class).isEmpty());

        assertThat(detection.sent(ApplyRule.class).get(0).rule().action()).isEqualTo(RuleAction.ACCEPT_THEIRS);
    }

    @Test
    void oversoldOrderOpensOncePerOrderAndASecondSkuReportsAgain() {
        detection.handle(new OrderPlaced(
                "o-1",
                "acme",
                "shop-1",
                "1001",
                List.of(new OrderLine("MUG", 5), new OrderLine("TEE", 2)),
                Instant.now()));
        String rejection = detection.handle(new StockReservationRejected(
                "acme/MUG", "acme", "MUG", "o-1", 5, 3, RejectionReason.INSUFFICIENT_STOCK));
        detection.handle(new StockReservationRejected(
                "acme/TEE", "acme", "TEE", "o-1", 2, 0, RejectionReason.INSUFFICIENT_STOCK));
        detection.handle(new StockReservationRejected(
                "acme/CAP", "acme", "CAP", "o-9", 2, 0, RejectionReason.INSUFFICIENT_STOCK));

        DetectConflict detected = detection.sent(DetectConflict.class).get(0);
        assertThat(detection.sent(DetectConflict.class)).hasSize(1);
        assertThat(detected.conflictId()).isEqualTo(Finding.conflictId(rejection, ConflictKind.OVERSOLD));
        assertThat(detected.kind()).isEqualTo(ConflictKind.OVERSOLD);
        assertThat(detected.orderId()).isEqualTo("o-1");
        assertThat(detected.channel()).isEqualTo("shop-1");
        assertThat(detected.ours()).isEqualTo(Side.quantity(3));
        assertThat(detected.theirs()).isEqualTo(Side.quantity(5));
        assertThat(detection.sent(ReportConflictAgain.class))
                .singleElement()
                .satisfies(again -> assertThat(again.theirs()).isEqualTo(Side.quantity(2)));
        // OVERSOLD stays open by default
        assertThat(detection.sent(ApplyRule.class)).isEmpty();
    }

    @Test
    void aNegativeChannelQuantityAfterAnOversellIsExplainedByIt() {
        detection.handle(
                new OrderPlaced("o-1", "acme", "shop-1", "1001", List.of(new OrderLine("MUG", 5)), Instant.now()));
        detection.handle(new StockReservationRejected(
                "acme/MUG", "acme", "MUG", "o-1", 5, 3, RejectionReason.INSUFFICIENT_STOCK));

        detection.handle(report(-2, 0, null));

        assertThat(db.count("select count(*) from conflict_suspects")).isZero();
        assertThat(detection.sent(DetectConflict.class)).hasSize(1);
    }

    @Test
    void duplicateOrderWithOtherLinesOpensThenReportsOnlyNewLines() {
        List<OrderLine> ours = List.of(new OrderLine("MUG", 1));
        List<OrderLine> theirs = List.of(new OrderLine("MUG", 2));
        detection.handle(redelivered(theirs, ours));
        detection.handle(redelivered(theirs, ours));
        detection.handle(redelivered(List.of(new OrderLine("MUG", 3)), ours));

        DetectConflict detected = detection.sent(DetectConflict.class).get(0);
        assertThat(detection.sent(DetectConflict.class)).hasSize(1);
        assertThat(detected.kind()).isEqualTo(ConflictKind.DUPLICATE_ORDER);
        assertThat(detected.ours()).isEqualTo(Side.lines(ours));
        assertThat(detected.theirs()).isEqualTo(Side.lines(theirs));
        assertThat(detection.sent(ReportConflictAgain.class)).hasSize(1);
        // the default rule keeps ours
        assertThat(detection.sent(ApplyRule.class))
                .singleElement()
                .satisfies(apply -> assertThat(apply.rule().action()).isEqualTo(RuleAction.KEEP_OURS));
    }

    @Test
    void statusMismatchOpensOnceAndReportsAgain() {
        detection.handle(statusRefused());
        detection.handle(statusRefused());

        DetectConflict detected = detection.sent(DetectConflict.class).get(0);
        assertThat(detection.sent(DetectConflict.class)).hasSize(1);
        assertThat(detected.kind()).isEqualTo(ConflictKind.STATUS_MISMATCH);
        assertThat(detected.ours()).isEqualTo(Side.status("SHIPPED"));
        assertThat(detected.theirs()).isEqualTo(Side.status("CANCELLED"));
        assertThat(detection.sent(ReportConflictAgain.class)).hasSize(1);
        assertThat(detection.sent(ApplyRule.class)).isEmpty();
    }

    @Test
    void redeliveredOrderEventOpensOnce() {
        Instant at = Instant.now();
        detection.handle("status-1", statusRefused(), at);
        detection.handle("status-1", statusRefused(), at);

        assertThat(detection.sent(DetectConflict.class)).hasSize(1);
        assertThat(detection.sent(ReportConflictAgain.class)).isEmpty();
    }

    @Test
    void aSuspectSurvivesARestart() {
        detection.close();
        try (Detection stopped = new Detection(db, SETTLE, false)) {
            stopped.handle(report(9, 5, null));
        }
        assertThat(db.count("select count(*) from conflict_suspects")).isOne();

        detection = new Detection(db.reopen(), SETTLE, true);

        DetectConflict detected = awaitDetected();
        assertThat(detected.ours()).isEqualTo(Side.quantity(5));
        assertThat(detected.theirs()).isEqualTo(Side.quantity(9));
    }

    private static ChannelOrderRedelivered redelivered(List<OrderLine> lines, List<OrderLine> orderLines) {
        return new ChannelOrderRedelivered("acme", "shop-1", "1001", "o-1", lines, orderLines, "d-2", Instant.now());
    }

    private static ChannelOrderStatusRefused statusRefused() {
        return new ChannelOrderStatusRefused(
                "acme", "shop-1", "1001", "o-1", OrderStatus.SHIPPED, OrderStatus.CANCELLED, "d-3", Instant.now());
    }

    private static ConflictResolved resolved(String conflictId, ConflictKind kind) {
        return new ConflictResolved(
                conflictId,
                "acme",
                kind,
                "shop-1",
                "MUG",
                null,
                Resolution.KEEP_OURS,
                null,
                "ann",
                null,
                null,
                null,
                null,
                null,
                Instant.now());
    }
}
