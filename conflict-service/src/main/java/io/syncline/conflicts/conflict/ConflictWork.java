package io.syncline.conflicts.conflict;

import io.syncline.api.conflicts.ConflictKind;
import io.syncline.api.conflicts.ConflictRule;
import io.syncline.api.conflicts.Evidence;
import io.syncline.api.conflicts.Side;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands the conflict service sends itself: detection opens and feeds conflicts, rules resolve them. */
public final class ConflictWork {

    private ConflictWork() {}

    /**
     * Opens a conflict. The id is derived from the event that revealed it, so that the same event handled twice
     * opens it once (the second creation is refused as a duplicate and ignored).
     */
    public record DetectConflict(
            @TargetAggregateIdentifier String conflictId,
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
     * The open conflict's cause was reported again. {@code reportId} derives from the event that reported it, so
     * that the same report sent twice (its sender's transaction rolled back after the first) is recorded once.
     */
    public record ReportConflictAgain(
            @TargetAggregateIdentifier String conflictId,
            String merchantId,
            Side ours,
            Side theirs,
            Evidence evidence,
            Instant reportedAt,
            String reportId) {}

    /** The merchant's rule that matched at detection resolves the conflict (or records why it could not). */
    public record ApplyRule(@TargetAggregateIdentifier String conflictId, String merchantId, ConflictRule rule) {}

    /** The started decision's effect was applied: the conflict is resolved with what it did. */
    public record FinishResolution(
            @TargetAggregateIdentifier String conflictId,
            String resolutionId,
            Integer onHandBefore,
            Integer onHandAfter,
            String effect) {}

    /** The started decision's effect was refused ({@code code} the refusal's) or failed (null): it stays open. */
    public record FailResolution(
            @TargetAggregateIdentifier String conflictId, String resolutionId, String code, String reason) {}
}
