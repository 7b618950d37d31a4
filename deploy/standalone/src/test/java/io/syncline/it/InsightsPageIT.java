package io.syncline.it;

import static io.syncline.it.OrderFlowIT.line;
import static io.syncline.it.OrderFlowIT.placeAndWait;
import static io.syncline.it.OrderFlowIT.stock;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The insights in headless Chromium against the whole application: a SKU's cover in the inventory table, its
 * page with the sales bars, the forecast band and its changes with their causes, and the anomalies list. The weeks
 * of history a forecast and an anomaly need are written into the insights' read model, as if they had been sold.
 */
class InsightsPageIT extends StandaloneIntegrationTest {

    private static final double WAIT_MS = 30_000;

    private static HeadlessChromium chromium;
    private static Browser browser;

    @Autowired
    JdbcTemplate jdbc;

    private BrowserContext context;

    @BeforeAll
    static void launch() {
        PlaywrightAssertions.setDefaultAssertionTimeout(WAIT_MS);
        chromium = HeadlessChromium.launch("the insights page browser tests");
        browser = chromium.browser();
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void aSkuPageShowsItsSalesWithTheForecastBandAndItsChangesWithTheirCauses() {
        String sku = "FC-" + UUID.randomUUID().toString().substring(0, 8);
        stock(alice, sku, 500);
        placeAndWait(alice, List.of(line(sku, 3)));
        awaitSales(sku, 3);
        fourWeeksOfSales(sku, 10);

        Page page = signedIn();
        Locator row = page.locator("#inventory-table tr[data-sku='" + sku + "']");
        PlaywrightAssertions.assertThat(row.locator("[data-field='cover']")).containsText(" d");

        row.getByRole(AriaRole.LINK).click();
        PlaywrightAssertions.assertThat(page.locator("#sku-view")).isVisible();
        PlaywrightAssertions.assertThat(page.locator("#sku-title")).hasText("SKU " + sku);
        PlaywrightAssertions.assertThat(page.locator("#sku-chart .forecast-point"))
                .hasCount(7);
        PlaywrightAssertions.assertThat(page.locator("#sku-chart .band")).hasCount(1);
        // 27 earlier days of 10 and today's 3
        PlaywrightAssertions.assertThat(page.locator("#sku-chart .bar")).hasCount(28);
        PlaywrightAssertions.assertThat(page.locator("#sku-model")).containsText("Holt");
        PlaywrightAssertions.assertThat(page.locator("#sku-cover")).containsText(" d");
        PlaywrightAssertions.assertThat(page.locator("#sku-forecast-note")).containsText("80% interval");

        Locator reserved = page.locator("#sku-history tr[data-type='StockReserved']");
        PlaywrightAssertions.assertThat(reserved).hasCount(1);
        PlaywrightAssertions.assertThat(reserved).containsText("on web");
        PlaywrightAssertions.assertThat(reserved).containsText("-3");
        PlaywrightAssertions.assertThat(page.locator("#sku-history tr[data-type='StockCounted']"))
                .containsText("by alice");
    }

    @Test
    void aFastSellerAppearsLiveAmongThePredictedStockOuts() {
        String sku = "SO-" + UUID.randomUUID().toString().substring(0, 8);
        stock(alice, sku, 10);
        Page page = signedIn();
        PlaywrightAssertions.assertThat(page.locator("#inventory-table tr[data-sku='" + sku + "']"))
                .isVisible();

        placeAndWait(alice, List.of(line(sku, 2)));

        Locator alert = page.locator("#stockouts li[data-sku='" + sku + "']");
        PlaywrightAssertions.assertThat(alert).containsText("runs out");
        PlaywrightAssertions.assertThat(alert).containsText("8 available");
        PlaywrightAssertions.assertThat(
                        page.locator("#inventory-table tr[data-sku='" + sku + "'] [data-field='cover']"))
                .containsText("0.17 d");
    }

    @Test
    void theAnomaliesListShowsAChannelsSpike() {
        String channel = "spiky-" + UUID.randomUUID().toString().substring(0, 6);
        Instant spike = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2));
        Instant start = spike.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(8));
        for (Instant hour = start;
                hour.isBefore(spike.plus(Duration.ofHours(2)));
                hour = hour.plus(Duration.ofHours(1))) {
            jdbc.update(
                    "insert into insight_channel_hour (merchant_id, channel, hour_start, orders) values (?, ?, ?, ?)",
                    "m1",
                    channel,
                    Timestamp.from(hour),
                    hour.equals(spike) ? 60 : 5);
        }

        Page page = signedIn();
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Insights").setExact(true))
                .click();
        PlaywrightAssertions.assertThat(page.locator("#insights-view")).isVisible();
        page.locator("#an-channel").fill(channel);
        page.locator("#anomalies-form button[type='submit']").click();

        Locator found = page.locator("#anomalies-table tbody tr");
        PlaywrightAssertions.assertThat(found).hasCount(1);
        PlaywrightAssertions.assertThat(found).containsText(channel);
        PlaywrightAssertions.assertThat(found).containsText("SPIKE");
        PlaywrightAssertions.assertThat(found.locator("td").nth(3)).hasText("60");
    }

    /** As if the SKU had sold {@code units} a day for the 27 days before today and been known since. */
    private void fourWeeksOfSales(String sku, int units) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (int day = 1; day <= 27; day++) {
            jdbc.update(
                    "insert into insight_sku_day (merchant_id, sku, sale_day, units) values (?, ?, ?, ?)",
                    "m1",
                    sku,
                    Date.valueOf(today.minusDays(day)),
                    units);
        }
        jdbc.update(
                "update insight_sku set known_since = ? where merchant_id = ? and sku = ?",
                Timestamp.from(Instant.now().minus(Duration.ofDays(30))),
                "m1",
                sku);
    }

    private void awaitSales(String sku, int units) {
        OrderFlowIT.await(
                () -> {
                    Integer sold = jdbc.queryForObject(
                            "select coalesce(sum(units), 0) from insight_sku_day where merchant_id = ? and sku = ?",
                            Integer.class,
                            "m1",
                            sku);
                    return sold != null && sold == units;
                },
                "the insights to count the sale of " + sku);
    }

    private Page signedIn() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        Page page = context.newPage();
        page.navigate("http://127.0.0.1:" + port + "/");
        page.locator("#login-username").fill("alice");
        page.locator("#login-password").fill("secret");
        page.locator("#login-password").press("Enter");
        PlaywrightAssertions.assertThat(page.locator("#app-view")).isVisible();
        return page;
    }
}
