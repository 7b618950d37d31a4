package io.syncline.inventory.levels;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncline.api.inventory.StockEvents.RejectionReason;
import io.syncline.api.inventory.StockEvents.StockAdjusted;
import io.syncline.api.inventory.StockEvents.StockCommitted;
import io.syncline.api.inventory.StockEvents.StockCounted;
import io.syncline.api.inventory.StockEvents.StockDefined;
import io.syncline.api.inventory.StockEvents.StockDetailsChanged;
import io.syncline.api.inventory.StockEvents.StockRanLow;
import io.syncline.api.inventory.StockEvents.StockReleased;
import io.syncline.api.inventory.StockEvents.StockReservationRejected;
import io.syncline.api.inventory.StockEvents.StockReservationVoided;
import io.syncline.api.inventory.StockEvents.StockReserved;
import io.syncline.api.inventory.StockIds;
import io.syncline.api.inventory.StockQueries.FindStock;
import io.syncline.api.inventory.StockQueries.ListStock;
import io.syncline.api.inventory.StockQueries.StockPage;
import io.syncline.api.inventory.StockQueries.StockView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.boot.test.autoconfigure.orm.jpa.TestEntityManager;
import org.springframework.test.context.TestPropertySource;

/**
 * The projection against the real schema (Flyway, H2 in PostgreSQL mode, Hibernate validating),
 * fed through Axon's annotation adapter so sequence numbers and timestamps resolve as in production.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@TestPropertySource(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:stock-levels;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            // the read model needs only its own migrations, not Axon's tables
            "spring.flyway.locations=classpath:db/migration/inventory"
        })
class StockLevelProjectionTest {

    private static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");

    @Autowired
    private StockLevelRepository repository;

    @Autowired
    private TestEntityManager entityManager;

    private SimpleQueryUpdateEmitter emitter;
    private AnnotationEventHandlerAdapter events;
    private QueryGateway queries;

    @BeforeEach
    void setUp() {
        emitter = SimpleQueryUpdateEmitter.builder().build();
        StockLevelProjection projection = new StockLevelProjection(repository, emitter);
        events = new AnnotationEventHandlerAdapter(projection);
        SimpleQueryBus queryBus =
                SimpleQueryBus.builder().queryUpdateEmitter(emitter).build();
        new AnnotationQueryHandlerAdapter<>(projection).subscribe(queryBus);
        queries = DefaultQueryGateway.builder().queryBus(queryBus).build();
    }

    @Test
    void buildsLevelsFromTheStockEvents() {
        define("m1", "sku-1", 3, 0);
        handle("m1", "sku-1", 1, new StockCounted(id("m1", "sku-1"), "m1", "sku-1", 0, 10, 0));
        handle("m1", "sku-1", 2, new StockReserved(id("m1", "sku-1"), "m1", "sku-1", "o1", 4, 10, 4));
        handle("m1", "sku-1", 3, new StockAdjusted(id("m1", "sku-1"), "m1", "sku-1", 2, "restock", 12, 4));
        handle("m1", "sku-1", 4, new StockCommitted(id("m1", "sku-1"), "m1", "sku-1", "o1", 4, 8, 0));
        handle("m1", "sku-1", 5, new StockReserved(id("m1", "sku-1"), "m1", "sku-1", "o2", 6, 8, 6));

        assertThat(find("m1", "sku-1"))
                .contains(new StockView("m1", "sku-1", "Mug", 8, 6, 2, 3, true, 5, T0.plusSeconds(5)));

        handle("m1", "sku-1", 6, new StockReleased(id("m1", "sku-1"), "m1", "sku-1", "o2", 6, 8, 0));
        handle("m1", "sku-1", 7, new StockDetailsChanged(id("m1", "sku-1"), "m1", "sku-1", "Big mug", 1));

        assertThat(find("m1", "sku-1"))
                .contains(new StockView("m1", "sku-1", "Big mug", 8, 0, 8, 1, false, 7, T0.plusSeconds(7)));
    }

    @Test
    void eventsWithoutLevelChangesLeaveTheRowAlone() {
        define("m1", "sku-1", 3, 0);
        handle("m1", "sku-1", 1, new StockCounted(id("m1", "sku-1"), "m1", "sku-1", 0, 2, 0));
        handle("m1", "sku-1", 2, new StockRanLow(id("m1", "sku-1"), "m1", "sku-1", 2, 3));
        handle(
                "m1",
                "sku-1",
                3,
                new StockReservationRejected(
                        id("m1", "sku-1"), "m1", "sku-1", "o1", 5, 2, RejectionReason.INSUFFICIENT_STOCK));
        handle("m1", "sku-1", 4, new StockReservationVoided(id("m1", "sku-1"), "m1", "sku-1", "o2"));

        assertThat(find("m1", "sku-1")).map(StockView::version).contains(1L);
    }

    @Test
    void replayedEventsAreIgnored() {
        define("m1", "sku-1", 3, 0);
        handle("m1", "sku-1", 1, new StockCounted(id("m1", "sku-1"), "m1", "sku-1", 0, 10, 0));
        handle("m1", "sku-1", 2, new StockReserved(id("m1", "sku-1"), "m1", "sku-1", "o1", 4, 10, 4));

        // the same events again, as after a replay without reset
        define("m1", "sku-1", 3, 0);
        handle("m1", "sku-1", 1, new StockCounted(id("m1", "sku-1"), "m1", "sku-1", 0, 10, 0));

        assertThat(find("m1", "sku-1")).map(StockView::reserved).contains(4);
        assertThat(find("m1", "sku-1")).map(StockView::version).contains(2L);
    }

    @Test
    void availableIsNeverNegative() {
        define("m1", "sku-1", 0, 0);
        // a level the aggregate never produces, but the view must still not show a negative
        handle("m1", "sku-1", 1, new StockCounted(id("m1", "sku-1"), "m1", "sku-1", 0, 2, 5));

        assertThat(find("m1", "sku-1")).map(StockView::available).contains(0);
    }

    @Test
    void resetEmptiesTheReadModel() {
        define("m1", "sku-1", 3, 0);
        events.prepareReset();
        entityManager.clear();

        assertThat(repository.count()).isZero();
    }

    @Test
    void findsOnlyTheMerchantsOwnStock() {
        define("m1", "sku-1", 3, 0);

        assertThat(find("m2", "sku-1")).isEmpty();
        assertThat(find("m1", "sku-2")).isEmpty();
    }

    @Test
    void listsTheMerchantsStockBySkuInPages() {
        for (String sku : List.of("c", "a", "d", "b")) {
            define("m1", sku, 3, 0);
            handle("m1", sku, 1, new StockCounted(id("m1", sku), "m1", sku, 0, 10, 0));
        }
        define("m2", "a", 3, 0);

        StockPage first = list(new ListStock("m1", false, 0, 3));
        StockPage second = list(new ListStock("m1", false, 1, 3));

        assertThat(first.items()).extracting(StockView::sku).containsExactly("a", "b", "c");
        assertThat(first.total()).isEqualTo(4);
        assertThat(second.items()).extracting(StockView::sku).containsExactly("d");
        assertThat(second.page()).isEqualTo(1);
        assertThat(second.size()).isEqualTo(3);
    }

    @Test
    void listsOnlyLowStockWhenAsked() {
        define("m1", "a", 3, 0);
        handle("m1", "a", 1, new StockCounted(id("m1", "a"), "m1", "a", 0, 10, 0));
        define("m1", "b", 3, 0);
        handle("m1", "b", 1, new StockCounted(id("m1", "b"), "m1", "b", 0, 3, 0));
        define("m1", "c", 3, 0);
        handle("m1", "c", 1, new StockCounted(id("m1", "c"), "m1", "c", 0, 10, 0));
        handle("m1", "c", 2, new StockReserved(id("m1", "c"), "m1", "c", "o1", 9, 10, 9));

        StockPage low = list(new ListStock("m1", true, 0, 50));

        assertThat(low.items()).extracting(StockView::sku).containsExactly("b", "c");
        assertThat(low.items()).allMatch(StockView::low);
        assertThat(low.total()).isEqualTo(2);
    }

    @Test
    void clampsPageAndSize() {
        define("m1", "a", 3, 0);

        StockPage page = list(new ListStock("m1", false, -1, 0));

        assertThat(page.page()).isZero();
        assertThat(page.size()).isEqualTo(StockLevelProjection.DEFAULT_PAGE_SIZE);
        assertThat(list(new ListStock("m1", false, 0, 10_000)).size()).isEqualTo(StockLevelProjection.MAX_PAGE_SIZE);
    }

    @Test
    void emitsUpdatesToSubscribersOfThatStockOnly() {
        define("m1", "sku-1", 3, 0);
        define("m1", "sku-2", 3, 0);
        // asked as the gateway asks: an optional initial result would not survive Axon Server
        SubscriptionQueryResult<StockView, StockView> watched = queries.subscriptionQuery(
                new FindStock("m1", "sku-1"),
                ResponseTypes.instanceOf(StockView.class),
                ResponseTypes.instanceOf(StockView.class));
        StockView initial = watched.initialResult().block(Duration.ofSeconds(5));
        List<StockView> updates = new ArrayList<>();
        watched.updates().subscribe(updates::add);

        handle("m1", "sku-1", 1, new StockCounted(id("m1", "sku-1"), "m1", "sku-1", 0, 10, 0));
        handle("m1", "sku-2", 1, new StockCounted(id("m1", "sku-2"), "m1", "sku-2", 0, 20, 0));
        handle("m1", "sku-1", 2, new StockReserved(id("m1", "sku-1"), "m1", "sku-1", "o1", 4, 10, 4));
        watched.close();

        assertThat(initial.onHand()).isZero();
        assertThat(updates).extracting(StockView::sku).containsOnly("sku-1");
        assertThat(updates).extracting(StockView::available).containsExactly(10, 6);
    }

    private void define(String merchantId, String sku, int threshold, long sequence) {
        handle(merchantId, sku, sequence, new StockDefined(id(merchantId, sku), merchantId, sku, "Mug", threshold));
    }

    private void handle(String merchantId, String sku, long sequence, Object payload) {
        try {
            events.handle(new GenericDomainEventMessage<>(
                    "Stock",
                    id(merchantId, sku),
                    sequence,
                    payload,
                    MetaData.emptyInstance(),
                    UUID.randomUUID().toString(),
                    T0.plusSeconds(sequence)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        // write to and read back from the database, not the persistence context
        entityManager.flush();
        entityManager.clear();
    }

    private Optional<StockView> find(String merchantId, String sku) {
        return queries.query(new FindStock(merchantId, sku), ResponseTypes.optionalInstanceOf(StockView.class))
                .join();
    }

    private StockPage list(ListStock query) {
        return queries.query(query, StockPage.class).join();
    }

    private static String id(String merchantId, String sku) {
        return StockIds.of(merchantId, sku);
    }
}
