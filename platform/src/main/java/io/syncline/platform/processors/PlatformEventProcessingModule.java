package io.syncline.platform.processors;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.EventProcessingModule;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * Axon's event processing module with two settings of the platform:
 * <ul>
 *   <li>every tracking processor waits {@code eventAvailabilityTimeout} for events before it extends its token claim
 *       again: an idle processor commits once per wait, new events still wake it at once (Spring Boot's processor
 *       settings do not reach this value, so it is set on each processor's configuration here);
 *   <li>{@link ProcessorGroups}: processing groups that share one processor (tracking or pooled), which starts where
 *       the processors it replaces were ({@link InheritedToken}).
 * </ul>
 */
public class PlatformEventProcessingModule extends EventProcessingModule {

    private final Duration eventAvailabilityTimeout;
    private final ProcessorGroups groups;

    public PlatformEventProcessingModule(Duration eventAvailabilityTimeout, ProcessorGroups groups) {
        this.eventAvailabilityTimeout = eventAvailabilityTimeout;
        this.groups = groups;
        registerTrackingEventProcessorConfiguration(
                c -> waiting(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()));
        groups.byProcessor().forEach((processor, members) -> members.forEach(g -> assignProcessingGroup(g, processor)));
    }

    @Override
    public EventProcessingConfigurer registerTrackingEventProcessor(
            String name,
            Function<Configuration, StreamableMessageSource<TrackedEventMessage<?>>> source,
            Function<Configuration, TrackingEventProcessorConfiguration> processorConfiguration) {
        return super.registerTrackingEventProcessor(name, source, c -> waiting(processorConfiguration.apply(c)));
    }

    @Override
    protected EventProcessor trackingEventProcessor(
            String name,
            EventHandlerInvoker invoker,
            TrackingEventProcessorConfiguration configuration,
            StreamableMessageSource<TrackedEventMessage<?>> source) {
        List<String> replaced = groups.takenOverBy(name);
        if (replaced.isEmpty()) {
            return super.trackingEventProcessor(name, invoker, configuration, source);
        }
        Function<StreamableMessageSource<TrackedEventMessage<?>>, TrackingToken> otherwise =
                configuration.getInitialTrackingToken();
        return super.trackingEventProcessor(
                name,
                invoker,
                configuration.andInitialTrackingToken(s -> inherited(name, replaced, s, otherwise)),
                source);
    }

    @Override
    protected EventProcessor pooledStreamingEventProcessor(
            String name,
            EventHandlerInvoker invoker,
            Configuration config,
            StreamableMessageSource<TrackedEventMessage<?>> source,
            PooledStreamingProcessorConfiguration processorConfiguration) {
        List<String> replaced = groups.takenOverBy(name);
        if (replaced.isEmpty()) {
            return super.pooledStreamingEventProcessor(name, invoker, config, source, processorConfiguration);
        }
        // with nothing to inherit, from the start of the stream: Axon's default for a pooled processor
        return super.pooledStreamingEventProcessor(
                name,
                invoker,
                config,
                source,
                processorConfiguration.andThen((c, builder) -> builder.initialToken(
                        s -> inherited(name, replaced, s, StreamableMessageSource::createTailToken))));
    }

    private TrackingEventProcessorConfiguration waiting(TrackingEventProcessorConfiguration configuration) {
        return configuration.andEventAvailabilityTimeout(eventAvailabilityTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Called only while the processor has no token yet, in the transaction that stores its first one. */
    private TrackingToken inherited(
            String processor,
            List<String> replaced,
            StreamableMessageSource<TrackedEventMessage<?>> source,
            Function<StreamableMessageSource<TrackedEventMessage<?>>, TrackingToken> otherwise) {
        InheritedToken.Inheritance inheritance = InheritedToken.takeOver(tokenStore(processor), replaced);
        return inheritance.found() ? inheritance.lowest() : otherwise.apply(source);
    }
}
