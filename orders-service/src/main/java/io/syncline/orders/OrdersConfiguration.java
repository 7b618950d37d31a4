package io.syncline.orders;

import io.syncline.orders.command.ChannelOrderKeyRecorder;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans of the orders feature, shared by the service's own application and the standalone. */
@Configuration
public class OrdersConfiguration {

    /**
     * The channel-order lookup is written in the thread and transaction that stores
     * {@code OrderPlaced}, and its failures propagate: a unique-key violation there must fail the
     * command, not be logged away (the default for subscribing processors).
     */
    @Bean
    public ConfigurerModule channelOrderKeysProcessor() {
        return configurer -> configurer
                .eventProcessing()
                .registerSubscribingEventProcessor(ChannelOrderKeyRecorder.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(
                        ChannelOrderKeyRecorder.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }

    /** Orders stay in memory between their few commands (confirm, ship, ...); see the stock cache. */
    @Bean
    public Cache orderCache() {
        return new WeakReferenceCache();
    }
}
