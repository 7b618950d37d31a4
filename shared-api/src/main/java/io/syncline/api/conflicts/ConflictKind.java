package io.syncline.api.conflicts;

/** What a channel and our books disagree about. */
public enum ConflictKind {
    /** (channel, SKU): the channel shows another quantity than we want it to show. */
    STOCK_MISMATCH,
    /** (channel, order): a channel order we could not cover. */
    OVERSOLD,
    /** (channel, order): the same channel order delivered again with other lines. */
    DUPLICATE_ORDER,
    /** (channel, order): the channel cancels what we shipped, or ships what we rejected or cancelled. */
    STATUS_MISMATCH;

    /** Whether its sides are quantities (and a rule's {@code maxDifference} or {@code SET_VALUE} applies). */
    public boolean hasQuantities() {
        return this == STOCK_MISMATCH || this == OVERSOLD;
    }

    /** Whether it is about one order rather than a listing. */
    public boolean aboutOrder() {
        return this != STOCK_MISMATCH;
    }
}
