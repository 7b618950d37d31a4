package io.syncline.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class InventoryConfigurationTest {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(Infrastructure.class, InventoryConfiguration.class);

    @Test
    void snapshotsEveryHundredEventsByDefault() {
        context.run(ctx -> {
            assertThat(ctx.getBean(InventoryProperties.class).snapshotThreshold())
                    .isEqualTo(100);
            assertThat(ctx.getBean("stockSnapshotTrigger", SnapshotTriggerDefinition.class))
                    .isInstanceOf(EventCountSnapshotTriggerDefinition.class);
        });
    }

    @Test
    void takesTheSnapshotThresholdFromConfiguration() {
        context.withPropertyValues("syncline.inventory.snapshot-threshold=25")
                .run(ctx -> assertThat(ctx.getBean(InventoryProperties.class).snapshotThreshold())
                        .isEqualTo(25));
    }

    @Test
    void refusesAThresholdBelowOne() {
        context.withPropertyValues("syncline.inventory.snapshot-threshold=0")
                .run(ctx -> assertThat(ctx).hasFailed());
    }

    @Configuration
    @EnableConfigurationProperties(InventoryProperties.class)
    static class Infrastructure {
        @Bean
        Snapshotter snapshotter() {
            return mock(Snapshotter.class);
        }
    }
}
