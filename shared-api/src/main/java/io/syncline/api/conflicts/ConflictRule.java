package io.syncline.api.conflicts;

import java.util.List;

/**
 * A merchant's rule for conflicts of a kind: it matches a conflict of that kind whose sides differ by at most
 * {@code maxDifference} units (no bound when null; a bounded rule matches only kinds with quantities).
 */
public record ConflictRule(ConflictKind kind, Integer maxDifference, RuleAction action) {

    /** The rules every merchant starts with: small stock mismatches and duplicate orders keep ours. */
    public static final List<ConflictRule> DEFAULTS = List.of(
            new ConflictRule(ConflictKind.STOCK_MISMATCH, 2, RuleAction.KEEP_OURS),
            new ConflictRule(ConflictKind.DUPLICATE_ORDER, null, RuleAction.KEEP_OURS));

    /** Whether it applies to a conflict of {@code kind} whose sides differ by {@code difference} (null: none). */
    public boolean matches(ConflictKind kind, Integer difference) {
        if (this.kind != kind) {
            return false;
        }
        if (maxDifference == null) {
            return true;
        }
        return difference != null && Math.abs(difference) <= maxDifference;
    }

    /** The rule as the audit shows it, e.g. {@code STOCK_MISMATCH up to 2 units → KEEP_OURS}. */
    public String text() {
        return kind + (maxDifference == null ? "" : " up to " + maxDifference + " units") + " → " + action;
    }

    /** The first of {@code rules} matching; empty when none does (the conflict stays open). */
    public static java.util.Optional<ConflictRule> firstMatching(
            List<ConflictRule> rules, ConflictKind kind, Integer difference) {
        return rules.stream().filter(r -> r.matches(kind, difference)).findFirst();
    }
}
