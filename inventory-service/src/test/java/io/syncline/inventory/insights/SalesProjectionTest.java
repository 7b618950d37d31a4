package io.syncline.inventory.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.syncline.api.inventory.InsightEvents.StockoutPredicted;
import io.syncline.api.inventory.Insights.FindOrderRateAnomalies;
import io.syncline.api.inventory.Insights.FindSkuInsights;
import io.syncline.api.inventory.Insights.ListSkuCover;
import io.syncline.api.inventory.Insights.RateAnomaly;
import io.syncline.api.inventory.Insights.SkuCover;
import io.syncline.api.inventory.Insights.SkuCovers;
import io.syncline.api.inventory.Insights.SkuInsights;
import io.syncline.api.inventory.StockEvents.StockAdjusted;
import io.syncline.api.inventory.StockEvents.StockCounted;
import io.syncline.api.inventory.StockEvents.StockDefined;
import io.syncline.api.inventory.StockEvents.StockReserved;
import io.syncline.api.orders.OrderEvents.OrderCancelled;
import io.syncline.api.orders.OrderEvents.OrderConfirmed;
import io.syncline.api.orders.OrderEvents.OrderPlaced;
import io.syncline.api.orders.OrderEvents.OrderRejected;
import io.syncline.api.orders.OrderLine;
import io.syncline.api.orders.OrderStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventhandling.gateway.DefaultEventGateway;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The insights' read model against its real schema (Flyway, H2 in PostgreSQL mode), fed through Axon's annotation
 * adapter with the events' own times: velocity, cover, forecast, the stock-out alert and the anomalies.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@TestPropertySource(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:insights;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "spring.flyway.locations=classpath:db/migration/inventory"
        })
class SalesProjectionTest {

    private static final Instant NOW = Instant.parse("2026-12-04T15:30:00Z");
    private static final InsightsProperties PROPERTIES = new InsightsProperties(3, 91, Duration.ofHours(1));

    @Autowired
    private JdbcTemplate jdbc;

    private final List<Object> published = new ArrayList<>();
    private final Map<String, Integer> onHand = new HashMap<>();
    private final Map<String, Integer> reserved = new HashMap<>();
    private AnnotationEventHandlerAdapter handlers;
    private InsightsQueries queries;
    private Clock original;

    @BeforeEach
    void setUp() {
        original = GenericEventMessage.clock;
        clock(NOW);
        SalesBook book = new SalesBook(jdbc, new ObjectMapper().findAndRegisterModules());
        SkuInsightsModel model = new SkuInsightsModel(book, PROPERTIES);
        SimpleEventBus bus = SimpleEventBus.builder().build();
        bus.subscribe(messages -> messages.forEach(m -> published.add(m.getPayload())));
        handlers = new AnnotationEventHandlerAdapter(new SalesProjection(
                book,
                model,
                PROPERTIES,
                DefaultEventGateway.builder().eventBus(bus).build()));
        queries = new InsightsQueries(book, model);
    }

    @AfterEach
    void clockBack() {
        GenericEventMessage.clock = original;
    }

    @Test
    void velocityCountsTheUnitsOfConfirmedOrdersInEachWindowExactly() {
        define("mug", NOW.minus(Duration.ofDays(10)), 1000);
        sell("mug", 2, NOW.minus(Duration.ofMinutes(30)));
        sell("mug", 3, NOW.minus(Duration.ofHours(5)));
        sell("mug", 7, NOW.minus(Duration.ofDays(3)));
        sell("mug", 50, NOW.minus(Duration.ofDays(9)));
        String cancelled = sell("mug", 4, NOW.minus(Duration.ofMinutes(10)));
        handle(new OrderCancelled(cancelled, "m1", "customer", OrderStatus.CONFIRMED), NOW);
        String rejected = place("mug", 6, NOW.minus(Duration.ofMinutes(5)));
        handle(new OrderRejected(rejected, "m1", "OUT_OF_STOCK:mug", "OUT_OF_STOCK", "mug"), NOW);

        SkuInsights insights = insights("mug");

        assertThat(insights.velocity().lastHour()).isEqualTo(48.0);
        assertThat(insights.velocity().lastDay()).isEqualTo(5.0);
        assertThat(insights.velocity().lastWeek())
                .isEqualTo(12.0 / 7 * 100 / 100, org.assertj.core.api.Assertions.within(0.01));
    }

    @Test
    void aYoungSkuHasNoForecastAndItsVelocityAndCoverComeFromTheRateSinceItIsKnown() {
        define("new", NOW.minus(Duration.ofHours(2)), 100);
        sell("new", 10, NOW.minus(Duration.ofMinutes(20)));

        SkuInsights insights = insights("new");

        assertThat(insights.velocity().lastHour()).isEqualTo(240.0);
        assertThat(insights.velocity().lastDay()).as("10 units in its 2 hours").isEqualTo(120.0);
        assertThat(insights.velocity().lastWeek()).isEqualTo(120.0);
        assertThat(insights.forecast()).isNull();
        assertThat(insights.model()).isEqualTo(SkuInsightsModel.RATE_SO_FAR);
        // 10 units in 2 hours: 120 a day; 90 left last 0.75 days
        assertThat(insights.available()).isEqualTo(90);
        assertThat(insights.daysOfCover()).isEqualTo(0.75);
        assertThat(insights.daysOfCoverLow()).isLessThan(0.75);
        assertThat(insights.daysOfCoverHigh()).isGreaterThan(0.75);
        assertThat(insights.stockoutAt()).isEqualTo(NOW.plus(Duration.ofHours(18)));
    }

    @Test
    void withAFewWholeDaysOfHistoryThereIsASevenDayForecast() {
        define("steady", NOW.minus(Duration.ofDays(30)), 10_000);
        for (int day = 1; day <= 28; day++) {
            sell("steady", 20, NOW.minus(Duration.ofDays(day)));
        }

        SkuInsights insights = insights("steady");

        assertThat(insights.forecast()).hasSize(7);
        assertThat(insights.forecast().get(0).date())
                .isEqualTo(NOW.atOffset(ZoneOffset.UTC).toLocalDate());
        assertThat(insights.forecast().get(0).units()).isBetween(18.0, 22.0);
        assertThat(insights.model()).isIn("HOLT", "HOLT_WINTERS");
        assertThat(insights.daysOfCover()).isBetween(400.0, 600.0);
        assertThat(insights.sales()).hasSize(28);
        assertThat(insights.sales().get(27).date())
                .isEqualTo(NOW.atOffset(ZoneOffset.UTC).toLocalDate());
        assertThat(insights.sales().get(27).units()).isZero();
        assertThat(insights.sales().get(26).units()).isEqualTo(20);

        SkuCovers covers = queries.handle(new ListSkuCover("m1", List.of("steady", "unknown")));
        assertThat(covers.items()).extracting(SkuCover::sku).containsExactly("steady");
        assertThat(covers.items().get(0).daysOfCover()).isEqualTo(insights.daysOfCover());
        assertThat(covers.items().get(0).stockoutAt()).isEqualTo(insights.stockoutAt());
    }

    @Test
    void theStockOutAlertIsRaisedOncePerCrossing() {
        define("hot", NOW.minus(Duration.ofHours(1)), 100);
        // 24 units in the first hour: 576 a day, 76 left, far less than 3 days
        for (int i = 0; i < 24; i++) {
            sell("hot", 1, NOW.minus(Duration.ofMinutes(50 - i)));
        }
        assertThat(alerts()).hasSize(1);
        StockoutPredicted alert = alerts().get(0);
        assertThat(alert.sku()).isEqualTo("hot");
        assertThat(alert.daysOfCover()).isLessThan(3);
        assertThat(alert.coverAlertDays()).isEqualTo(3);
        assertThat(alert.stockoutAt()).isAfter(NOW.minus(Duration.ofHours(1)));

        // a restock far above what sells lowers the alert; the next crossing raises it again
        handle(new StockAdjusted("m1:hot", "m1", "hot", 1_000_000, "restock", 1_000_100, 0), NOW);
        assertThat(alerts()).hasSize(1);
        handle(new StockCounted("m1:hot", "m1", "hot", 1_000_100, 10, 0), NOW);
        assertThat(alerts()).hasSize(2);
    }

    @Test
    void aReplayOrAnOldEventRaisesNoAlert() {
        define("old", NOW.minus(Duration.ofDays(1)), 100);
        handle(new StockCounted("m1:old", "m1", "old", 100, 0, 0), NOW.minus(Duration.ofHours(3)));
        assertThat(alerts()).as("an event of three hours ago").isEmpty();

        define("replayed", NOW.minus(Duration.ofHours(1)), 100);
        replay(new StockCounted("m1:replayed", "m1", "replayed", 100, 0, 0), NOW);
        assertThat(alerts()).isEmpty();
    }

    @Test
    void anomaliesAreTheHoursThatLeaveTheirChannelsPrediction() {
        Instant start = NOW.minus(Duration.ofDays(10)).truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        Histories histories = new Histories(3);
        Instant spike = NOW.minus(Duration.ofHours(5)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        for (Instant hour = start;
                hour.isBefore(NOW.minus(Duration.ofHours(1)));
                hour = hour.plus(Duration.ofHours(1))) {
            int orders = hour.equals(spike) ? 40 : histories.poisson(4);
            for (int i = 0; i < orders; i++) {
                place("shop-a", "any", 1, hour.plusSeconds(i));
                place("shop-b", "any", 1, hour.plusSeconds(i));
            }
        }

        List<RateAnomaly> found = queries.handle(
                        new FindOrderRateAnomalies("m1", "shop-a", NOW.minus(Duration.ofDays(1)), NOW))
                .items();

        assertThat(found).extracting(RateAnomaly::at).containsExactly(spike);
        RateAnomaly anomaly = found.get(0);
        assertThat(anomaly.channel()).isEqualTo("shop-a");
        assertThat(anomaly.kind()).isEqualTo("SPIKE");
        assertThat(anomaly.observed()).isEqualTo(40);
        assertThat(anomaly.expected()).isBetween(2.0, 7.0);
        assertThat(queries.handle(new FindOrderRateAnomalies("m2", null, NOW.minus(Duration.ofDays(1)), NOW))
                        .items())
                .isEmpty();
    }

    private SkuInsights insights(String sku) {
        return queries.handle(new FindSkuInsights("m1", sku));
    }

    private List<StockoutPredicted> alerts() {
        return published.stream()
                .filter(StockoutPredicted.class::isInstance)
                .map(StockoutPredicted.class::cast)
                .toList();
    }

    private void define(String sku, Instant at, int onHand) {
        handle(new StockDefined("m1:" + sku, "m1", sku, sku, 0), at);
        handle(new StockCounted("m1:" + sku, "m1", sku, 0, onHand, 0), at);
        this.onHand.put(sku, onHand);
    }

    /** An order of {@code units} placed at {@code at}, its units reserved and the order confirmed right after. */
    private String sell(String sku, int units, Instant at) {
        String orderId = place(sku, units, at);
        int held = reserved.merge(sku, units, Integer::sum);
        handle(new StockReserved("m1:" + sku, "m1", sku, orderId, units, onHand.get(sku), held), at);
        clock(at.plusSeconds(1));
        handle(new OrderConfirmed(orderId, "m1"), at.plusSeconds(1));
        clock(NOW);
        return orderId;
    }

    private String place(String sku, int units, Instant at) {
        return place("web", sku, units, at);
    }

    private String place(String channel, String sku, int units, Instant at) {
        String orderId = UUID.randomUUID().toString();
        handle(new OrderPlaced(orderId, "m1", channel, orderId, List.of(new OrderLine(sku, units)), at), at);
        return orderId;
    }

    private void handle(Object payload, Instant at) {
        try {
            handlers.handle(message(payload, at));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void replay(Object payload, Instant at) {
        EventMessage<?> message = message(payload, at);
        GlobalSequenceTrackingToken position = new GlobalSequenceTrackingToken(1);
        try {
            handlers.handle(new GenericTrackedEventMessage<>(
                    ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(5), position), message));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static EventMessage<?> message(Object payload, Instant at) {
        return new GenericEventMessage<>(
                new org.axonframework.messaging.GenericMessage<>(payload, MetaData.emptyInstance()), () -> at);
    }

    private static void clock(Instant at) {
        GenericEventMessage.clock = Clock.fixed(at, ZoneOffset.UTC);
    }
}
