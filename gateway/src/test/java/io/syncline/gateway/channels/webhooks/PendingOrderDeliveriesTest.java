package io.syncline.gateway.channels.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.syncline.api.channels.ChannelQueries.FindOrderDeliveryBacklog;
import io.syncline.api.channels.ChannelQueries.OrderDeliveryBacklog;
import io.syncline.gateway.channels.WebhookDelivery;
import io.syncline.platform.test.MutableClock;
import io.syncline.platform.test.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the inbox tells detection of a channel's orders not applied yet, on PostgreSQL: waiting and retried deliveries
 * count, up to the time asked; applied or given-up ones, stock reports and other channels do not.
 */
class PendingOrderDeliveriesTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
    private DeliveryInbox inbox;
    private PendingOrderDeliveries handler;

    @BeforeEach
    void setUp() {
        PGSimpleDataSource data = new PGSimpleDataSource();
        data.setURL(TestDatabases.create("gw_inbox"));
        data.setUser(TestDatabases.USER);
        data.setPassword(TestDatabases.PASSWORD);
        Flyway.configure()
                .dataSource(data)
                .locations("classpath:db/migration/gateway")
                .placeholders(Map.of("binaryType", "BYTEA"))
                .load()
                .migrate();
        inbox = new DeliveryInbox(new JdbcTemplate(data), new ObjectMapper(), clock);
        handler = new PendingOrderDeliveries(inbox);
    }

    @Test
    void countsTheChannelsOrdersReceivedByThenAndNotAppliedYet() {
        String created = store("shop-a", "orders/create");
        store("shop-a", "inventory_levels/update");
        store("shop-b", "orders/create");
        Instant first = clock.instant();
        clock.advance(Duration.ofSeconds(5));
        String cancelled = store("shop-a", "orders/cancelled");

        assertThat(pending("shop-a", first))
                .as("received by then, stock reports aside")
                .isEqualTo(new OrderDeliveryBacklog(1, 0));
        assertThat(pending("shop-a", clock.instant())).isEqualTo(new OrderDeliveryBacklog(2, 0));
        assertThat(pending("shop-a", first.minusMillis(1)).empty()).isTrue();

        inbox.finish(created, Outcome.processed("o-1"), 1, null);
        assertThat(pending("shop-a", first).empty()).as("applied").isTrue();

        inbox.finish(cancelled, new Outcome(DeliveryStatus.FAILED, "unknown SKU", null, true), 1, clock.instant());
        assertThat(pending("shop-a", clock.instant()))
                .as("failed, to be tried again")
                .isEqualTo(new OrderDeliveryBacklog(0, 1));
        inbox.finish(cancelled, new Outcome(DeliveryStatus.FAILED, "malformed", null, false), 2, null);
        assertThat(pending("shop-a", clock.instant()).empty()).as("given up").isTrue();
    }

    private String store(String channel, String topic) {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String key = topic + ":" + UUID.randomUUID();
        return inbox.store("m1", channel, key, new WebhookDelivery(key, topic, null, body), Map.of(), null)
                .deliveryId();
    }

    private OrderDeliveryBacklog pending(String channel, Instant by) {
        return handler.handle(new FindOrderDeliveryBacklog("m1", channel, by));
    }
}
