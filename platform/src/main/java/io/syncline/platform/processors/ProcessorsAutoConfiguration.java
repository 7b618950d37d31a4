package io.syncline.platform.processors;

import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Every deployable's event processors: idle tracking processors extend their claims less often. */
@AutoConfiguration(beforeName = "org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration")
public class ProcessorsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean({EventProcessingModule.class, EventProcessingConfiguration.class})
    public EventProcessingModule eventProcessingModule(
            @Value("${syncline.processors.event-availability-timeout:3s}") Duration eventAvailabilityTimeout) {
        if (eventAvailabilityTimeout.isNegative() || eventAvailabilityTimeout.isZero()) {
            throw new IllegalArgumentException("syncline.processors.event-availability-timeout must be positive");
        }
        return new IdleClaimsEventProcessingModule(eventAvailabilityTimeout);
    }
}
