package io.syncline.platform.messaging;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * What every message carries on from the message that caused it: the request's correlation id and
 * user (set by the gateway), the conflict whose resolution it serves (so a stock's history can name it),
 * and Axon's causation chain under names that do not clash with them.
 */
@AutoConfiguration(before = AxonAutoConfiguration.class)
public class CorrelationAutoConfiguration {

    public static final String CORRELATION_ID = "correlationId";
    public static final String USER_ID = "userId";
    public static final String CONFLICT_ID = "conflictId";

    @Bean
    public CorrelationDataProvider requestCorrelationProvider() {
        return new SimpleCorrelationDataProvider(CORRELATION_ID, USER_ID, CONFLICT_ID);
    }

    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider("causationId", "traceId");
    }
}
