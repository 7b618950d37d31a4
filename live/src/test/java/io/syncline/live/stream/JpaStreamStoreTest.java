package io.syncline.live.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * The live module's migrations and the store's queries on H2 in PostgreSQL mode (the subclass runs them
 * on PostgreSQL).
 */
@DataJpaTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:stream-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "spring.datasource.username=sa",
            "spring.datasource.password=",
            "spring.flyway.locations=classpath:db/migration/live"
        })
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ContextConfiguration(classes = StreamJpaTestConfiguration.class)
class JpaStreamStoreTest {

    private static final Instant NOW = Instant.parse("2030-05-01T00:00:00Z");

    @Autowired
    StreamMessageRepository repository;

    @Autowired
    StreamStockRepository stocks;

    @Autowired
    JpaStreamStore store;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void healthMessageIdsComeFromTheDatabaseSequence() {
        HealthMessageIds ids = new HealthMessageIds(jdbc);
        ids.reserve();
        long first = ids.next();
        ids.reserve();
        long second = ids.next();

        // another instance (or this one after a restart) on the same database never repeats them
        HealthMessageIds other = new HealthMessageIds(jdbc);
        other.reserve();
        assertThat(List.of(first, second, other.next()))
                .allMatch(id -> id < 0)
                .doesNotHaveDuplicates()
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void readsMessagesAfterAnIdInIdOrder() {
        long first = write("m1", StreamTopic.ORDERS, "order.placed", NOW);
        long second = write("m2", StreamTopic.INVENTORY, "stock.changed", NOW);
        long third = write("m1", StreamTopic.INVENTORY, "stock.low", NOW);

        assertThat(List.of(first, second, third)).isSorted();
        assertThat(store.after(first - 1, 10)).extracting(StreamMessage::id).containsExactly(first, second, third);
        assertThat(store.after(first, 1)).extracting(StreamMessage::id).containsExactly(second);
        StreamMessage message = store.after(second, 10).get(0);
        assertThat(message.merchantId()).isEqualTo("m1");
        assertThat(message.topic()).isEqualTo(StreamTopic.INVENTORY);
        assertThat(message.type()).isEqualTo("stock.low");
        assertThat(message.data()).isEqualTo("{\"merchantId\":\"m1\",\"type\":\"stock.low\"}");
        assertThat(message.createdAt()).isEqualTo(NOW);
        assertThat(store.newestId()).hasValue(third);
    }

    @Test
    void readsOneMerchantsTopicsWithinARange() {
        long start = write("m1", StreamTopic.ORDERS, "order.placed", NOW) - 1;
        long ordersOfM1 = write("m1", StreamTopic.ORDERS, "order.confirmed", NOW);
        write("m2", StreamTopic.ORDERS, "order.placed", NOW);
        long inventoryOfM1 = write("m1", StreamTopic.INVENTORY, "stock.changed", NOW);
        long beyond = write("m1", StreamTopic.ORDERS, "order.shipped", NOW);
        Set<StreamTopic> all = EnumSet.allOf(StreamTopic.class);

        assertThat(store.forMerchant("m1", all, start + 1, beyond - 1, 10))
                .extracting(StreamMessage::id)
                .containsExactly(ordersOfM1, inventoryOfM1);
        assertThat(store.forMerchant("m1", Set.of(StreamTopic.INVENTORY), start, beyond, 10))
                .extracting(StreamMessage::id)
                .containsExactly(inventoryOfM1);
        assertThat(store.forMerchant("m1", all, start, beyond, 2)).hasSize(2);
        assertThat(store.forMerchant("m1", all, start, beyond, 10))
                .extracting(StreamMessage::merchantId)
                .containsOnly("m1");
    }

    @Test
    void deletesTheExpiredPrefixAndRecordsWhereItEnds() {
        assertThat(store.purgedUpTo()).isZero();
        write("m1", StreamTopic.ORDERS, "order.placed", NOW.minus(Duration.ofHours(26)));
        long lastExpired = write("m2", StreamTopic.ORDERS, "order.placed", NOW.minus(Duration.ofHours(25)));
        long kept = write("m1", StreamTopic.ORDERS, "order.confirmed", NOW.minus(Duration.ofHours(1)));

        int deleted = store.deleteCreatedBefore(NOW.minus(Duration.ofHours(24)));

        assertThat(deleted).isEqualTo(2);
        assertThat(store.after(0, 10)).extracting(StreamMessage::id).containsExactly(kept);
        assertThat(store.purgedUpTo()).isEqualTo(lastExpired);
        assertThat(store.deleteCreatedBefore(NOW.minus(Duration.ofHours(24)))).isZero();
        assertThat(store.purgedUpTo()).isEqualTo(lastExpired);
    }

    @Test
    void writersCanTakeTheLock() {
        assertThat(repository.lockForWrite()).isEqualTo(1);
    }

    @Test
    void keepsWhatItKnowsOfEachStock() {
        StreamStock stock = new StreamStock("m1/MUG", "m1", "MUG");
        stock.details("Mug", 3);
        stock.levels(10, 2);
        stocks.saveAndFlush(stock);

        StreamStock found = stocks.findById("m1/MUG").orElseThrow();
        assertThat(found.name()).isEqualTo("Mug");
        assertThat(found.lowStockThreshold()).isEqualTo(3);
        assertThat(found.available()).isEqualTo(8);
        assertThat(stocks.findById("m2/MUG")).isEmpty();
    }

    private long write(String merchantId, StreamTopic topic, String type, Instant createdAt) {
        repository.lockForWrite();
        StreamMessageRow row = repository.saveAndFlush(new StreamMessageRow(
                merchantId,
                topic,
                type,
                "{\"merchantId\":\"" + merchantId + "\",\"type\":\"" + type + "\"}",
                createdAt));
        return row.id();
    }
}
