package io.syncline.gateway.channels;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;

/**
 * A job of the channels run every {@code interval} on a daemon thread of its own, from the application's start to
 * its stop; a round that throws is the job's to log, the next round comes anyway.
 */
public abstract class PeriodicTask implements SmartLifecycle {

    static final Duration STOP_WAIT = Duration.ofSeconds(15);

    private final String threadName;
    private final Duration interval;
    private ScheduledExecutorService timer;

    protected PeriodicTask(String threadName, Duration interval) {
        this.threadName = threadName;
        this.interval = interval;
    }

    /** One round. */
    protected abstract void runOnce();

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
        long every = interval.toMillis();
        timer.scheduleWithFixedDelay(this::runOnce, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Lets a round under way finish (an interrupt during a database write closes the embedded H2 database) for up to
     * {@link #STOP_WAIT}, and interrupts it only then.
     */
    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdown();
            try {
                if (!timer.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    timer.shutdownNow();
                }
            } catch (InterruptedException e) {
                timer.shutdownNow();
                Thread.currentThread().interrupt();
            }
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
