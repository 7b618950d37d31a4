package io.syncline.conflicts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the conflict service.
 *
 * @param escalateAfter how long a conflict may stay open before its severity becomes {@code HIGH}
 * @param settleAfter   how long a channel's disagreeing report waits for our own stock events to explain it
 *                      before it opens a conflict, and how far before the report detection looks for a moment
 *                      the channel was in step with us
 */
@ConfigurationProperties("syncline.conflicts")
public record ConflictsProperties(
        @DefaultValue("15m") Duration escalateAfter, @DefaultValue("5s") Duration settleAfter) {

    /** The defaults, for tests and code that runs without Spring. */
    public static final ConflictsProperties DEFAULTS =
            new ConflictsProperties(Duration.ofMinutes(15), Duration.ofSeconds(5));

    public ConflictsProperties {
        requirePositive(escalateAfter, "syncline.conflicts.escalate-after");
        requirePositive(settleAfter, "syncline.conflicts.settle-after");
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
