package io.syncline.api.conflicts;

/** Whether a conflict still needs a decision. */
public enum ConflictStatus {
    OPEN,
    RESOLVED
}
