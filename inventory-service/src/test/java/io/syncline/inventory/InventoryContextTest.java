package io.syncline.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncline.api.inventory.StockCommands.CountStock;
import io.syncline.api.inventory.StockCommands.ReserveStock;
import io.syncline.api.inventory.StockIds;
import io.syncline.api.inventory.StockQueries.FindStock;
import io.syncline.api.inventory.StockQueries.StockView;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * The whole service wired by Spring on local buses. Axon's own tables come from Hibernate here
 * (Flyway off, plain H2 mode, whose BLOB Hibernate's DDL needs), so this checks wiring only;
 * the schema is checked by the projection test.
 */
@Tag("spring-context")
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:inventory-context;DATABASE_TO_LOWER=TRUE",
            "spring.flyway.enabled=false",
            "spring.jpa.hibernate.ddl-auto=create-drop"
        })
class InventoryContextTest {

    @Autowired
    private CommandGateway commands;

    @Autowired
    private QueryGateway queries;

    @Autowired
    private ApplicationContext context;

    @Test
    void countsReservesAndProjectsThroughTheRealBuses() throws InterruptedException {
        String id = StockIds.of("m1", "sku-ctx");

        assertThat((Object) commands.sendAndWait(new CountStock(id, "m1", "sku-ctx", "Mug", 10, 3)))
                .isEqualTo(true);
        assertThat((Object) commands.sendAndWait(new CountStock(id, "m1", "sku-ctx", "Mug", 9, 3)))
                .isEqualTo(false);
        commands.sendAndWait(new ReserveStock(id, "m1", "sku-ctx", "o1", 4));
        commands.sendAndWait(new ReserveStock(StockIds.of("m1", "nope"), "m1", "nope", "o1", 1));

        Optional<StockView> view = Optional.empty();
        for (int i = 0; i < 100 && view.map(v -> v.reserved() != 4).orElse(true); i++) {
            Thread.sleep(100);
            view = queries.query(new FindStock("m1", "sku-ctx"), ResponseTypes.optionalInstanceOf(StockView.class))
                    .join();
        }
        assertThat(view).map(StockView::available).contains(5);
        assertThat(context.getBean("stockSnapshotTrigger", SnapshotTriggerDefinition.class))
                .isNotNull();
    }
}
