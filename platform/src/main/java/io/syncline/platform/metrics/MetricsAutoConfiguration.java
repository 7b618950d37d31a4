package io.syncline.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Axon's meters, registered once per component instead of looked up per message. */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration"
        },
        beforeName = "org.axonframework.springboot.autoconfig.MicrometerMetricsAutoConfiguration")
@ConditionalOnClass(
        name = {"io.micrometer.core.instrument.MeterRegistry", "org.axonframework.micrometer.GlobalMetricRegistry"})
public class MetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(GlobalMetricRegistry.class)
    @ConditionalOnBean(MeterRegistry.class)
    public static GlobalMetricRegistry globalMetricRegistry(MeterRegistry registry) {
        return new OnceRegisteredMetricRegistry(registry);
    }
}
