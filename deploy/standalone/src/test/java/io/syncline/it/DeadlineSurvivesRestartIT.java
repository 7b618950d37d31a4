package io.syncline.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerStarter;
import io.syncline.SynclineApplication;
import io.syncline.platform.test.ApiClient;
import io.syncline.platform.test.TestDatabases;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Orders still pending when the application stops reach a terminal state after it restarts: the
 * fulfilment deadline is persisted, not held in memory, and one that fell due while the application
 * was down fires only once the handlers it needs are subscribed.
 */
class DeadlineSurvivesRestartIT {

    private static final Timestamp OVERDUE = Timestamp.from(Instant.now().minus(Duration.ofHours(1)));

    @Test
    void pendingOrdersAreRejectedByTheirPersistedDeadlineAfterARestart() {
        String db = TestDatabases.create("syncline_restart");
        List<String> orderIds = new ArrayList<>();

        // First run without the inventory service: reservations go unanswered, orders stay pending
        // (a long timeout: the deadlines are made overdue below, when this run has stopped)
        try (ConfigurableApplicationContext first = start(db, "PT10M", WithoutInventory.class)) {
            ApiClient alice = new ApiClient(port(first)).login("alice", "secret");
            for (int i = 0; i < 5; i++) {
                var r = alice.post(
                        "/api/orders",
                        Map.of(
                                "channel",
                                "web",
                                "channelOrderId",
                                UUID.randomUUID().toString(),
                                "lines",
                                List.of(Map.of("sku", "SKU-1", "quantity", 1))));
                assertThat(r.status()).as(r.body()).isEqualTo(202);
                orderIds.add(r.json().get("orderId").asText());
            }
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            OrderFlowIT.await(
                    () -> jdbc.queryForObject("select count(*) from scheduled_tasks", Integer.class) >= 5,
                    "five fulfilment deadlines scheduled");
            for (String id : orderIds) {
                assertThat(alice.get("/api/orders/" + id).json().get("status").asText())
                        .isEqualTo("PENDING");
            }
            // overdue before the next start, so the scheduler finds them the moment it runs
            jdbc.update("update scheduled_tasks set execution_time = ?", OVERDUE);
        }

        // Second run: the complete application on the same database.
        try (ConfigurableApplicationContext second = start(db, "PT4S", SynclineApplication.class, SlowStart.class)) {
            assertThat(SlowStart.schedulerRanDuringStart)
                    .as("deadline scheduler running before the handlers exist")
                    .isFalse();
            ApiClient alice = new ApiClient(port(second)).login("alice", "secret");
            for (String id : orderIds) {
                var order = OrderFlowIT.awaitStatus(alice, id, "REJECTED");
                assertThat(order.get("reason").asText()).isEqualTo("TIMEOUT");
            }
        }
    }

    private static ConfigurableApplicationContext start(String db, String fulfilmentTimeout, Class<?>... sources) {
        // arguments, not default properties: the postgres profile's own defaults must not win
        return new SpringApplicationBuilder(sources)
                .profiles("postgres", "it")
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + db,
                        "--spring.datasource.username=" + TestDatabases.USER,
                        "--spring.datasource.password=" + TestDatabases.PASSWORD,
                        "--syncline.orders.fulfilment-timeout=" + fulfilmentTimeout);
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    /**
     * A context that is slow to start: its handlers are subscribed only after every bean exists. Should
     * the deadline scheduler already run while the beans are created, this waits until it has fired the
     * overdue deadlines, so their loss is certain rather than a matter of the machine's speed.
     * Registered as a source only (not a component: no other test's context picks it up).
     */
    static class SlowStart {

        static volatile Boolean schedulerRanDuringStart;

        @Bean
        Object slowStart(DbSchedulerStarter starter, Scheduler scheduler, DataSource dataSource) {
            schedulerRanDuringStart = scheduler.getSchedulerState().isStarted();
            if (schedulerRanDuringStart) {
                JdbcTemplate jdbc = new JdbcTemplate(dataSource);
                OrderFlowIT.await(
                        () -> jdbc.queryForObject(
                                        "select count(*) from scheduled_tasks where execution_time <= ?",
                                        Integer.class,
                                        OVERDUE)
                                == 0,
                        "the overdue deadlines fired");
            }
            return new Object();
        }
    }

    /** The standalone minus the inventory service. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @AutoConfigurationPackage(basePackages = "io.syncline")
    @ConfigurationPropertiesScan("io.syncline")
    @ComponentScan(
            basePackages = "io.syncline",
            excludeFilters = {
                @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootApplication.class),
                @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = SynclineApplication.class),
                @ComponentScan.Filter(type = FilterType.REGEX, pattern = "io\\.syncline\\.(inventory|it)\\..*")
            })
    static class WithoutInventory {}
}
