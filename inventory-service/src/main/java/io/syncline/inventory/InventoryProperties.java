package io.syncline.inventory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the inventory service.
 *
 * @param snapshotThreshold events after which a stock aggregate is snapshotted
 */
@ConfigurationProperties("syncline.inventory")
public record InventoryProperties(@DefaultValue("100") int snapshotThreshold) {

    public InventoryProperties {
        if (snapshotThreshold < 1) {
            throw new IllegalArgumentException("syncline.inventory.snapshot-threshold must be at least 1");
        }
    }
}
