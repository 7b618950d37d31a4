package io.syncline.orders.fulfilment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.syncline.api.common.Refusals;
import io.syncline.orders.OrdersProperties;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * How the fulfilment saga sends its commands: never blocking the saga, a failure retried at once
 * (in memory, with backoff) unless it is a refusal, which is an answer and not retried. A command
 * that still fails is logged at ERROR with its order and counted
 * ({@value #FAILURES_METER}, tagged by command); the saga's persisted retry deadline sends it again.
 */
@Component
public class FulfilmentCommands implements AutoCloseable {

    static final String FAILURES_METER = "syncline.orders.fulfilment.command.failures";
    static final String STALLS_METER = "syncline.orders.fulfilment.stalls";
    private static final long FIRST_RETRY_MILLIS = 200;
    private static final Logger log = LoggerFactory.getLogger(FulfilmentCommands.class);

    private final CommandGateway gateway;
    private final ScheduledExecutorService retryExecutor;
    private final MeterRegistry meters;
    private final Counter stalls;

    @Autowired
    public FulfilmentCommands(CommandBus commandBus, OrdersProperties properties, MeterRegistry meters) {
        this(commandBus, retryThread(), properties, meters);
    }

    /** With the executor that runs the in-memory retries (tests run them at once). */
    FulfilmentCommands(
            CommandBus commandBus,
            ScheduledExecutorService retryExecutor,
            OrdersProperties properties,
            MeterRegistry meters) {
        this.retryExecutor = retryExecutor;
        this.meters = meters;
        this.stalls = Counter.builder(STALLS_METER)
                .description("Orders whose fulfilment commands kept failing through the persisted retries")
                .register(meters);
        this.gateway = DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(ExponentialBackOffIntervalRetryScheduler.builder()
                        .retryExecutor(retryExecutor)
                        .backoffFactor(FIRST_RETRY_MILLIS)
                        .maxRetryCount(properties.commandRetry().immediateRetries())
                        // a refusal is the handler's answer; everything else may pass (no handler yet, a
                        // database or connection failure, a timeout, a concurrent change)
                        .nonTransientFailurePredicate(
                                failure -> Refusals.detailsOf(failure).isPresent())
                        .build())
                .build();
    }

    /** Sends {@code command} for {@code orderId}; its outcome arrives as events. */
    public void send(String orderId, Object command) {
        String name = command.getClass().getSimpleName();
        gateway.send(command).whenComplete((result, failure) -> {
            if (failure == null) {
                return;
            }
            if (Refusals.detailsOf(failure).isPresent()) {
                log.warn("Order {}: {} refused: {}", orderId, name, failure.getMessage());
                return;
            }
            meters.counter(FAILURES_METER, "command", name).increment();
            log.error(
                    "Order {}: {} failed after its immediate retries; the fulfilment sends it again later: {}",
                    orderId,
                    name,
                    failure.toString());
        });
    }

    /** The fulfilment of {@code orderId} is stuck: logged at ERROR, counted, and reported on the order. */
    void stalled(String orderId, Object report, String reason) {
        stalls.increment();
        log.error("Order {}: fulfilment stalled: {}", orderId, reason);
        send(orderId, report);
    }

    @Override
    public void close() {
        retryExecutor.shutdownNow();
    }

    private static ScheduledExecutorService retryThread() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "fulfilment-command-retry");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setKeepAliveTime(1, TimeUnit.MINUTES);
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
