package io.syncline.inventory;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * Runs the inventory service as its own process (distributed topology). The standalone leaves this
 * class out and brings its own infrastructure, so only process-wide beans belong here.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class InventoryApplication {

    public static void main(String[] args) {
        SpringApplication.run(InventoryApplication.class, args);
    }

    /** Carries the request's correlation id and user into every command and event. */
    @Bean
    CorrelationDataProvider requestCorrelationProvider() {
        return new SimpleCorrelationDataProvider("correlationId", "userId");
    }

    /** Axon's causation chain under names that do not clash with the request's correlation id. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider("causationId", "traceId");
    }
}
