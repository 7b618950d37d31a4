package io.syncline.inventory;

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
}
