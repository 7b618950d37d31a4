package io.syncline.gateway.channels.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncline.api.channels.ChannelEvents.ChannelQuantityReported;
import io.syncline.api.conflicts.ConflictEvents.ConflictResolved;
import io.syncline.api.conflicts.ConflictKind;
import io.syncline.api.conflicts.Resolution;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventhandling.gateway.DefaultEventGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reports of what a channel shows, on PostgreSQL: each published report carries what we wanted the listing to
 * show when it was taken, the channel's buffer, the push under way and how it was learnt; a resolved stock
 * mismatch makes every listing of the SKU due again.
 */
class QuantityReportsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final String ITEM = "gid://shopify/InventoryItem/MUG";

    private final List<Object> published = new CopyOnWriteArrayList<>();
    private JdbcTemplate jdbc;
    private PushBook book;
    private QuantityReports reports;

    @BeforeEach
    void wire() {
        jdbc = PushSchema.postgres();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        PushSchema.channel(jdbc, "shop", "https://acme.myshopify.com", 2, true, NOW);
        PushSchema.listing(jdbc, "shop", "MUG", NOW);
        book = new PushBook(jdbc, clock, Duration.ZERO);
        SimpleEventBus bus = SimpleEventBus.builder().build();
        bus.subscribe(
                messages -> messages.stream().map(EventMessage::getPayload).forEach(published::add));
        reports = new QuantityReports(
                new ListingReports(jdbc, clock),
                DefaultEventGateway.builder().eventBus(bus).build(),
                new PushSignal());
    }

    @Test
    void aWebhookReportCarriesWhatWeWantedTheBufferAndNoPush() {
        book.stockChanged("m1", "MUG", 10, NOW);

        reports.report("m1", "shop", ITEM, "loc", 5, NOW, "event-1", ReportSource.WEBHOOK);

        assertThat(only()).satisfies(e -> {
            assertThat(e.source()).isEqualTo("webhook");
            assertThat(e.deliveryId()).isEqualTo("event-1");
            assertThat(e.channelQuantity()).isEqualTo(5);
            assertThat(e.wanted()).isEqualTo(8);
            assertThat(e.buffer()).isEqualTo(2);
            assertThat(e.pushing()).isNull();
        });
    }

    @Test
    void aReportWhileAPushIsUnderWayCarriesItsQuantityUntilTheChannelAnswers() {
        book.stockChanged("m1", "MUG", 10, NOW);
        PushTarget claimed = book.claimNext(Duration.ofMinutes(1)).orElseThrow();
        assertThat(pushing()).isEqualTo(8);
        book.stockChanged("m1", "MUG", 6, NOW.plusSeconds(1));

        reports.report("m1", "shop", ITEM, "loc", 3, NOW.plusSeconds(1), null, ReportSource.PUSH);

        assertThat(only()).satisfies(e -> {
            assertThat(e.source()).isEqualTo("push");
            assertThat(e.deliveryId()).isNull();
            assertThat(e.wanted()).as("wanted when taken, not when claimed").isEqualTo(4);
            assertThat(e.pushing()).as("what the claimed push sends").isEqualTo(8);
        });
        book.acknowledged(claimed, 8);
        assertThat(pushing()).isNull();
    }

    @Test
    void aReportCarriesWhatWeKnewTheChannelToShowBeforeIt() {
        // our push of 8, claimed (sent) at NOW and acknowledged 300 ms later
        book.stockChanged("m1", "MUG", 10, NOW);
        PushTarget claimed = book.claimNext(Duration.ofMinutes(1)).orElseThrow();
        Clock later = Clock.fixed(NOW.plusMillis(300), ZoneOffset.UTC);
        new PushBook(jdbc, later, Duration.ZERO).acknowledged(claimed, 8);

        reports.report("m1", "shop", ITEM, "loc", 7, NOW.plusSeconds(2), "event-1", ReportSource.WEBHOOK);
        reports.report("m1", "shop", ITEM, "loc", 5, NOW.plusSeconds(3), "event-2", ReportSource.WEBHOOK);

        assertThat(published).hasSize(2);
        ChannelQuantityReported first = (ChannelQuantityReported) published.get(0);
        assertThat(first.believed()).isEqualTo(8);
        assertThat(first.believedFrom()).as("when the push was sent").isEqualTo(NOW);
        assertThat(first.believedAt()).as("when the channel acknowledged it").isEqualTo(NOW.plusMillis(300));
        ChannelQuantityReported second = (ChannelQuantityReported) published.get(1);
        assertThat(second.believed()).as("the report before it").isEqualTo(7);
        assertThat(second.believedFrom()).isEqualTo(NOW.plusSeconds(2));
        assertThat(second.believedAt()).isEqualTo(NOW.plusSeconds(2));
    }

    @Test
    void aFirstReportCarriesNoBelief() {
        reports.report("m1", "shop", ITEM, "loc", 4, NOW, null, ReportSource.RECONCILE);

        assertThat(only().believed()).isNull();
        assertThat(only().believedAt()).isNull();
    }

    @Test
    void aFailedPostponedOrDroppedPushIsNoLongerUnderWay() {
        book.stockChanged("m1", "MUG", 10, NOW);
        book.failed(book.claimNext(Duration.ofMinutes(1)).orElseThrow(), "down", 1, NOW);
        assertThat(pushing()).isNull();
        book.postpone(book.claimNext(Duration.ofMinutes(1)).orElseThrow(), NOW);
        assertThat(pushing()).isNull();
        book.unschedule(book.claimNext(Duration.ofMinutes(1)).orElseThrow());
        assertThat(pushing()).isNull();
    }

    @Test
    void aReconcileReportOfAListingNotWantedYetHasNoWanted() {
        reports.report("m1", "shop", ITEM, "loc", 4, NOW, null, ReportSource.RECONCILE);

        assertThat(only()).satisfies(e -> {
            assertThat(e.source()).isEqualTo("reconcile");
            assertThat(e.wanted()).isNull();
            assertThat(e.buffer()).isEqualTo(2);
        });
    }

    @Test
    void aChangeOnTheChannelInTheSecondOfOurPushIsNews() {
        // the shop acknowledges our push 950 ms into a second; its webhooks say only the second
        Clock later = Clock.fixed(NOW.plusMillis(950), ZoneOffset.UTC);
        PushBook pushing = new PushBook(jdbc, later, Duration.ZERO);
        QuantityReports taking = new QuantityReports(
                new ListingReports(jdbc, later),
                DefaultEventGateway.builder().eventBus(bus(published)).build(),
                new PushSignal());
        pushing.stockChanged("m1", "MUG", 10, NOW);
        pushing.acknowledged(pushing.claimNext(Duration.ofMinutes(1)).orElseThrow(), 8);

        QuantityReports.Taken taken = taking.report("m1", "shop", ITEM, "loc", 3, NOW, "event-3", ReportSource.WEBHOOK);

        assertThat(taken).isInstanceOf(QuantityReports.Taken.Recorded.class);
        assertThat(only().channelQuantity()).isEqualTo(3);
        // a report of an earlier second is still older than the push
        assertThat(taking.report("m1", "shop", ITEM, "loc", 5, NOW.minusSeconds(1), "event-4", ReportSource.WEBHOOK))
                .isInstanceOf(QuantityReports.Taken.Older.class);
    }

    @Test
    void aReadBegunBeforeOurPushLandedStaysOlderAfterTheChannelEchoesThePushInItsSecond() {
        Clock later = Clock.fixed(NOW.plusMillis(500), ZoneOffset.UTC);
        PushBook pushing = new PushBook(jdbc, later, Duration.ZERO);
        QuantityReports taking = new QuantityReports(
                new ListingReports(jdbc, later),
                DefaultEventGateway.builder().eventBus(bus(published)).build(),
                new PushSignal());
        pushing.stockChanged("m1", "MUG", 10, NOW);
        pushing.acknowledged(pushing.claimNext(Duration.ofMinutes(1)).orElseThrow(), 8);
        // Shopify's echo of that push, dated by its second only
        taking.report("m1", "shop", ITEM, "loc", 8, NOW, "event-5", ReportSource.WEBHOOK);

        // a read-back begun 300 ms into the second, before the push landed, shows what the channel had then
        assertThat(taking.report("m1", "shop", ITEM, "loc", 9, NOW.plusMillis(300), null, ReportSource.RECONCILE))
                .isInstanceOf(QuantityReports.Taken.Older.class);
        assertThat(published).isEmpty();
    }

    private static SimpleEventBus bus(List<Object> into) {
        SimpleEventBus bus = SimpleEventBus.builder().build();
        bus.subscribe(
                messages -> messages.stream().map(EventMessage::getPayload).forEach(into::add));
        return bus;
    }

    @Test
    void anEchoOfWhatWeBelievedPublishesNothing() {
        book.stockChanged("m1", "MUG", 10, NOW);
        book.acknowledged(book.claimNext(Duration.ofMinutes(1)).orElseThrow(), 8);

        reports.report("m1", "shop", ITEM, "loc", 8, NOW.plusSeconds(1), "event-2", ReportSource.WEBHOOK);

        assertThat(published).isEmpty();
    }

    @Test
    void aResolvedStockMismatchPushesEveryListingOfTheSkuAgainEvenWhenWeBelieveItShowsWhatWeWant() {
        PushSchema.channel(jdbc, "other", "https://other.myshopify.com", 0, true, NOW);
        PushSchema.listing(jdbc, "other", "MUG", NOW);
        PushSchema.listing(jdbc, "shop", "CUP", NOW);
        book.stockChanged("m1", "MUG", 10, NOW);
        book.stockChanged("m1", "CUP", 10, NOW);
        PushTarget target;
        while ((target = book.claimNext(Duration.ofMinutes(1)).orElse(null)) != null) {
            book.acknowledged(target, target.wantedQuantity());
        }
        ConflictRepush repush = new ConflictRepush(book, new PushSignal());

        repush.on(resolved(ConflictKind.OVERSOLD));
        assertThat(book.claimNext(Duration.ofMinutes(1)))
                .as("only a stock mismatch")
                .isEmpty();
        repush.on(resolved(ConflictKind.STOCK_MISMATCH));

        PushTarget first = book.claimNext(Duration.ofMinutes(1)).orElseThrow();
        PushTarget second = book.claimNext(Duration.ofMinutes(1)).orElseThrow();
        assertThat(List.of(first.channelId(), second.channelId())).containsExactlyInAnyOrder("shop", "other");
        assertThat(List.of(first, second))
                .allSatisfy(t -> assertThat(t.sku()).isEqualTo("MUG"))
                .allSatisfy(t -> assertThat(t.channelQuantity()).isEqualTo(t.wantedQuantity()));
        assertThat(book.claimNext(Duration.ofMinutes(1)))
                .as("CUP was not concerned")
                .isEmpty();
    }

    @Test
    void aResolvedStockMismatchIsPushedAheadOfThePushesWaiting() {
        PushSchema.listing(jdbc, "shop", "CUP", NOW);
        book.stockChanged("m1", "MUG", 10, NOW);
        book.stockChanged("m1", "CUP", 10, NOW);
        PushTarget target;
        while ((target = book.claimNext(Duration.ofMinutes(1)).orElse(null)) != null) {
            book.acknowledged(target, target.wantedQuantity());
        }
        // CUP's next change waits for the channel, due before the resolution comes
        book.stockChanged("m1", "CUP", 9, NOW);

        new ConflictRepush(book, new PushSignal()).on(resolved(ConflictKind.STOCK_MISMATCH));

        assertThat(book.claimNext(Duration.ofMinutes(1)).orElseThrow().sku()).isEqualTo("MUG");
        assertThat(book.claimNext(Duration.ofMinutes(1)).orElseThrow().sku()).isEqualTo("CUP");
    }

    private static ConflictResolved resolved(ConflictKind kind) {
        return new ConflictResolved(
                "c-1",
                "m1",
                kind,
                "shop",
                "MUG",
                null,
                Resolution.KEEP_OURS,
                null,
                "alice",
                null,
                null,
                null,
                null,
                null,
                NOW);
    }

    private ChannelQuantityReported only() {
        assertThat(published).hasSize(1);
        return (ChannelQuantityReported) published.get(0);
    }

    private Integer pushing() {
        return jdbc.query(
                        "select pushing_quantity from channel_listings where channel_id = 'shop' and sku = 'MUG'",
                        (rs, n) -> rs.getObject(1, Integer.class))
                .get(0);
    }
}
