package io.syncline.api.conflicts;

/** What a rule does with a conflict it matches at detection. */
public enum RuleAction {
    KEEP_OURS,
    ACCEPT_THEIRS,
    /** Leave it open for an operator. */
    OPEN;

    /** The resolution this action applies; empty for {@link #OPEN}. */
    public java.util.Optional<Resolution> resolution() {
        return this == OPEN ? java.util.Optional.empty() : java.util.Optional.of(Resolution.valueOf(name()));
    }
}
