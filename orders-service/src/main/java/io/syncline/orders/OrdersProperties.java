package io.syncline.orders;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the orders service.
 *
 * @param fulfilmentTimeout how long an order may wait for its stock reservations before it is
 *                          rejected with reason {@code TIMEOUT}
 * @param commandRetry      how the fulfilment saga retries the commands it sends
 */
@ConfigurationProperties("syncline.orders")
public record OrdersProperties(
        @DefaultValue("30s") Duration fulfilmentTimeout, @DefaultValue CommandRetry commandRetry) {

    /** The constructor Spring binds (the record has a second one). */
    @ConstructorBinding
    public OrdersProperties {
        requirePositive(fulfilmentTimeout, "syncline.orders.fulfilment-timeout");
        if (commandRetry == null) {
            commandRetry = CommandRetry.DEFAULTS;
        }
    }

    /** The given timeout and the default retries. */
    public OrdersProperties(Duration fulfilmentTimeout) {
        this(fulfilmentTimeout, CommandRetry.DEFAULTS);
    }

    /**
     * Retries of the saga's commands. A failed command is first retried in memory; what still fails is
     * sent again from a persisted deadline, at growing intervals, until the event it causes arrives.
     *
     * @param immediateRetries in-memory retries of a failed send, 200 ms apart and doubling
     * @param initialInterval  first interval of the persisted retries
     * @param maxInterval      cap of the doubling interval of the persisted retries
     * @param stallAfter       persisted retries without progress after which the order is reported stalled
     */
    public record CommandRetry(
            @DefaultValue("3") int immediateRetries,
            @DefaultValue("1s") Duration initialInterval,
            @DefaultValue("5m") Duration maxInterval,
            @DefaultValue("5") int stallAfter) {

        static final CommandRetry DEFAULTS = new CommandRetry(3, Duration.ofSeconds(1), Duration.ofMinutes(5), 5);

        public CommandRetry {
            if (immediateRetries < 0) {
                throw new IllegalArgumentException(
                        "syncline.orders.command-retry.immediate-retries must not be negative");
            }
            requirePositive(initialInterval, "syncline.orders.command-retry.initial-interval");
            requirePositive(maxInterval, "syncline.orders.command-retry.max-interval");
            if (maxInterval.compareTo(initialInterval) < 0) {
                throw new IllegalArgumentException(
                        "syncline.orders.command-retry.max-interval must not be below initial-interval");
            }
            if (stallAfter < 1) {
                throw new IllegalArgumentException("syncline.orders.command-retry.stall-after must be at least 1");
            }
        }

        /** The interval before persisted retry number {@code attempt} (1-based): doubling, capped. */
        public Duration interval(int attempt) {
            int doublings = Math.min(Math.max(attempt - 1, 0), 30);
            Duration interval = initialInterval.multipliedBy(1L << doublings);
            return interval.compareTo(maxInterval) > 0 ? maxInterval : interval;
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
