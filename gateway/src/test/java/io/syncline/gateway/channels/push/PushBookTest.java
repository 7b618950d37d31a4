package io.syncline.gateway.channels.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The listings' push state on the gateway's own schema (H2, by Flyway): wanted quantities, due pushes. */
class PushBookTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private JdbcTemplate jdbc;
    private PushBook book;
    private ListingReports reports;

    @BeforeEach
    void schema() {
        jdbc = PushSchema.fresh();
        book = new PushBook(jdbc, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ZERO);
        reports = new ListingReports(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));
        PushSchema.channel(jdbc, "shop", "https://acme.myshopify.com", 2, true, NOW);
        PushSchema.listing(jdbc, "shop", "MUG", NOW);
    }

    @Test
    void aListingWantsAvailableLessTheBufferAndNeverLessThanNothing() {
        assertThat(book.stockChanged("m1", "MUG", 5, NOW)).isTrue();
        assertThat(wanted("shop", "MUG")).isEqualTo(3);
        book.stockChanged("m1", "MUG", 1, NOW.plusSeconds(1));
        assertThat(wanted("shop", "MUG")).isZero();
    }

    @Test
    void aBurstOfChangesLeavesOnePushOfTheNewestQuantity() {
        for (int available = 1; available <= 500; available++) {
            book.stockChanged("m1", "MUG", available, NOW.plusMillis(available));
        }
        Optional<PushTarget> claimed = book.claimNext(Duration.ofMinutes(1));
        assertThat(claimed).get().extracting(PushTarget::wantedQuantity).isEqualTo(498);
        assertThat(book.claimNext(Duration.ofMinutes(1))).as("one row, claimed").isEmpty();
    }

    @Test
    void aChangeWhileAPushIsInFlightMakesAnotherPushDue() {
        book.stockChanged("m1", "MUG", 10, NOW);
        PushTarget first = book.claimNext(Duration.ofMinutes(1)).orElseThrow();
        book.stockChanged("m1", "MUG", 7, NOW.plusSeconds(1));
        book.acknowledged(first, first.wantedQuantity());
        PushTarget second = book.claimNext(Duration.ofMinutes(1)).orElseThrow();
        assertThat(second.channelQuantity()).isEqualTo(8);
        assertThat(second.wantedQuantity()).isEqualTo(5);
        book.acknowledged(second, second.wantedQuantity());
        assertThat(book.claimNext(Duration.ofMinutes(1))).isEmpty();
    }

    @Test
    void aReadBackIsOvertakenByAPushUnderWayOrAcknowledgedSinceItBegan() {
        book.stockChanged("m1", "MUG", 10, NOW);
        PushTarget claimed = book.claimNext(Duration.ofMinutes(1)).orElseThrow();
        assertThat(book.pushedSince(claimed, NOW.minusSeconds(1)))
                .as("under way")
                .isTrue();
        book.acknowledged(claimed, claimed.wantedQuantity());
        assertThat(book.pushedSince(claimed, NOW.minusSeconds(1)))
                .as("acknowledged since")
                .isTrue();
        assertThat(book.pushedSince(claimed, NOW.plusMillis(1)))
                .as("a read begun after")
                .isFalse();
    }

    @Test
    void anOlderStockEventChangesNothing() {
        book.stockChanged("m1", "MUG", 10, NOW);
        assertThat(book.stockChanged("m1", "MUG", 4, NOW.minusSeconds(5))).isFalse();
        assertThat(wanted("shop", "MUG")).isEqualTo(8);
    }

    @Test
    void aDisabledChannelWantsButIsNotPushedUntilEnabled() {
        jdbc.update("update channels set enabled = false where channel_id = 'shop'");
        book.stockChanged("m1", "MUG", 10, NOW);
        assertThat(book.claimNext(Duration.ofMinutes(1))).isEmpty();
        jdbc.update("update channels set enabled = true, buffer_stock = 4 where channel_id = 'shop'");
        assertThat(book.channelChanged("m1", "shop")).isTrue();
        assertThat(book.claimNext(Duration.ofMinutes(1)))
                .get()
                .extracting(PushTarget::wantedQuantity)
                .isEqualTo(6);
    }

    @Test
    void aFirstReportOfAListingIsNewsAndAnEchoOfWhatWeBelievedIsNot() {
        ListingReports.Reported first =
                reports.reported("m1", "shop", "MUG", 4, NOW).orElseThrow();
        assertThat(first.taken()).isTrue();
        assertThat(first.changed()).isTrue();
        ListingReports.Reported echo =
                reports.reported("m1", "shop", "MUG", 4, NOW.plusSeconds(1)).orElseThrow();
        assertThat(echo.taken()).isTrue();
        assertThat(echo.changed()).isFalse();
    }

    @Test
    void whatTheChannelReportsIsTakenUnlessOlderAndPushedOverWhenItIsNotWanted() {
        book.stockChanged("m1", "MUG", 10, NOW);
        PushTarget pushed = book.claimNext(Duration.ofMinutes(1)).orElseThrow();
        book.acknowledged(pushed, 8);
        assertThat(book.claimNext(Duration.ofMinutes(1))).isEmpty();

        assertThat(reports.reported("m1", "shop", "MUG", 2, NOW.plusSeconds(30))
                        .orElseThrow()
                        .taken())
                .isTrue();
        PushTarget again = book.claimNext(Duration.ofMinutes(1)).orElseThrow();
        assertThat(again.channelQuantity()).as("pushed over from what it shows").isEqualTo(2);
        assertThat(reports.reported("m1", "shop", "MUG", 5, NOW.plusSeconds(10))
                        .orElseThrow()
                        .taken())
                .isFalse();
        assertThat(reports.skuOfItem("m1", "shop", "gid://shopify/InventoryItem/MUG"))
                .contains("MUG");
    }

    @Test
    void aFailedPushWaitsAndAPostponedOneCountsNoAttempt() {
        book.stockChanged("m1", "MUG", 10, NOW);
        PushTarget target = book.claimNext(Duration.ofMinutes(1)).orElseThrow();
        book.failed(target, "down", 1, NOW.plusSeconds(30));
        assertThat(book.claimNext(Duration.ofMinutes(1))).isEmpty();
        assertThat(jdbc.queryForObject("select push_attempts from channel_listings", Integer.class))
                .isEqualTo(1);
        book.postpone(target, NOW);
        assertThat(book.claimNext(Duration.ofMinutes(1)))
                .get()
                .extracting(PushTarget::attempts)
                .isEqualTo(1);
    }

    private Integer wanted(String channel, String sku) {
        return jdbc.queryForObject(
                "select wanted_quantity from channel_listings where channel_id = ? and sku = ?",
                Integer.class,
                channel,
                sku);
    }
}
