package io.syncline.it;

import io.syncline.SynclineApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Orders still pending when the application stops reach a terminal state after it restarts: the
 * fulfilment deadline is persisted, not held in memory.
 */
class DeadlineSurvivesRestartIT {

    @Test
    void pendingOrdersAreRejectedByTheirPersistedDeadlineAfterARestart() {
        String db = TestDatabases.create("syncline_restart");
        List<String> orderIds = new ArrayList<>();

        // First run without the inventory service: reservations go unanswered, orders stay pending.
        try (ConfigurableApplicationContext first = start(WithoutInventory.class, db)) {
            ApiClient alice = new ApiClient(port(first)).login("alice", "secret");
            for (int i = 0; i < 5; i++) {
                var r = alice.post("/api/orders", Map.of("channel", "web", "channelOrderId", UUID.randomUUID().toString(),
                        "lines", List.of(Map.of("sku", "SKU-1", "quantity", 1))));
                assertThat(r.status()).as(r.body()).isEqualTo(202);
                orderIds.add(r.json().get("orderId").asText());
            }
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            OrderFlowIT.await(() -> jdbc.queryForObject("select count(*) from scheduled_tasks", Integer.class) >= 5,
                    "five fulfilment deadlines scheduled");
            for (String id : orderIds) {
                assertThat(alice.get("/api/orders/" + id).json().get("status").asText()).isEqualTo("PENDING");
            }
        }

        // Second run: the complete application on the same database.
        try (ConfigurableApplicationContext second = start(SynclineApplication.class, db)) {
            ApiClient alice = new ApiClient(port(second)).login("alice", "secret");
            for (String id : orderIds) {
                var order = OrderFlowIT.awaitStatus(alice, id, "REJECTED");
                assertThat(order.get("reason").asText()).isEqualTo("TIMEOUT");
            }
        }
    }

    private static ConfigurableApplicationContext start(Class<?> app, String db) {
        // arguments, not default properties: the postgres profile's own defaults must not win
        return new SpringApplicationBuilder(app)
                .profiles("postgres", "it")
                .run("--server.port=0",
                        "--spring.datasource.url=" + db,
                        "--spring.datasource.username=" + TestDatabases.USER,
                        "--spring.datasource.password=" + TestDatabases.PASSWORD,
                        "--syncline.orders.fulfilment-timeout=PT4S");
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    /** The standalone minus the inventory service. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @AutoConfigurationPackage(basePackages = "io.syncline")
    @ConfigurationPropertiesScan("io.syncline")
    @ComponentScan(basePackages = "io.syncline", excludeFilters = {
            @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootApplication.class),
            @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = SynclineApplication.class),
            @ComponentScan.Filter(type = FilterType.REGEX, pattern = "io\\.syncline\\.(inventory|it)\\..*")})
    static class WithoutInventory {
    }
}
