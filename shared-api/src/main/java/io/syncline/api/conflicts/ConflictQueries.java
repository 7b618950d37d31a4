package io.syncline.api.conflicts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Queries on the conflict read model and the views they answer with. */
public final class ConflictQueries {

    private ConflictQueries() {}

    /**
     * One conflict of the merchant; answers a {@link ConflictView}, null when none. Subscribable, so that a
     * resolution can wait for the read model to show it.
     */
    public record FindConflict(String merchantId, String conflictId) {}

    /** A page of the merchant's conflicts, newest first; null filters match everything. */
    public record ListConflicts(
            String merchantId, ConflictStatus status, ConflictKind kind, String channel, int page, int size) {}

    /** How many of the merchant's conflicts are open, and since when the oldest is; answers {@link ConflictSummary}. */
    public record SummarizeConflicts(String merchantId) {}

    /** The merchant's rules; answers {@link ConflictRules} (the defaults until the merchant sets its own). */
    public record FindConflictRules(String merchantId) {}

    /**
     * What {@code rules} would have done with the merchant's conflicts detected in [{@code from}, {@code to});
     * answers {@link WhatIf}. Changes nothing.
     */
    public record WhatIfRules(String merchantId, List<ConflictRule> rules, Instant from, Instant to) {}

    /** A conflict as the read model knows it, with its whole history. */
    public record ConflictView(
            String conflictId,
            String merchantId,
            ConflictKind kind,
            ConflictStatus status,
            Severity severity,
            String sku,
            String orderId,
            String channel,
            Side ours,
            Side theirs,
            Instant detectedAt,
            Resolution resolution,
            String resolvedBy,
            Instant resolvedAt,
            List<HistoryEntry> history) {}

    /**
     * One step of a conflict's life: {@code what} is {@code DETECTED}, {@code REPORTED_AGAIN}, {@code RULE_FAILED},
     * {@code RESOLUTION_FAILED} (its detail has the {@code resolutionId}, {@code code} and {@code reason}),
     * {@code ESCALATED} or {@code RESOLVED}; {@code by} a user, {@code rule:<kind>} or {@code system}.
     */
    public record HistoryEntry(Instant at, String what, String by, Map<String, Object> detail) {}

    /** A page of conflict views (without their history). */
    public record ConflictPage(List<ConflictView> items, int page, int size, long total) {}

    /** The open conflicts of a merchant: how many, how many are {@code HIGH}, and when the oldest was detected. */
    public record ConflictSummary(long open, long high, Instant oldestOpenAt, Map<ConflictKind, Long> openByKind) {}

    /** A merchant's rules; {@code defaults} while it has set none. */
    public record ConflictRules(List<ConflictRule> rules, boolean defaults) {}

    /** Counts of one kind in a what-if. */
    public record KindCounts(long evaluated, long wouldResolve, long wouldOpen) {}

    /**
     * A what-if's answer: of the {@code evaluated} conflicts, how many the rules would resolve or leave open,
     * per kind too, and the conflicts whose outcome would differ from what happened.
     */
    public record WhatIf(
            long evaluated,
            long wouldResolve,
            long wouldOpen,
            Map<ConflictKind, KindCounts> byKind,
            List<String> changed) {}
}
