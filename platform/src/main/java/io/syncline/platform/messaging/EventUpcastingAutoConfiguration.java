package io.syncline.platform.messaging;

import io.syncline.api.upcasting.EventUpcasters;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.springboot.autoconfig.InfraConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Every deployable reads stored events of earlier revisions as today's: the contract's upcasters, in
 * their order, as one chain (Axon registers every {@link EventUpcaster} bean with the event store).
 */
@AutoConfiguration(before = InfraConfiguration.class)
public class EventUpcastingAutoConfiguration {

    @Bean
    public EventUpcaster synclineEventUpcasters() {
        return new EventUpcasterChain(EventUpcasters.all());
    }
}
