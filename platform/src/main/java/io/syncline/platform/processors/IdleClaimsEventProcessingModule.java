package io.syncline.platform.processors;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.EventProcessingModule;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * Axon's event processing module, with every tracking processor waiting {@code eventAvailabilityTimeout} for events
 * before it extends its token claim again. An idle processor commits once per wait; new events still wake it at
 * once. Spring Boot's processor settings do not reach this value, so it is set on each processor's configuration
 * here (those of the settings and the default for the others).
 */
public class IdleClaimsEventProcessingModule extends EventProcessingModule {

    private final Duration eventAvailabilityTimeout;

    public IdleClaimsEventProcessingModule(Duration eventAvailabilityTimeout) {
        this.eventAvailabilityTimeout = eventAvailabilityTimeout;
        registerTrackingEventProcessorConfiguration(
                c -> waiting(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()));
    }

    @Override
    public EventProcessingConfigurer registerTrackingEventProcessor(
            String name,
            Function<Configuration, StreamableMessageSource<TrackedEventMessage<?>>> source,
            Function<Configuration, TrackingEventProcessorConfiguration> processorConfiguration) {
        return super.registerTrackingEventProcessor(name, source, c -> waiting(processorConfiguration.apply(c)));
    }

    private TrackingEventProcessorConfiguration waiting(TrackingEventProcessorConfiguration configuration) {
        return configuration.andEventAvailabilityTimeout(eventAvailabilityTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
