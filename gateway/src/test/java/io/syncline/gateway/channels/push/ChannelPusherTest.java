package io.syncline.gateway.channels.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncline.api.channels.ChannelEvents.ChannelQuantityReported;
import io.syncline.gateway.channels.BufferMode;
import io.syncline.gateway.channels.ChannelAccess;
import io.syncline.gateway.channels.ChannelKind;
import io.syncline.gateway.channels.ChannelSettings;
import io.syncline.gateway.channels.testing.ShopifyAdminStub;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventhandling.gateway.DefaultEventGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** One push to a Shopify shop over real HTTP, its stale path included, recorded on the gateway's schema. */
class ChannelPusherTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final String TOKEN = "shpat_push";

    private final ShopifyAdminStub shop = new ShopifyAdminStub(TOKEN, 7);
    private final List<Object> published = new CopyOnWriteArrayList<>();
    private JdbcTemplate jdbc;
    private PushBook book;
    private ChannelPusher pusher;
    private ChannelAccess channel;

    @BeforeEach
    void wire() {
        jdbc = PushSchema.fresh();
        PushSchema.channel(jdbc, "shop", shop.baseUrl(), 0, true, NOW);
        PushSchema.listing(jdbc, "shop", "MUG", NOW);
        book = new PushBook(jdbc, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ZERO);
        SimpleEventBus bus = SimpleEventBus.builder().build();
        bus.subscribe(
                messages -> messages.stream().map(EventMessage::getPayload).forEach(published::add));
        QuantityReports reports = new QuantityReports(
                new ListingReports(jdbc, Clock.fixed(NOW, ZoneOffset.UTC)),
                DefaultEventGateway.builder().eventBus(bus).build(),
                new PushSignal());
        PushProperties properties =
                new PushProperties(null, null, null, null, Duration.ofSeconds(5), null, null, null, null);
        pusher = new ChannelPusher(properties, reports);
        channel = new ChannelAccess(
                "m1",
                "shop",
                new ChannelSettings(
                        ChannelKind.SHOPIFY,
                        "Shop",
                        shop.baseUrl(),
                        null,
                        null,
                        "gid://shopify/Location/1",
                        null,
                        "2026-10",
                        0,
                        BufferMode.FIXED,
                        null,
                        true),
                "secret",
                TOKEN);
    }

    @AfterEach
    void stop() {
        shop.close();
    }

    @Test
    void aPushFromWhatTheShopShowsIsAcknowledged() {
        book.stockChanged("m1", "MUG", 3, NOW);
        jdbc.update("update channel_listings set channel_quantity = 7");
        PushTarget target = book.claimNext(Duration.ofMinutes(1)).orElseThrow();

        assertThat(pusher.push(channel, target)).isEqualTo(new ChannelPusher.Result.Acknowledged(3));
        assertThat(shop.level()).isEqualTo(3);
        assertThat(shop.requests()).hasSize(1);
        assertThat(published).isEmpty();
    }

    @Test
    void aShopChangedMeanwhileIsReadReportedAndPushedAgainFromWhatItShows() {
        book.stockChanged("m1", "MUG", 3, NOW);
        jdbc.update("update channel_listings set channel_quantity = 7");
        shop.level(5); // edited on the shop's side since our last push
        PushTarget target = book.claimNext(Duration.ofMinutes(1)).orElseThrow();

        assertThat(pusher.push(channel, target)).isEqualTo(new ChannelPusher.Result.Acknowledged(3));
        assertThat(shop.level()).isEqualTo(3);
        assertThat(shop.requests())
                .extracting(r -> r.path("query").asText().contains("inventorySetQuantities") ? "set" : "read")
                .containsExactly("set", "read", "set");
        assertThat(shop.requests()
                        .get(2)
                        .path("variables")
                        .path("input")
                        .path("quantities")
                        .get(0)
                        .path("changeFromQuantity")
                        .asInt())
                .isEqualTo(5);
        assertThat(published).singleElement().isInstanceOfSatisfying(ChannelQuantityReported.class, e -> {
            assertThat(e.sku()).isEqualTo("MUG");
            assertThat(e.channelQuantity()).isEqualTo(5);
            assertThat(e.deliveryId()).as("read by Syncline, not delivered").isNull();
            assertThat(e.source()).isEqualTo("push");
            assertThat(e.wanted()).isEqualTo(3);
            assertThat(e.pushing()).as("the push under way").isEqualTo(3);
        });
    }

    @Test
    void aThrottledShopIsAskedAgainLaterWithoutAFailureAndADownShopMayPass() {
        book.stockChanged("m1", "MUG", 3, NOW);
        PushTarget target = book.claimNext(Duration.ofMinutes(1)).orElseThrow();
        shop.throttle("graphql");
        assertThat(pusher.push(channel, target)).isInstanceOf(ChannelPusher.Result.Later.class);
        assertThat(pusher.push(channel, target))
                .as("no call while the bucket cannot pay for it")
                .isInstanceOf(ChannelPusher.Result.Later.class);
        assertThat(shop.requests()).hasSize(1);
        shop.throttle(null);
        shop.failWith(503);
        await(() -> !(pusher.push(channel, target) instanceof ChannelPusher.Result.Later));
        assertThat(pusher.push(channel, target))
                .isInstanceOfSatisfying(ChannelPusher.Result.Failed.class, f -> assertThat(f.mayPass())
                        .isTrue());
    }

    /** The throttle's wait is real time (2 s here): polls the condition, never a fixed sleep. */
    private static void await(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
