package io.syncline;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Every Syncline service in one process on Axon's local buses. It lives in the root package so
 * that entities and repositories of all services are found; the services' own application
 * classes (their executables' entry points and infrastructure) are left out.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ConfigurationPropertiesScan("io.syncline")
@ComponentScan(excludeFilters = {
        @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootApplication.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class)})
public class SynclineApplication {

    public static void main(String[] args) {
        SpringApplication.run(SynclineApplication.class, args);
    }

    /** Carries the request's correlation id and user from the gateway into every command and event. */
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
