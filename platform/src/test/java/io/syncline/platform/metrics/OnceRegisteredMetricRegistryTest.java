package io.syncline.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.QueryBus;
import org.junit.jupiter.api.Test;

/** The same meters as Axon's monitors, with the same counts, none of them registered while messages flow. */
class OnceRegisteredMetricRegistryTest {

    @Test
    void keepsAxonsMetersAndCountsWithoutRegisteringPerMessage() {
        SimpleMeterRegistry axons = new SimpleMeterRegistry();
        SimpleMeterRegistry ours = new SimpleMeterRegistry();
        drive(new GlobalMetricRegistry(axons));
        AtomicInteger addedWhileFlowing = new AtomicInteger();
        OnceRegisteredMetricRegistry registry = new OnceRegisteredMetricRegistry(ours);
        Map<String, MessageMonitor<Message<?>>> monitors = monitors(registry);
        ours.config().onMeterAdded(m -> addedWhileFlowing.incrementAndGet());
        drive(monitors);

        assertThat(addedWhileFlowing).hasValue(0);
        assertThat(summary(ours)).isEqualTo(summary(axons));
        assertThat(ours.get("orders.ingestedCounter").counter().count()).isEqualTo(3);
        assertThat(ours.get("orders.failureCounter").counter().count()).isEqualTo(1);
        assertThat(ours.get("orders.ignoredTimer").timer().count()).isEqualTo(1);
        assertThat(ours.get("orders.latency").gauge().value()).isGreaterThanOrEqualTo(0);
        assertThat(ours.get("orders.capacity").gauge().value()).isGreaterThanOrEqualTo(0);
    }

    private static void drive(GlobalMetricRegistry registry) {
        drive(monitors(registry));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, MessageMonitor<Message<?>>> monitors(GlobalMetricRegistry registry) {
        return Map.of(
                "orders", (MessageMonitor<Message<?>>) registry.registerComponent(EventProcessor.class, "orders"),
                "eventBus", (MessageMonitor<Message<?>>) registry.registerComponent(EventBus.class, "eventBus"),
                "commandBus", (MessageMonitor<Message<?>>) registry.registerComponent(CommandBus.class, "commandBus"),
                "queryBus", (MessageMonitor<Message<?>>) registry.registerComponent(QueryBus.class, "queryBus"));
    }

    private static void drive(Map<String, MessageMonitor<Message<?>>> monitors) {
        MessageMonitor<Message<?>> processor = monitors.get("orders");
        processor
                .onMessageIngested(GenericEventMessage.asEventMessage("placed"))
                .reportSuccess();
        processor
                .onMessageIngested(GenericEventMessage.asEventMessage("confirmed"))
                .reportFailure(new IllegalStateException("boom"));
        processor.onMessageIngested(GenericEventMessage.asEventMessage("other")).reportIgnored();
        monitors.get("eventBus")
                .onMessageIngested(GenericEventMessage.asEventMessage("placed"))
                .reportSuccess();
        monitors.get("commandBus")
                .onMessageIngested(GenericCommandMessage.asCommandMessage("place"))
                .reportSuccess();
        monitors.get("queryBus")
                .onMessageIngested(new GenericQueryMessage<>("find", ResponseTypes.instanceOf(String.class)))
                .reportSuccess();
    }

    /** Every meter by name and type, with its count where it has one. */
    private static Map<String, String> summary(MeterRegistry registry) {
        Map<String, String> meters = new TreeMap<>();
        for (Meter meter : registry.getMeters()) {
            String count = meter instanceof io.micrometer.core.instrument.Counter c
                    ? String.valueOf(c.count())
                    : meter instanceof io.micrometer.core.instrument.Timer t ? String.valueOf(t.count()) : "";
            meters.put(meter.getId().getName(), meter.getId().getType() + " " + count);
        }
        return meters;
    }
}
