package io.syncline.conflicts.conflict;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.syncline.api.common.Refusals;
import io.syncline.api.conflicts.ConflictEvents.ConflictDetected;
import io.syncline.api.conflicts.ConflictEvents.ConflictEscalated;
import io.syncline.api.conflicts.ConflictEvents.ConflictReportedAgain;
import io.syncline.api.conflicts.ConflictEvents.ConflictResolved;
import io.syncline.api.conflicts.ConflictEvents.ConflictRuleFailed;
import io.syncline.api.conflicts.ConflictKind;
import io.syncline.api.conflicts.ConflictStatus;
import io.syncline.api.conflicts.Resolution;
import io.syncline.api.conflicts.Severity;
import io.syncline.api.conflicts.Side;
import io.syncline.conflicts.ConflictsProperties;
import io.syncline.conflicts.conflict.ConflictWork.DetectConflict;
import io.syncline.conflicts.conflict.ConflictWork.ReportConflictAgain;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One disagreement with a channel, from detection to its resolution. Resolutions come through
 * {@link ConflictResolutions}, which runs their effects in the other services first and then calls
 * {@link #resolve} or {@link #ruleFailed}.
 */
@Aggregate(cache = "conflictCache")
public class Conflict {

    /** The deadline that raises the severity of a conflict left open. */
    static final String ESCALATE = "escalate";

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

    /** Records the decision; its effect has been applied by then. */
    void resolve(Resolved resolved, Instant at) {
        checkResolvable(resolved.resolution(), resolved.value());
        apply(new ConflictResolved(
                conflictId,
                merchantId,
                kind,
                channel,
                sku,
                orderId,
                resolved.resolution(),
                resolved.value(),
                resolved.by(),
                resolved.rule(),
                resolved.note(),
                resolved.onHandBefore(),
                resolved.onHandAfter(),
                resolved.effect(),
                at));
    }

    /** A rule matched but its effect was refused: the conflict stays open for an operator. */
    void ruleFailed(String rule, String reason, Instant at) {
        apply(new ConflictRuleFailed(conflictId, merchantId, rule, reason, at));
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

    /** A decision and what its effect did; {@code by} a user or {@code rule:<kind>}. */
    record Resolved(
            Resolution resolution,
            Integer value,
            String by,
            String rule,
            String note,
            Integer onHandBefore,
            Integer onHandAfter,
            String effect) {}

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
    void on(ConflictResolved event) {
        status = ConflictStatus.RESOLVED;
    }
}
