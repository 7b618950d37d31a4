package io.syncline.platform.processors;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.time.Duration;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

/** Every tracking processor, configured by name or by default, waits the configured time for events. */
class PlatformEventProcessingModuleTest {

    @ProcessingGroup("named")
    static class Named {
        @EventHandler
        void on(String event) {}
    }

    @ProcessingGroup("by-default")
    static class ByDefault {
        @EventHandler
        void on(Integer event) {}
    }

    @Test
    void processorsOfTheSettingsAndOfTheDefaultWaitTheConfiguredTime() throws Exception {
        PlatformEventProcessingModule module =
                new PlatformEventProcessingModule(Duration.ofSeconds(3), ProcessorGroups.NONE);
        module.registerTrackingEventProcessor(
                "named", Configuration::eventStore, c -> TrackingEventProcessorConfiguration.forParallelProcessing(2)
                        .andBatchSize(50));
        Configuration axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .registerModule(module)
                .eventProcessing(
                        p -> p.registerEventHandler(c -> new Named()).registerEventHandler(c -> new ByDefault()))
                .buildConfiguration();

        TrackingEventProcessor named =
                module.eventProcessor("named", TrackingEventProcessor.class).orElseThrow();
        TrackingEventProcessor byDefault = module.eventProcessor("by-default", TrackingEventProcessor.class)
                .orElseThrow();

        assertThat(wait(named)).isEqualTo(3000);
        assertThat(wait(byDefault)).isEqualTo(3000);
        assertThat(named.maxCapacity()).as("the named settings kept").isEqualTo(2);
        axon.shutdown();
    }

    private static int wait(TrackingEventProcessor processor) throws ReflectiveOperationException {
        Field field = TrackingEventProcessor.class.getDeclaredField("eventAvailabilityTimeout");
        field.setAccessible(true);
        return field.getInt(processor);
    }
}
