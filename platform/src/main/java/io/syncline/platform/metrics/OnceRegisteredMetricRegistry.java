package io.syncline.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryUpdateEmitter;

/**
 * Axon's metric registry with the meters of each component registered when the component is built
 * ({@link RegisteredMeters}). Only the default, untagged meters: with {@code axon.metrics.micrometer.dimensional}
 * Axon tags them per message, and its own monitors are used as they are.
 */
public class OnceRegisteredMetricRegistry extends GlobalMetricRegistry {

    public OnceRegisteredMetricRegistry(MeterRegistry registry) {
        super(registry);
    }

    @Override
    public MessageMonitor<? extends Message<?>> registerComponent(Class<?> componentType, String componentName) {
        RegisteredMeters.Kind kind = kindOf(componentType);
        return kind == null
                ? super.registerComponent(componentType, componentName)
                : new RegisteredMeters(componentName, kind, getRegistry());
    }

    private static RegisteredMeters.Kind kindOf(Class<?> componentType) {
        if (EventProcessor.class.isAssignableFrom(componentType)) {
            return RegisteredMeters.Kind.EVENT_PROCESSOR;
        }
        if (EventBus.class.isAssignableFrom(componentType)) {
            return RegisteredMeters.Kind.EVENT_BUS;
        }
        if (CommandBus.class.isAssignableFrom(componentType)
                || QueryBus.class.isAssignableFrom(componentType)
                || QueryUpdateEmitter.class.isAssignableFrom(componentType)) {
            return RegisteredMeters.Kind.HANDLER;
        }
        return null;
    }
}
