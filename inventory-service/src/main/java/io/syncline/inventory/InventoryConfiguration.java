package io.syncline.inventory;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans of the inventory feature, shared by the service's own application and the standalone. */
@Configuration
public class InventoryConfiguration {

    /** Busy SKUs collect many reservation events; a snapshot keeps loading them cheap. */
    @Bean
    public SnapshotTriggerDefinition stockSnapshotTrigger(Snapshotter snapshotter, InventoryProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.snapshotThreshold());
    }

    /**
     * Stock aggregates stay in memory between commands (commands for one stock are routed to one
     * instance); entries go when memory is short, and a stale one fails on the event sequence.
     */
    @Bean
    public Cache stockCache() {
        return new WeakReferenceCache();
    }
}
