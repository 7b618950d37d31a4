package io.syncline.api.conflicts;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Events of the Conflict aggregate; each repeats the conflict id and merchant id. */
public final class ConflictEvents {

    private ConflictEvents() {}

    /** A disagreement with a channel was found; {@code channel}, {@code sku} and {@code orderId} as the kind has them. */
    public record ConflictDetected(
            String conflictId,
            String merchantId,
            ConflictKind kind,
            String channel,
            String sku,
            String orderId,
            Side ours,
            Side theirs,
            Evidence evidence,
            Instant detectedAt) {}

    /**
     * The same cause was reported again while the conflict is open; the sides are as this report has them.
     * Revision 2 added {@code reportId}, the report's own id (derived from the event that revealed it), so that a
     * report sent again is recorded once; null for reports stored before.
     */
    @Revision("2")
    public record ConflictReportedAgain(
            String conflictId,
            String merchantId,
            Side ours,
            Side theirs,
            Evidence evidence,
            Instant reportedAt,
            String reportId) {}

    /**
     * A decision was taken, by a user or by a rule ({@code by} {@code rule:<kind>}, {@code rule} its text), and its
     * effect is being applied with the sides as they stood; {@code ConflictResolved}, {@code ConflictResolutionFailed}
     * or {@code ConflictRuleFailed} with the same {@code resolutionId} follows.
     */
    public record ConflictResolutionStarted(
            String conflictId,
            String merchantId,
            String resolutionId,
            ConflictKind kind,
            String channel,
            String sku,
            String orderId,
            Side ours,
            Side theirs,
            Resolution resolution,
            Integer value,
            String by,
            String rule,
            String note,
            Instant startedAt) {}

    /**
     * A user's decision could not take effect: refused by the service that applies it ({@code code} its error code,
     * e.g. {@code CONFLICT}) or failed ({@code code} null); the conflict stays open.
     */
    public record ConflictResolutionFailed(
            String conflictId,
            String merchantId,
            String resolutionId,
            Resolution resolution,
            String by,
            String code,
            String reason,
            Instant at) {}

    /** A merchant's rule matched at detection but its effect could not be applied; the conflict stays open. */
    public record ConflictRuleFailed(String conflictId, String merchantId, String rule, String reason, Instant at) {}

    /** The conflict stayed open beyond the escalation time: its severity is {@code HIGH} now. */
    public record ConflictEscalated(
            String conflictId,
            String merchantId,
            ConflictKind kind,
            String channel,
            String sku,
            String orderId,
            Instant escalatedAt) {}

    /**
     * The conflict was decided, by a user or by a rule ({@code resolvedBy} {@code rule:<kind>}, {@code rule} its
     * text). {@code onHandBefore}/{@code onHandAfter} are our on-hand around a stock effect (null without one);
     * {@code effect} says what was done, e.g. that a channel status could not be applied.
     */
    public record ConflictResolved(
            String conflictId,
            String merchantId,
            ConflictKind kind,
            String channel,
            String sku,
            String orderId,
            Resolution resolution,
            Integer value,
            String resolvedBy,
            String rule,
            String note,
            Integer onHandBefore,
            Integer onHandAfter,
            String effect,
            Instant resolvedAt) {}

    /** A merchant's rules changed ({@code by} the user). */
    public record ConflictRulesChanged(
            String merchantId, java.util.List<ConflictRule> rules, String by, Instant changedAt) {}
}
