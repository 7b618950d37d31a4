package io.syncline.live.stream;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** Counts the open streams of this instance, per user and in all, and refuses those over the caps. */
@Component
public class StreamConnections {

    /** Why a stream was refused. */
    public enum Refusal {
        /** The user holds {@code max-connections-per-user} streams already. */
        USER_LIMIT,
        /** The instance holds {@code max-connections} streams already. */
        INSTANCE_LIMIT
    }

    /** Thrown when a stream cannot be opened. */
    public static final class RefusedException extends RuntimeException {

        private final Refusal refusal;

        RefusedException(Refusal refusal, int limit) {
            super(
                    refusal == Refusal.USER_LIMIT
                            ? "You have " + limit + " streams open already; close one first"
                            : "This instance holds " + limit + " streams already; retry later or on another instance");
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    /** One open stream; released once, however often {@link #release()} is called. */
    public final class Permit {

        private final String userId;
        private final AtomicBoolean released = new AtomicBoolean();

        private Permit(String userId) {
            this.userId = userId;
        }

        public void release() {
            if (released.compareAndSet(false, true)) {
                total.decrementAndGet();
                perUser.computeIfPresent(userId, (u, count) -> count.decrementAndGet() <= 0 ? null : count);
            }
        }
    }

    private final int maxPerUser;
    private final int max;
    private final AtomicInteger total = new AtomicInteger();
    private final Map<String, AtomicInteger> perUser = new ConcurrentHashMap<>();

    public StreamConnections(StreamAccessProperties properties) {
        this.maxPerUser = properties.maxConnectionsPerUser();
        this.max = properties.maxConnections();
    }

    /** A permit for one more stream of the user; throws {@link RefusedException} over a cap. */
    public Permit acquire(String userId) {
        String user = userId == null ? "" : userId;
        if (total.incrementAndGet() > max) {
            total.decrementAndGet();
            throw new RefusedException(Refusal.INSTANCE_LIMIT, max);
        }
        boolean[] admitted = {false};
        perUser.compute(user, (u, count) -> {
            AtomicInteger current = count == null ? new AtomicInteger() : count;
            if (current.get() < maxPerUser) {
                current.incrementAndGet();
                admitted[0] = true;
            }
            return current.get() == 0 ? null : current;
        });
        if (!admitted[0]) {
            total.decrementAndGet();
            throw new RefusedException(Refusal.USER_LIMIT, maxPerUser);
        }
        return new Permit(user);
    }

    /** Streams open now. */
    public int open() {
        return total.get();
    }
}
