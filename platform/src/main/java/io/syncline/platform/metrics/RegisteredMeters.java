package io.syncline.platform.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.reservoir.SlidingTimeWindowReservoir;
import org.axonframework.monitoring.MessageMonitor;

/**
 * The meters Axon's Micrometer monitors keep for one component (same names, same percentiles), registered once when
 * the component is built: Axon's own monitors look each meter up in the registry for every message.
 */
final class RegisteredMeters implements MessageMonitor<Message<?>> {

    /** Axon's capacity window: the share of the last ten minutes spent handling messages. */
    private static final long CAPACITY_WINDOW_MINUTES = 10;

    /** Which of Axon's monitors a component has. */
    enum Kind {
        /** Timers, counters, capacity and the latency of the last event. */
        EVENT_PROCESSOR(true, true),
        /** Timers and counters. */
        EVENT_BUS(false, false),
        /** Timers, counters and capacity: the command and query buses and the query update emitter. */
        HANDLER(true, false);

        private final boolean capacity;
        private final boolean latency;

        Kind(boolean capacity, boolean latency) {
            this.capacity = capacity;
            this.latency = latency;
        }
    }

    private final Timer allTimer;
    private final Timer successTimer;
    private final Timer failureTimer;
    private final Timer ignoredTimer;
    private final Counter ingested;
    private final Counter processed;
    private final Counter succeeded;
    private final Counter failed;
    private final Counter ignored;
    private final SlidingTimeWindowReservoir handlingTimes;
    private final AtomicLong latency;

    RegisteredMeters(String prefix, Kind kind, MeterRegistry registry) {
        allTimer = timer(prefix, "allTimer", registry);
        successTimer = timer(prefix, "successTimer", registry);
        failureTimer = timer(prefix, "failureTimer", registry);
        ignoredTimer = timer(prefix, "ignoredTimer", registry);
        ingested = registry.counter(prefix + ".ingestedCounter");
        processed = registry.counter(prefix + ".processedCounter");
        succeeded = registry.counter(prefix + ".successCounter");
        failed = registry.counter(prefix + ".failureCounter");
        ignored = registry.counter(prefix + ".ignoredCounter");
        if (kind.capacity) {
            SlidingTimeWindowReservoir reservoir = new SlidingTimeWindowReservoir(
                    CAPACITY_WINDOW_MINUTES, TimeUnit.MINUTES, io.micrometer.core.instrument.Clock.SYSTEM);
            handlingTimes = reservoir;
            Gauge.builder(prefix + ".capacity", reservoir, RegisteredMeters::capacity)
                    .register(registry);
        } else {
            handlingTimes = null;
        }
        if (kind.latency) {
            AtomicLong last = new AtomicLong();
            latency = last;
            Gauge.builder(prefix + ".latency", last, AtomicLong::get).register(registry);
        } else {
            latency = null;
        }
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        ingested.increment();
        if (latency != null && message instanceof EventMessage<?> event) {
            latency.set(System.currentTimeMillis() - event.getTimestamp().toEpochMilli());
        }
        long start = System.nanoTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                long took = handled();
                successTimer.record(took, TimeUnit.NANOSECONDS);
                processed.increment();
                succeeded.increment();
            }

            @Override
            public void reportFailure(Throwable cause) {
                long took = handled();
                failureTimer.record(took, TimeUnit.NANOSECONDS);
                processed.increment();
                failed.increment();
            }

            @Override
            public void reportIgnored() {
                long took = handled();
                ignoredTimer.record(took, TimeUnit.NANOSECONDS);
                ignored.increment();
            }

            private long handled() {
                long took = System.nanoTime() - start;
                allTimer.record(took, TimeUnit.NANOSECONDS);
                if (handlingTimes != null) {
                    handlingTimes.update(took);
                }
                return took;
            }
        };
    }

    private static Timer timer(String prefix, String name, MeterRegistry registry) {
        return Timer.builder(prefix + "." + name)
                .distributionStatisticExpiry(Duration.ofMinutes(10))
                .publishPercentiles(0.5, 0.75, 0.95, 0.98, 0.99, 0.999)
                .register(registry);
    }

    private static double capacity(SlidingTimeWindowReservoir reservoir) {
        long total =
                reservoir.getMeasurements().stream().mapToLong(Long::longValue).sum();
        return (double) total / TimeUnit.MINUTES.toNanos(CAPACITY_WINDOW_MINUTES);
    }
}
