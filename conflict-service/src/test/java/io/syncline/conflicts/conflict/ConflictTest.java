package io.syncline.conflicts.conflict;

import static io.syncline.conflicts.support.Conflicts.CHANNEL;
import static io.syncline.conflicts.support.Conflicts.MERCHANT;
import static io.syncline.conflicts.support.Conflicts.SKU;
import static io.syncline.conflicts.support.Conflicts.detected;
import static io.syncline.conflicts.support.Conflicts.stockMismatch;

import io.syncline.api.common.ErrorCode;
import io.syncline.api.common.ErrorDetails;
import io.syncline.api.conflicts.ConflictEvents.ConflictEscalated;
import io.syncline.api.conflicts.ConflictEvents.ConflictReportedAgain;
import io.syncline.api.conflicts.ConflictEvents.ConflictResolutionFailed;
import io.syncline.api.conflicts.ConflictEvents.ConflictResolutionStarted;
import io.syncline.api.conflicts.ConflictEvents.ConflictResolved;
import io.syncline.api.conflicts.ConflictEvents.ConflictRuleFailed;
import io.syncline.api.conflicts.ConflictKind;
import io.syncline.api.conflicts.Evidence;
import io.syncline.api.conflicts.Resolution;
import io.syncline.api.conflicts.Side;
import io.syncline.conflicts.ConflictsProperties;
import io.syncline.conflicts.conflict.ConflictWork.DetectConflict;
import io.syncline.conflicts.conflict.ConflictWork.FailResolution;
import io.syncline.conflicts.conflict.ConflictWork.FinishResolution;
import io.syncline.conflicts.conflict.ConflictWork.ReportConflictAgain;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConflictTest {

    private static final String ID = "c-1";
    private static final Duration ESCALATE_AFTER = Duration.ofMinutes(15);
    private static final DetectConflict DETECT = stockMismatch(ID, 5, 8);

    private AggregateTestFixture<Conflict> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Conflict.class);
        fixture.registerInjectableResource(
                new ConflictsProperties(ESCALATE_AFTER, Duration.ofSeconds(5), Duration.ofSeconds(30)));
    }

    @Test
    void detectionOpensTheConflictAndSchedulesItsEscalation() {
        fixture.givenNoPriorActivity()
                .when(DETECT)
                .expectSuccessfulHandlerExecution()
                .expectEvents(detected(DETECT))
                .expectScheduledDeadlineWithName(ESCALATE_AFTER, Conflict.ESCALATE);
    }

    @Test
    void theSameDetectionTwiceIsRefusedAsDuplicate() {
        fixture.given(detected(DETECT))
                .when(DETECT)
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(new ErrorDetails(ErrorCode.DUPLICATE, "conflict c-1 was detected already", ID))
                .expectNoEvents();
    }

    @Test
    void aReportAgainIsAddedWhileOpen() {
        ReportConflictAgain again = reportAgain(9);
        fixture.given(detected(DETECT)).when(again).expectEvents(reportedAgain(again));
    }

    @Test
    void aReportSentAgainAfterItWasRecordedAddsNothing() {
        ReportConflictAgain again = reportAgain(9);
        fixture.given(detected(DETECT), reportedAgain(again))
                .when(again)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anotherReportIsAddedAfterOneWasRecorded() {
        ReportConflictAgain next = reportAgain(11);
        fixture.given(detected(DETECT), reportedAgain(reportAgain(9)))
                .when(next)
                .expectEvents(reportedAgain(next));
    }

    @Test
    void aReportStoredWithoutItsIdDoesNotHideTheNext() {
        ReportConflictAgain again = reportAgain(9);
        ConflictReportedAgain before = new ConflictReportedAgain(
                ID, MERCHANT, again.ours(), again.theirs(), again.evidence(), again.reportedAt(), null);
        fixture.given(detected(DETECT), before).when(again).expectEvents(reportedAgain(again));
    }

    private static ConflictReportedAgain reportedAgain(ReportConflictAgain again) {
        return new ConflictReportedAgain(
                ID, MERCHANT, again.ours(), again.theirs(), again.evidence(), again.reportedAt(), again.reportId());
    }

    @Test
    void aReportAgainAfterResolutionIsIgnored() {
        fixture.given(detected(DETECT), resolved())
                .when(reportAgain(9))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void nothingEscalatesBeforeTheEscalationTime() {
        fixture.givenCommands(DETECT)
                .whenTimeElapses(ESCALATE_AFTER.minusSeconds(1))
                .expectNoEvents()
                .expectScheduledDeadlineWithName(Duration.ofSeconds(1), Conflict.ESCALATE);
    }

    @Test
    void anOpenConflictEscalatesAfterTheEscalationTime() {
        Instant due = fixture.currentTime().plus(ESCALATE_AFTER);
        fixture.givenCommands(DETECT)
                .whenTimeElapses(ESCALATE_AFTER)
                .expectTriggeredDeadlinesWithName(Conflict.ESCALATE)
                .expectEvents(
                        new ConflictEscalated(ID, MERCHANT, ConflictKind.STOCK_MISMATCH, CHANNEL, SKU, null, due));
    }

    @Test
    void aResolvedConflictDoesNotEscalate() {
        fixture.givenCommands(DETECT)
                .andGiven(resolved())
                .whenTimeElapses(ESCALATE_AFTER)
                .expectTriggeredDeadlinesWithName(Conflict.ESCALATE)
                .expectNoEvents();
    }

    @Test
    void anEscalatedConflictDoesNotEscalateAgain() {
        fixture.given(
                        detected(DETECT),
                        new ConflictEscalated(
                                ID, MERCHANT, ConflictKind.STOCK_MISMATCH, CHANNEL, SKU, null, Instant.EPOCH))
                .whenTimeElapses(ESCALATE_AFTER)
                .expectNoEvents();
    }

    @Test
    void aDecisionThatTookEffectResolvesAsItWasDecided() {
        fixture.given(detected(DETECT), started("r-1", "alice", null))
                .when(new FinishResolution(ID, "r-1", 20, 23, "on-hand adjusted by +3"))
                .expectEvents(new ConflictResolved(
                        ID,
                        MERCHANT,
                        ConflictKind.STOCK_MISMATCH,
                        CHANNEL,
                        SKU,
                        null,
                        Resolution.ACCEPT_THEIRS,
                        null,
                        "alice",
                        null,
                        "the shelf says so",
                        20,
                        23,
                        "on-hand adjusted by +3",
                        fixture.currentTime()));
    }

    @Test
    void aReportForADecisionNoLongerPendingIsIgnored() {
        fixture.given(detected(DETECT), started("r-1", "alice", null), resolved())
                .when(new FinishResolution(ID, "r-1", 20, 23, "again"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(detected(DETECT), started("r-2", "alice", null))
                .when(new FailResolution(ID, "r-1", "CONFLICT", "late"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aUsersDecisionThatFailedLeavesItOpenWithTheReason() {
        fixture.given(detected(DETECT), started("r-1", "alice", null))
                .when(new FailResolution(ID, "r-1", "CONFLICT", "below reserved"))
                .expectEvents(new ConflictResolutionFailed(
                        ID,
                        MERCHANT,
                        "r-1",
                        Resolution.ACCEPT_THEIRS,
                        "alice",
                        "CONFLICT",
                        "below reserved",
                        fixture.currentTime()));
    }

    @Test
    void aRulesDecisionThatFailedIsRecordedAsTheRuleFailing() {
        fixture.given(detected(DETECT), started("r-1", "rule:STOCK_MISMATCH", "STOCK_MISMATCH → ACCEPT_THEIRS"))
                .when(new FailResolution(ID, "r-1", "CONFLICT", "below reserved"))
                .expectEvents(new ConflictRuleFailed(
                        ID, MERCHANT, "STOCK_MISMATCH → ACCEPT_THEIRS", "below reserved", fixture.currentTime()));
    }

    private static ConflictResolutionStarted started(String resolutionId, String by, String rule) {
        return new ConflictResolutionStarted(
                ID,
                MERCHANT,
                resolutionId,
                ConflictKind.STOCK_MISMATCH,
                CHANNEL,
                SKU,
                null,
                Side.quantity(5),
                Side.quantity(8),
                Resolution.ACCEPT_THEIRS,
                null,
                by,
                rule,
                rule == null ? "the shelf says so" : null,
                Instant.parse("2026-03-01T10:00:30Z"));
    }

    private static ReportConflictAgain reportAgain(int theirs) {
        return new ReportConflictAgain(
                ID,
                MERCHANT,
                Side.quantity(5),
                Side.quantity(theirs),
                new Evidence("reconcile", null, Instant.parse("2026-03-01T10:05:00Z"), 0, 5, "still " + theirs),
                Instant.parse("2026-03-01T10:05:00Z"),
                "report-" + theirs);
    }

    private static ConflictResolved resolved() {
        return new ConflictResolved(
                ID,
                MERCHANT,
                ConflictKind.STOCK_MISMATCH,
                CHANNEL,
                SKU,
                null,
                Resolution.KEEP_OURS,
                null,
                "alice",
                null,
                null,
                null,
                null,
                "ours kept",
                Instant.parse("2026-03-01T10:01:00Z"));
    }
}
