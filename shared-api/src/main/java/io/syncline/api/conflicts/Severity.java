package io.syncline.api.conflicts;

/** How urgently a conflict needs an operator; {@code HIGH} once it stayed open beyond the escalation time. */
public enum Severity {
    NORMAL,
    HIGH
}
