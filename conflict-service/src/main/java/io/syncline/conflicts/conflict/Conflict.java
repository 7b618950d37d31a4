package io.syncline.conflicts.conflict;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.syncline.api.common.Refusals;
import io.syncline.api.conflicts.ConflictEvents.ConflictDetected;
import io.syncline.api.conflicts.ConflictEvents.ConflictEscalated;
import io.syncline.api.conflicts.ConflictEvents.ConflictReportedAgain;
import io.syncline.api.conflicts.ConflictEvents.ConflictResolutionFailed;
import io.syncline.api.conflicts.ConflictEvents.ConflictResolutionStarted;
import io.syncline.api.conflicts.ConflictEvents.ConflictResolved;
import io.syncline.api.conflicts.ConflictEvents.ConflictRuleFailed;
import io.syncline.api.conflicts.ConflictKind;
import io.syncline.api.conflicts.ConflictStatus;
import io.syncline.api.conflicts.Resolution;
import io.syncline.api.conflicts.Severity;
import io.syncline.api.conflicts.Side;
import io.syncline.conflicts.ConflictsProperties;
import io.syncline.conflicts.conflict.ConflictWork.DetectConflict;
import io.syncline.conflicts.conflict.ConflictWork.FailResolution;
import io.syncline.conflicts.conflict.ConflictWork.FinishResolution;
import io.syncline.conflicts.conflict.ConflictWork.ReportConflictAgain;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One disagreement with a channel, from detection to its resolution. A decision ({@link ConflictResolutions}) starts
 * here; {@link ResolutionEffects} applies its effect in the other services, off the command threads, and reports
 * back whether it took effect ({@link ConflictWork.FinishResolution}) or not ({@link ConflictWork.FailResolution}).
 */
@Aggregate(cache = "conflictCache")
public class Conflict {

    /** The deadline that raises the severity of a conflict left open. */
    static final String ESCALATE = "escalate";

    /**
     * How long a started decision may go unreported before another may be taken: its effect waits at most
     * {@link ConflictEffects#TIMEOUT} per step, so one reported this late was lost (its process stopped).
     */
    static final Duration STALE = ConflictEffects.TIMEOUT.multipliedBy(4);

    @AggregateIdentifier
    private String conflictId;

    private String merchantId;
    private ConflictKind kind;
    private String channel;
    private String sku;
    private String orderId;
    private Side ours;
    private Side theirs;
    private ConflictStatus status;
    private Severity severity;
    // the reports recorded already, by their id
    private final Set<String> reports = new HashSet<>();
    // the decision taking effect, if one is
    private Pending pending;

    protected Conflict() {
        // for event sourcing and CREATE_IF_MISSING
    }

    /**
     * Opens the conflict and schedules its escalation. Created only once: the same id again (the same event
     * detected twice) is refused as {@code DUPLICATE}, which detection takes as done.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(DetectConflict command, DeadlineManager deadlines, ConflictsProperties properties) {
        if (conflictId != null) {
            throw Refusals.duplicate("conflict " + command.conflictId() + " was detected already", conflictId);
        }
        apply(new ConflictDetected(
                command.conflictId(),
                command.merchantId(),
                command.kind(),
                command.channel(),
                command.sku(),
                command.orderId(),
                command.ours(),
                command.theirs(),
                command.evidence(),
                command.detectedAt()));
        deadlines.schedule(properties.escalateAfter(), ESCALATE);
    }

    /**
     * Adds the repeated report to the history of an open conflict; a resolved one has nothing to add to, and a report
     * recorded already (sent again after its sender rolled back) adds nothing either.
     */
    @CommandHandler
    void handle(ReportConflictAgain command) {
        if (status != ConflictStatus.OPEN || reports.contains(command.reportId())) {
            return;
        }
        apply(new ConflictReportedAgain(
                conflictId,
                merchantId,
                command.ours(),
                command.theirs(),
                command.evidence(),
                command.reportedAt(),
                command.reportId()));
    }

    /**
     * Still open after the escalation time: it needs an operator more urgently. It escalated when it fell due
     * (the deadline's time), however late the scheduler runs it.
     */
    @DeadlineHandler(deadlineName = ESCALATE)
    void escalate(@Timestamp Instant due) {
        // the deadline is not cancelled on resolution: one that fires late finds nothing to do
        if (status != ConflictStatus.OPEN || severity != Severity.NORMAL) {
            return;
        }
        apply(new ConflictEscalated(conflictId, merchantId, kind, channel, sku, orderId, due));
    }

    /**
     * Refuses {@code resolution} unless the conflict is open ({@code CONFLICT}) and it fits the kind
     * ({@code INVALID}: {@code SET_VALUE} needs a value of 0 or more and a kind with quantities).
     */
    void checkResolvable(Resolution resolution, Integer value) {
        if (status != ConflictStatus.OPEN) {
            throw Refusals.conflict("conflict " + conflictId + " is " + status);
        }
        if (resolution == null) {
            throw Refusals.invalid("a resolution is required");
        }
        if (resolution == Resolution.SET_VALUE) {
            if (!kind.hasQuantities()) {
                throw Refusals.invalid("SET_VALUE applies only to stock conflicts, not to " + kind);
            }
            if (value == null || value < 0) {
                throw Refusals.invalid("SET_VALUE needs a value of 0 or more");
            }
        }
    }

    /**
     * Starts a decision, refused as {@link #checkResolvable} says and as {@code CONFLICT} while another one is taking
     * effect; {@code by} a user or {@code rule:<kind>} with the {@code rule}'s text.
     */
    void start(Decision decision, Instant at) {
        checkResolvable(decision.resolution(), decision.value());
        if (pending != null && at.isBefore(pending.startedAt().plus(STALE))) {
            throw Refusals.conflict("conflict " + conflictId + " is being resolved by " + pending.by());
        }
        apply(new ConflictResolutionStarted(
                conflictId,
                merchantId,
                decision.resolutionId(),
                kind,
                channel,
                sku,
                orderId,
                ours,
                theirs,
                decision.resolution(),
                decision.value(),
                decision.by(),
                decision.rule(),
                decision.note(),
                at));
    }

    /** The decision took effect: resolved. A report for a decision no longer pending (sent again) is ignored. */
    @CommandHandler
    void handle(FinishResolution command) {
        if (!pending(command.resolutionId())) {
            return;
        }
        apply(new ConflictResolved(
                conflictId,
                merchantId,
                kind,
                channel,
                sku,
                orderId,
                pending.resolution(),
                pending.value(),
                pending.by(),
                pending.rule(),
                pending.note(),
                command.onHandBefore(),
                command.onHandAfter(),
                command.effect(),
                GenericEventMessage.clock.instant()));
    }

    /** The decision could not take effect: the conflict stays open, for an operator. */
    @CommandHandler
    void handle(FailResolution command) {
        if (!pending(command.resolutionId())) {
            return;
        }
        Instant at = GenericEventMessage.clock.instant();
        if (pending.rule() != null) {
            apply(new ConflictRuleFailed(conflictId, merchantId, pending.rule(), command.reason(), at));
        } else {
            apply(new ConflictResolutionFailed(
                    conflictId,
                    merchantId,
                    pending.resolutionId(),
                    pending.resolution(),
                    pending.by(),
                    command.code(),
                    command.reason(),
                    at));
        }
    }

    private boolean pending(String resolutionId) {
        return pending != null && pending.resolutionId().equals(resolutionId);
    }

    /** Open, and no decision is taking effect. */
    boolean isDecidable() {
        return status == ConflictStatus.OPEN && pending == null;
    }

    boolean isOpen() {
        return status == ConflictStatus.OPEN;
    }

    /** What the resolution works from. */
    Facts facts() {
        return new Facts(conflictId, merchantId, kind, channel, sku, orderId, ours, theirs);
    }

    /** The conflict's identity and sides, as a resolution needs them. */
    record Facts(
            String conflictId,
            String merchantId,
            ConflictKind kind,
            String channel,
            String sku,
            String orderId,
            Side ours,
            Side theirs) {}

    /** A decision: {@code by} a user or {@code rule:<kind>}, with the {@code rule}'s text then. */
    record Decision(String resolutionId, Resolution resolution, Integer value, String by, String rule, String note) {}

    /** A decision started and then taken by the conflict, when it started. */
    private record Pending(
            String resolutionId,
            Resolution resolution,
            Integer value,
            String by,
            String rule,
            String note,
            Instant startedAt) {}

    @EventSourcingHandler
    void on(ConflictDetected event) {
        conflictId = event.conflictId();
        merchantId = event.merchantId();
        kind = event.kind();
        channel = event.channel();
        sku = event.sku();
        orderId = event.orderId();
        ours = event.ours();
        theirs = event.theirs();
        status = ConflictStatus.OPEN;
        severity = Severity.NORMAL;
    }

    @EventSourcingHandler
    void on(ConflictReportedAgain event) {
        if (event.reportId() != null) {
            reports.add(event.reportId());
        }
        // a stock mismatch is about what the channel shows now; an oversold order's next report is another SKU
        if (kind == ConflictKind.STOCK_MISMATCH) {
            ours = event.ours();
            theirs = event.theirs();
        }
    }

    @EventSourcingHandler
    void on(ConflictEscalated event) {
        severity = Severity.HIGH;
    }

    @EventSourcingHandler
    void on(ConflictResolutionStarted event) {
        pending = new Pending(
                event.resolutionId(),
                event.resolution(),
                event.value(),
                event.by(),
                event.rule(),
                event.note(),
                event.startedAt());
    }

    @EventSourcingHandler
    void on(ConflictResolutionFailed event) {
        pending = null;
    }

    @EventSourcingHandler
    void on(ConflictRuleFailed event) {
        pending = null;
    }

    @EventSourcingHandler
    void on(ConflictResolved event) {
        status = ConflictStatus.RESOLVED;
        pending = null;
    }
}
