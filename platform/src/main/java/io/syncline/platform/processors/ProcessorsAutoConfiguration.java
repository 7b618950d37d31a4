package io.syncline.platform.processors;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Every deployable's event processors: idle tracking processors extend their claims less often, and the processing
 * groups of {@code syncline.processors.groups} share processors.
 */
@AutoConfiguration(beforeName = "org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration")
public class ProcessorsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean({EventProcessingModule.class, EventProcessingConfiguration.class})
    public EventProcessingModule eventProcessingModule(
            @Value("${syncline.processors.event-availability-timeout:3s}") Duration eventAvailabilityTimeout,
            Environment environment) {
        if (eventAvailabilityTimeout.isNegative() || eventAvailabilityTimeout.isZero()) {
            throw new IllegalArgumentException("syncline.processors.event-availability-timeout must be positive");
        }
        Map<String, List<String>> groups = Binder.get(environment)
                .bind("syncline.processors.groups", Bindable.mapOf(String.class, String[].class))
                .map(ProcessorsAutoConfiguration::lists)
                .orElse(Map.of());
        return new PlatformEventProcessingModule(eventAvailabilityTimeout, new ProcessorGroups(groups));
    }

    /** {@code processor: group-a, group-b}, as a list or comma-separated (an environment variable). */
    private static Map<String, List<String>> lists(Map<String, String[]> groups) {
        return groups.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue())));
    }
}
