package io.syncline.api.conflicts;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands other services send to the conflict service. */
public final class ConflictCommands {

    private ConflictCommands() {}

    /**
     * A user decides an open conflict. Refused as {@code CONFLICT} once resolved, and as invalid for
     * {@code SET_VALUE} without a {@code value} or on a kind without quantities, and as {@code CONFLICT} while
     * another decision is taking effect. Accepted, its effect (a push, an adjustment, a count, an order status) is
     * applied after: the conflict is resolved once it is ({@code ConflictResolved}), or stays open with
     * {@code ConflictResolutionFailed}, both carrying {@code resolutionId}, the caller's own id for this decision.
     */
    public record ResolveConflict(
            @TargetAggregateIdentifier String conflictId,
            String merchantId,
            String resolutionId,
            Resolution resolution,
            Integer value,
            String note,
            String user) {}

    /** Replaces the merchant's rules ({@code rules} in the order they are tried; empty: every conflict opens). */
    public record SetConflictRules(String merchantId, List<ConflictRule> rules, String user) {}
}
