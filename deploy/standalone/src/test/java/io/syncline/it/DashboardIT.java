package io.syncline.it;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.WaitForSelectorState;
import io.syncline.gateway.stream.StreamHub;
import io.syncline.gateway.stream.StreamSubscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in headless Chromium against the whole application: it updates from the live stream
 * without a reload, survives a cut stream, browses events and fits a phone.
 */
class DashboardIT extends StandaloneIntegrationTest {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final Predicate<String> STREAM_URLS = url -> url.contains("/api/stream");

    private static Playwright playwright;
    private static Browser browser;

    @Autowired
    private StreamHub hub;

    private BrowserContext context;

    @BeforeAll
    static void launch() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "Skipping the dashboard browser tests: no Chromium at " + CHROMIUM + " (apt-get install chromium)");
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void theStaticFilesNeedNoTokenButTheApiStillDoes() {
        ApiClient anonymous = client();
        var index = anonymous.get("/");
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.body()).contains("<title>Syncline dashboard</title>");
        assertThat(anonymous.get("/index.html").status()).isEqualTo(200);
        assertThat(anonymous.get("/js/app.js").status()).isEqualTo(200);
        assertThat(anonymous.get("/css/app.css").status()).isEqualTo(200);
        assertThat(anonymous.get("/api/orders").status()).isEqualTo(401);
        assertThat(anonymous.get("/js/../api/orders").status()).isIn(400, 401, 404);
    }

    @Test
    void placedOrderAppearsAndMovesTheCountersWithoutReload() throws Exception {
        Page page = loggedIn(1280, 900);
        page.evaluate("() => { window.__notReloaded = true; }");
        String sku = stock(50);
        int confirmed = counter(page, "#m-confirmed");

        String orderId = placeOrder(sku, false);
        long placedAt = System.nanoTime();

        Locator row = orderRow(page, orderId);
        row.waitFor(new Locator.WaitForOptions().setTimeout(2000));
        page.waitForFunction("n => Number(document.querySelector('#m-confirmed').textContent) >= n",
                confirmed + 1, new Page.WaitForFunctionOptions().setTimeout(2000));
        long elapsedMs = (System.nanoTime() - placedAt) / 1_000_000;
        assertThat(elapsedMs).as("ms from the API's answer to row and counter").isLessThan(2000);
        page.waitForSelector("tr[data-order-id='" + orderId + "'][data-status='CONFIRMED']",
                new Page.WaitForSelectorOptions().setTimeout(2000));
        assertThat(page.evaluate("() => window.__notReloaded === true")).isEqualTo(true);
        assertThat(page.locator("#m-per-minute").textContent()).isNotEqualTo("0");
        assertThat(page.locator("#inventory-table tr[data-sku='" + sku + "']").textContent()).contains(sku);

        String low = stock(1);
        page.waitForSelector("#alerts li[data-sku='" + low + "']", new Page.WaitForSelectorOptions().setTimeout(2000));
        assertThat(counter(page, "#m-low")).isPositive();

        Files.createDirectories(Paths.get("target"));
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "dashboard.png")).setFullPage(true));
    }

    @Test
    void operatorActionsShowAtOnceAndRollBackWithTheProblemWhenRefused() {
        Page page = loggedIn(1280, 900);
        String sku = stock(5);
        String orderId = placeOrder(sku, true);
        Locator stockRow = page.locator("#inventory-table tr[data-sku='" + sku + "']");
        page.waitForSelector("#inventory-table tr[data-sku='" + sku + "'] td[data-field='available']:text-is('4')",
                new Page.WaitForSelectorOptions().setTimeout(5000));

        // taking all 5 would leave less on hand than the 1 reserved: refused, the levels come back
        stockRow.locator("input").fill("-5");
        stockRow.locator("input").press("Enter");
        page.waitForSelector("#toast:not([hidden])", new Page.WaitForSelectorOptions().setTimeout(5000));
        assertThat(page.locator("#toast").textContent()).startsWith(sku + ": ").hasSizeGreaterThan(sku.length() + 3);
        page.waitForSelector("#inventory-table tr[data-sku='" + sku + "'] td[data-field='onHand']:text-is('5')",
                new Page.WaitForSelectorOptions().setTimeout(5000));

        stockRow.locator("input").fill("3");
        stockRow.locator("button").click();
        page.waitForSelector("#inventory-table tr[data-sku='" + sku + "'] td[data-field='onHand']:text-is('8')",
                new Page.WaitForSelectorOptions().setTimeout(5000));
        page.waitForSelector("#inventory-table tr[data-sku='" + sku + "'] button:enabled",
                new Page.WaitForSelectorOptions().setTimeout(5000));
        assertThat(alice.get("/api/inventory/" + sku).json().get("onHand").asInt()).isEqualTo(8);

        orderRow(page, orderId).locator("button", new Locator.LocatorOptions().setHasText("Ship")).click();
        page.waitForSelector("tr[data-order-id='" + orderId + "'][data-status='SHIPPED']",
                new Page.WaitForSelectorOptions().setTimeout(2000));
        assertThat(orderRow(page, orderId).locator("button", new Locator.LocatorOptions().setHasText("Cancel"))
                .isDisabled()).isTrue();
    }

    @Test
    void cutStreamShowsReconnectingRecoversAndCatchesUp() {
        Page page = loggedIn(1280, 900);
        // a ticket with EventSource where the gateway hands out tickets, else fetch with the bearer header
        boolean tickets = alice.post("/api/stream/tickets", null).status() == 201;
        cutRecoverAndCatchUp(page, tickets ? "eventsource" : "fetch");
    }

    @Test
    void withoutTicketsTheFetchStreamResumesByLastEventId() {
        Page page = browserPage(1280, 900);
        context.route(url -> url.endsWith("/api/stream/tickets"), route -> route.fulfill(
                new Route.FulfillOptions().setStatus(404).setContentType("application/problem+json")
                        .setBody("{\"title\":\"Not Found\",\"status\":404}")));
        logIn(page);
        cutRecoverAndCatchUp(page, "fetch");
    }

    private void cutRecoverAndCatchUp(Page page, String transport) {
        assertThat(page.locator("#stream-state").getAttribute("data-transport")).isEqualTo(transport);
        String sku = stock(50);
        String before = placeOrder(sku, true);
        orderRow(page, before).waitFor(new Locator.WaitForOptions().setTimeout(5000));

        // keep the browser from reconnecting until the missed orders exist, then cut it off server-side
        page.route(STREAM_URLS, route -> route.abort());
        closeAllStreams();
        page.waitForSelector("#stream-state[data-state='reconnecting']",
                new Page.WaitForSelectorOptions().setTimeout(5000));

        String missed1 = placeOrder(sku, true);
        String missed2 = placeOrder(sku, true);
        assertThat(orderRow(page, missed1).count()).isZero();

        page.unroute(STREAM_URLS);
        page.waitForSelector("#stream-state[data-state='live']", new Page.WaitForSelectorOptions().setTimeout(30_000));
        for (String orderId : List.of(missed1, missed2)) {
            page.waitForSelector("tr[data-order-id='" + orderId + "'][data-status='CONFIRMED']",
                    new Page.WaitForSelectorOptions().setTimeout(5000));
        }
        assertThat(page.locator("#stream-state").getAttribute("data-transport")).isEqualTo(transport);
    }

    @Test
    void eventBrowserFindsAnOrdersEvents() {
        ApiClient admin = client().login("root", "secret");
        Assumptions.assumeTrue(admin.get("/api/events?limit=1").status() == 200,
                "Skipping: this gateway has no event browser API (GET /api/events)");
        Page page = loggedIn(1280, 900);
        String orderId = placeOrder(stock(50), true);

        orderRow(page, orderId).locator("a", new Locator.LocatorOptions().setHasText("Events")).click();
        page.waitForSelector("#events-view:not([hidden])");
        assertThat(page.locator("#ev-aggregate").inputValue()).isEqualTo(orderId);
        Locator placed = page.locator("#events-table tbody tr", new Page.LocatorOptions().setHasText("OrderPlaced"));
        placed.first().waitFor(new Locator.WaitForOptions().setTimeout(10_000));

        placed.first().locator("button").click();
        page.waitForSelector("#event-detail:not([hidden])");
        assertThat(page.locator("#event-payload").textContent()).contains(orderId);
        assertThat(page.locator("#event-meta").textContent()).contains("Correlation id");

        // a time range before any event finds nothing
        page.locator("#ev-aggregate").fill(orderId);
        page.locator("#ev-to").fill("2000-01-01T00:00");
        page.locator("#events-form button[type=submit]").click();
        page.waitForSelector("#events-table tbody td:text-is('No events found.')",
                new Page.WaitForSelectorOptions().setTimeout(5000));
    }

    @Test
    void eventBrowserPagesWithTheCursor() {
        ApiClient admin = client().login("root", "secret");
        Assumptions.assumeTrue(admin.get("/api/events?limit=1").status() == 200,
                "Skipping: this gateway has no event browser API (GET /api/events)");
        String sku = stock(50);
        for (int i = 0; i < 12; i++) {
            placeOrder(sku, false);
        }
        Page page = loggedIn(1280, 900);
        page.navigate(page.url().replaceAll("#.*$", "") + "#/events");
        page.locator("#ev-type").fill("OrderPlaced");
        page.locator("#ev-limit").selectOption("10");
        page.locator("#ev-type").press("Enter");
        Locator rows = page.locator("#events-table tbody tr[data-position]");
        page.waitForCondition(() -> rows.count() == 10, new Page.WaitForConditionOptions().setTimeout(10_000));
        assertThat(page.locator("#events-more").isVisible()).isTrue();

        page.locator("#events-more").click();
        page.waitForCondition(() -> rows.count() > 10, new Page.WaitForConditionOptions().setTimeout(10_000));
        List<String> positions = rows.evaluateAll("rs => rs.map(r => r.dataset.position)").toString().lines().toList();
        assertThat(rows.allTextContents()).allMatch(text -> text.contains("OrderPlaced"));
        assertThat(rows.evaluateAll("rs => new Set(rs.map(r => r.dataset.position)).size === rs.length"))
                .as("no event twice: %s", positions).isEqualTo(true);
    }

    @Test
    void fitsAPhoneWithoutHorizontalScrolling() throws Exception {
        Page page = loggedIn(390, 844);
        String orderId = placeOrder(stock(5), true);
        orderRow(page, orderId).waitFor(new Locator.WaitForOptions().setTimeout(5000));

        assertNoHorizontalScroll(page);
        Files.createDirectories(Paths.get("target"));
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "dashboard-phone.png"))
                .setFullPage(true));

        page.navigate(page.url().replaceAll("#.*$", "") + "#/events");
        page.waitForSelector("#events-view:not([hidden])");
        assertNoHorizontalScroll(page);
    }

    private static void assertNoHorizontalScroll(Page page) {
        Number scrollWidth = (Number) page.evaluate("() => document.scrollingElement.scrollWidth");
        Object wide = page.evaluate("() => [...document.querySelectorAll('body *')]"
                + ".filter(e => e.getBoundingClientRect().right > 390 && !e.closest('.table-wrap'))"
                + ".slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.className)");
        assertThat(scrollWidth.intValue()).as("page width; too wide: %s", wide).isLessThanOrEqualTo(390);
    }

    private Page loggedIn(int width, int height) {
        Page page = browserPage(width, height);
        logIn(page);
        return page;
    }

    private Page browserPage(int width, int height) {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height));
        return context.newPage();
    }

    /** Signs in as the ADMIN of m1 with the keyboard and waits for the live stream. */
    private void logIn(Page page) {
        page.navigate("http://127.0.0.1:" + port + "/");
        page.locator("#login-username").fill("root");
        page.locator("#login-password").fill("secret");
        page.locator("#login-password").press("Enter");
        page.waitForSelector("#stream-state[data-state='live']", new Page.WaitForSelectorOptions().setTimeout(10_000));
        page.waitForSelector("#inventory-table tbody", new Page.WaitForSelectorOptions()
                .setState(WaitForSelectorState.ATTACHED));
    }

    private static int counter(Page page, String selector) {
        page.waitForFunction("s => document.querySelector(s).textContent !== ''", selector);
        return Integer.parseInt(page.locator(selector).textContent().trim());
    }

    private static Locator orderRow(Page page, String orderId) {
        return page.locator("#orders-table tr[data-order-id='" + orderId + "']");
    }

    /** A fresh SKU of merchant m1. */
    private String stock(int onHand) {
        String sku = "DASH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var r = alice.put("/api/inventory/" + sku,
                Map.of("onHand", onHand, "lowStockThreshold", 2, "name", "Dashboard " + sku));
        assertThat(r.status()).isEqualTo(201);
        return sku;
    }

    private String placeOrder(String sku, boolean waitForDecision) {
        var r = alice.send("POST", "/api/orders", Map.of("channel", "web",
                        "channelOrderId", UUID.randomUUID().toString(),
                        "lines", List.of(Map.of("sku", sku, "quantity", 1))),
                waitForDecision ? Map.of("Prefer", "wait=10") : Map.of());
        assertThat(r.status()).isIn(201, 202);
        return r.json().get("orderId").asText();
    }

    /** Cuts every stream connection server-side, as a restart or a dropped proxy connection would. */
    private void closeAllStreams() {
        try {
            Method snapshot = StreamHub.class.getDeclaredMethod("snapshot");
            snapshot.setAccessible(true);
            @SuppressWarnings("unchecked")
            List<StreamSubscription> subscriptions = (List<StreamSubscription>) snapshot.invoke(hub);
            assertThat(subscriptions).isNotEmpty();
            subscriptions.forEach(StreamSubscription::close);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot reach the stream hub's connections", e);
        }
    }
}
