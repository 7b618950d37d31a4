package io.syncline.conflicts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the conflict service.
 *
 * @param escalateAfter how long a conflict may stay open before its severity becomes {@code HIGH}
 * @param settleAfter   how long a channel's disagreeing report waits for our own stock events to explain it
 *                      before it opens a conflict
 * @param settleAtMost  how long after its report a disagreeing report may wait in all, while the channel's orders
 *                      it announced are not in our books yet or detection has not caught up with the events up to
 *                      its settle time, and how far before the report detection looks for a moment the channel was
 *                      in step with us; at least {@code settleAfter}
 */
@ConfigurationProperties("syncline.conflicts")
public record ConflictsProperties(
        @DefaultValue("15m") Duration escalateAfter, @DefaultValue("5s") Duration settleAfter, Duration settleAtMost) {

    /** {@code settle-at-most} when not set, or the settle time if that is longer. */
    static final Duration SETTLE_AT_MOST = Duration.ofSeconds(30);

    /** The defaults, for tests and code that runs without Spring. */
    public static final ConflictsProperties DEFAULTS =
            new ConflictsProperties(Duration.ofMinutes(15), Duration.ofSeconds(5), null);

    public ConflictsProperties {
        requirePositive(escalateAfter, "syncline.conflicts.escalate-after");
        requirePositive(settleAfter, "syncline.conflicts.settle-after");
        if (settleAtMost == null) {
            settleAtMost = settleAfter.compareTo(SETTLE_AT_MOST) > 0 ? settleAfter : SETTLE_AT_MOST;
        }
        requirePositive(settleAtMost, "syncline.conflicts.settle-at-most");
        if (settleAtMost.compareTo(settleAfter) < 0) {
            throw new IllegalArgumentException(
                    "syncline.conflicts.settle-at-most must be at least syncline.conflicts.settle-after");
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
