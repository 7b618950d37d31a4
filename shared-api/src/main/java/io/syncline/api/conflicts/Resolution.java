package io.syncline.api.conflicts;

/** How a conflict is resolved. */
public enum Resolution {
    /** Our books stand: a stock mismatch pushes ours again; an order conflict records the decision. */
    KEEP_OURS,
    /** The channel is right: our on-hand follows its quantity, or our order takes its status where it can. */
    ACCEPT_THEIRS,
    /** On-hand is counted to a given value (quantity kinds only). */
    SET_VALUE
}
