package io.syncline.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.WebSocket;
import com.microsoft.playwright.WebSocketRoute;
import com.microsoft.playwright.options.WaitForSelectorState;
import io.syncline.live.stream.StreamHub;
import io.syncline.live.stream.StreamSubscription;
import io.syncline.platform.test.ApiClient;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dashboard in headless Chromium against the whole application: it updates from the live stream
 * (WebSocket, or fetch where tickets or WebSocket are missing) without a reload, survives a cut stream and
 * the browser going offline, starts afresh when its resume point expired, acknowledges critical messages,
 * follows the system health, returns to the login form when its token is refused, browses events and fits
 * a phone.
 */
class DashboardIT extends StandaloneIntegrationTest {

    private static final Predicate<String> STREAM_URLS = url -> url.contains("/api/stream");
    private static final Predicate<String> TICKETS = url -> url.endsWith("/api/stream/tickets");
    private static final Pattern WEBSOCKET = Pattern.compile(".*/ws\\?.*");
    private static final String SESSION_ENDED = "Please sign in again.";

    private static HeadlessChromium chromium;
    private static Browser browser;

    @Autowired
    private StreamHub hub;

    @Autowired
    private SwitchableHealth health;

    private BrowserContext context;
    private final AtomicInteger channelOrders = new AtomicInteger(1040);

    @BeforeAll
    static void launch() {
        chromium = HeadlessChromium.launch("the dashboard browser tests");
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
        page.waitForFunction(
                "n => Number(document.querySelector('#m-confirmed').textContent) >= n",
                confirmed + 1,
                new Page.WaitForFunctionOptions().setTimeout(2000));
        long elapsedMs = (System.nanoTime() - placedAt) / 1_000_000;
        assertThat(elapsedMs).as("ms from the API's answer to row and counter").isLessThan(2000);
        page.waitForSelector(
                "tr[data-order-id='" + orderId + "'][data-status='CONFIRMED']",
                new Page.WaitForSelectorOptions().setTimeout(2000));
        assertThat(page.evaluate("() => window.__notReloaded === true")).isEqualTo(true);
        assertThat(page.locator("#m-per-minute").textContent()).isNotEqualTo("0");
        assertThat(page.locator("#inventory-table tr[data-sku='" + sku + "']").textContent())
                .contains(sku);

        String low = stock(1);
        page.waitForSelector("#alerts li[data-sku='" + low + "']", new Page.WaitForSelectorOptions().setTimeout(2000));
        assertThat(counter(page, "#m-low")).isPositive();

        Files.createDirectories(Paths.get("target"));
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Paths.get("target", "dashboard.png"))
                .setFullPage(true));
    }

    @Test
    void operatorActionsShowAtOnceAndRollBackWithTheProblemWhenRefused() {
        Page page = loggedIn(1280, 900);
        String sku = stock(5);
        String orderId = placeOrder(sku, true);
        Locator stockRow = page.locator("#inventory-table tr[data-sku='" + sku + "']");
        page.waitForSelector(
                "#inventory-table tr[data-sku='" + sku + "'] td[data-field='available']:text-is('4')",
                new Page.WaitForSelectorOptions().setTimeout(5000));

        // taking all 5 would leave less on hand than the 1 reserved: refused, the levels come back
        stockRow.locator("input").fill("-5");
        stockRow.locator("input").press("Enter");
        page.waitForSelector("#toast:not([hidden])", new Page.WaitForSelectorOptions().setTimeout(5000));
        assertThat(page.locator("#toast").textContent()).startsWith(sku + ": ").hasSizeGreaterThan(sku.length() + 3);
        page.waitForSelector(
                "#inventory-table tr[data-sku='" + sku + "'] td[data-field='onHand']:text-is('5')",
                new Page.WaitForSelectorOptions().setTimeout(5000));

        stockRow.locator("input").fill("3");
        stockRow.locator("button").click();
        page.waitForSelector(
                "#inventory-table tr[data-sku='" + sku + "'] td[data-field='onHand']:text-is('8')",
                new Page.WaitForSelectorOptions().setTimeout(5000));
        page.waitForSelector(
                "#inventory-table tr[data-sku='" + sku + "'] button:enabled",
                new Page.WaitForSelectorOptions().setTimeout(5000));
        assertThat(alice.get("/api/inventory/" + sku).json().get("onHand").asInt())
                .isEqualTo(8);

        orderRow(page, orderId)
                .locator("button", new Locator.LocatorOptions().setHasText("Ship"))
                .click();
        page.waitForSelector(
                "tr[data-order-id='" + orderId + "'][data-status='SHIPPED']",
                new Page.WaitForSelectorOptions().setTimeout(2000));
        assertThat(orderRow(page, orderId)
                        .locator("button", new Locator.LocatorOptions().setHasText("Cancel"))
                        .isDisabled())
                .isTrue();
    }

    @Test
    void cutStreamShowsReconnectingRecoversAndCatchesUp() {
        Page page = browserPage(1280, 900);
        List<WebSocket> sockets = new CopyOnWriteArrayList<>();
        List<String> sent = new CopyOnWriteArrayList<>();
        page.onWebSocket(ws -> {
            sockets.add(ws);
            ws.onFrameSent(frame -> sent.add(frame.text()));
        });
        logIn(page);
        assertThat(sockets).hasSize(1);
        assertThat(sockets.get(0).url()).contains("/ws?ticket=").doesNotContain("Bearer");
        assertThat(hellos(sent).get(0))
                .contains("\"subscribe\":[\"orders\",\"inventory\",\"channels\",\"conflicts\",\"health\"]")
                .doesNotContain("resumeAfter");

        // the hub's cut reaches WebSocket clients too
        cutRecoverAndCatchUp(
                page,
                "websocket",
                () -> page.waitForCondition(
                        () -> sockets.get(0).isClosed(), new Page.WaitForConditionOptions().setTimeout(5000)));
        WebSocket current = sockets.get(sockets.size() - 1);
        assertThat(current).isNotSameAs(sockets.get(0));
        assertThat(current.isClosed()).isFalse();
        assertThat(hellos(sent))
                .hasSizeGreaterThanOrEqualTo(2)
                .last()
                .asString()
                .containsPattern("\"resumeAfter\":\\d+");
    }

    @Test
    void streamCutBeforeItsFirstStoredMessageReloadsWhatItMissed() {
        Page page = browserPage(1280, 900);
        List<String> snapshots = snapshotRequests(page);
        List<String> sent = new CopyOnWriteArrayList<>();
        page.onWebSocket(ws -> ws.onFrameSent(frame -> sent.add(frame.text())));
        logIn(page);
        page.waitForSelector("#stream-state[data-state='live']", new Page.WaitForSelectorOptions().setTimeout(10_000));
        int loads = snapshots.size();

        page.route(STREAM_URLS, route -> route.abort());
        closeAllStreams();
        page.waitForSelector(
                "#stream-state[data-state='reconnecting']", new Page.WaitForSelectorOptions().setTimeout(5000));
        String missed = placeOrder(stock(50), true);
        page.unroute(STREAM_URLS);

        // with no id to resume after, only a fresh snapshot can show what was sent meanwhile
        page.waitForSelector(
                "tr[data-order-id='" + missed + "'][data-status='CONFIRMED']",
                new Page.WaitForSelectorOptions().setTimeout(30_000));
        if (!hellos(sent).get(hellos(sent).size() - 1).contains("resumeAfter")) {
            assertThat(snapshots.size()).as("the snapshot loaded again").isGreaterThan(loads);
        }
    }

    /** The (re)subscriptions among the frames a page sent. */
    private static List<String> hellos(List<String> sent) {
        return sent.stream().filter(frame -> frame.contains("\"subscribe\"")).toList();
    }

    @Test
    void withoutTicketsTheFetchStreamResumesByLastEventId() {
        Page page = browserPage(1280, 900);
        withoutTickets();
        List<Request> streams = new CopyOnWriteArrayList<>();
        page.onRequest(request -> {
            if (request.url().contains("/api/stream?")) {
                streams.add(request);
            }
        });
        logIn(page);
        cutRecoverAndCatchUp(page, "fetch", () -> {});
        Map<String, String> first = streams.get(0).allHeaders();
        Map<String, String> last = streams.get(streams.size() - 1).allHeaders();
        assertThat(first).containsKey("authorization").doesNotContainKey("last-event-id");
        assertThat(last.get("last-event-id"))
                .as("the resume point of the reconnect")
                .matches("\\d+");
        assertThat(streams)
                .allSatisfy(r -> assertThat(r.url()).doesNotContain("ticket").doesNotContain("token"));
    }

    @Test
    void withoutWebSocketTheFetchStreamTakesOver() {
        Page page = browserPage(1280, 900);
        page.addInitScript("delete window.WebSocket");
        logIn(page);
        assertThat(page.locator("#stream-state").getAttribute("data-transport")).isEqualTo("fetch");
        String orderId = placeOrder(stock(50), true);
        page.waitForSelector(
                "tr[data-order-id='" + orderId + "'][data-status='CONFIRMED']",
                new Page.WaitForSelectorOptions().setTimeout(5000));
    }

    private void cutRecoverAndCatchUp(Page page, String transport, Runnable assertCut) {
        assertThat(page.locator("#stream-state").getAttribute("data-transport")).isEqualTo(transport);
        String sku = stock(50);
        String before = placeOrder(sku, true);
        orderRow(page, before).waitFor(new Locator.WaitForOptions().setTimeout(5000));

        // keep the browser from reconnecting until the missed orders exist, then cut it off server-side
        page.route(STREAM_URLS, route -> route.abort());
        closeAllStreams();
        page.waitForSelector(
                "#stream-state[data-state='reconnecting']", new Page.WaitForSelectorOptions().setTimeout(5000));
        assertCut.run();

        String missed1 = placeOrder(sku, true);
        String missed2 = placeOrder(sku, true);
        assertThat(orderRow(page, missed1).count()).isZero();

        page.unroute(STREAM_URLS);
        page.waitForSelector("#stream-state[data-state='live']", new Page.WaitForSelectorOptions().setTimeout(30_000));
        for (String orderId : List.of(missed1, missed2)) {
            page.waitForSelector(
                    "tr[data-order-id='" + orderId + "'][data-status='CONFIRMED']",
                    new Page.WaitForSelectorOptions().setTimeout(5000));
        }
        assertThat(page.locator("#stream-state").getAttribute("data-transport")).isEqualTo(transport);
    }

    @Test
    void healthCardFollowsTheSystemHealthLive() throws Exception {
        Page page = loggedIn(1280, 900);
        page.waitForSelector("#health-card[data-status='UP']", new Page.WaitForSelectorOptions().setTimeout(5000));
        page.evaluate("() => { window.__notReloaded = true; }");
        String upBackground = background(page, "#health-card");
        try {
            health.down();
            long switchedAt = System.nanoTime();
            page.waitForSelector(
                    "#health-card[data-status='DOWN']", new Page.WaitForSelectorOptions().setTimeout(2000));
            assertThat((System.nanoTime() - switchedAt) / 1_000_000)
                    .as("ms until DOWN shows")
                    .isLessThan(2000);
            assertThat(page.locator("#m-health").textContent()).isEqualTo("DOWN");
            assertThat(page.locator("#m-health-detail").textContent()).contains("switchable DOWN");
            assertThat(background(page, "#health-card")).as("DOWN stands out").isNotEqualTo(upBackground);
            Locator announcement = page.locator("#health-announcement");
            assertThat(announcement.getAttribute("role")).isEqualTo("alert");
            assertThat(announcement.textContent()).contains("System health is DOWN");
            Files.createDirectories(Paths.get("target"));
            page.locator("#dashboard-view .cards")
                    .screenshot(
                            new Locator.ScreenshotOptions().setPath(Paths.get("target", "dashboard-health-down.png")));
        } finally {
            health.up();
        }
        page.waitForSelector("#health-card[data-status='UP']", new Page.WaitForSelectorOptions().setTimeout(2000));
        assertThat(page.locator("#m-health").textContent()).isEqualTo("UP");
        assertThat(page.locator("#health-announcement").textContent()).contains("UP again");
        assertThat(background(page, "#health-card")).isEqualTo(upBackground);
        assertThat(page.evaluate("() => window.__notReloaded === true")).isEqualTo(true);
    }

    @Test
    void lowStockAlertArrivesOverWebSocketAndIsAcknowledged() {
        Page page = browserPage(1280, 900);
        List<WebSocket> sockets = new CopyOnWriteArrayList<>();
        List<String> sent = new CopyOnWriteArrayList<>();
        Map<WebSocket, List<String>> received = new ConcurrentHashMap<>();
        page.onWebSocket(ws -> {
            sockets.add(ws);
            List<String> frames = new CopyOnWriteArrayList<>();
            received.put(ws, frames);
            ws.onFrameSent(frame -> sent.add(frame.text()));
            ws.onFrameReceived(frame -> frames.add(frame.text()));
        });
        logIn(page);
        WebSocket first = sockets.get(0);

        // the alert fires when the stock crosses its threshold (2) downwards
        String sku = stock(5);
        assertThat(alice.post("/api/inventory/" + sku + "/adjustments", Map.of("delta", -3, "reason", "breakage"))
                        .status())
                .isEqualTo(200);
        String alert = "#alerts li[data-sku='" + sku + "'][data-alert-id]";
        page.waitForSelector(alert, new Page.WaitForSelectorOptions().setTimeout(5000));
        String id = page.locator(alert).getAttribute("data-alert-id");
        assertThat(received.get(first)).anySatisfy(frame -> assertThat(frame)
                .contains("\"id\":" + id + ",")
                .contains("\"type\":\"stock.low\"")
                .contains(sku));
        String ack = "{\"ack\":" + id + "}";
        page.waitForCondition(() -> sent.contains(ack), new Page.WaitForConditionOptions().setTimeout(5000));

        // a new connection gets what is still unacknowledged first thing: not this alert
        closeAllStreams();
        page.waitForCondition(
                () -> sockets.size() == 2 && !hellos(sent).isEmpty() && received.get(sockets.get(1)) != null,
                new Page.WaitForConditionOptions().setTimeout(10_000));
        page.waitForSelector("#stream-state[data-state='live']", new Page.WaitForSelectorOptions().setTimeout(10_000));
        String after = placeOrder(stock(50), true);
        List<String> second = received.get(sockets.get(1));
        page.waitForCondition(
                () -> second.stream().anyMatch(frame -> frame.contains(after)),
                new Page.WaitForConditionOptions().setTimeout(5000));
        assertThat(second).noneSatisfy(frame -> assertThat(frame).contains("\"id\":" + id + ","));
        assertThat(sent.stream().filter(ack::equals)).as("acknowledged once").hasSize(1);
    }

    @Test
    void offlineBrowserShowsOfflineAndCatchesUpWhenBackOnline() {
        Page page = loggedIn(1280, 900);
        String sku = stock(50);
        String before = placeOrder(sku, true);
        orderRow(page, before).waitFor(new Locator.WaitForOptions().setTimeout(5000));

        context.setOffline(true);
        page.waitForSelector("#stream-state[data-state='offline']", new Page.WaitForSelectorOptions().setTimeout(5000));
        assertThat(page.locator("#m-stream").textContent()).isEqualTo("offline");
        String missed = placeOrder(sku, true);
        page.waitForTimeout(500);
        assertThat(orderRow(page, missed).count()).isZero();
        assertThat(page.locator("#stream-state").getAttribute("data-state")).isEqualTo("offline");

        context.setOffline(false);
        page.waitForSelector("#stream-state[data-state='live']", new Page.WaitForSelectorOptions().setTimeout(10_000));
        page.waitForSelector(
                "tr[data-order-id='" + missed + "'][data-status='CONFIRMED']",
                new Page.WaitForSelectorOptions().setTimeout(5000));
    }

    @Test
    void refusedTokenReturnsToTheLoginFormAndSigningInAgainResumes() {
        Page page = browserPage(1280, 900);
        List<WebSocket> sockets = new CopyOnWriteArrayList<>();
        page.onWebSocket(sockets::add);
        logIn(page);
        String sku = stock(50);
        Locator stockRow = page.locator("#inventory-table tr[data-sku='" + sku + "']");
        stockRow.waitFor(new Locator.WaitForOptions().setTimeout(5000));

        // the stored token stops being valid (a rotated key, a tampered token): the next API call answers 401
        page.evaluate("() => sessionStorage.setItem('syncline.token', 'not-a-valid-token')");
        stockRow.locator("input").fill("1");
        stockRow.locator("input").press("Enter");
        assertBackAtTheLogin(page, sockets);
        assertThat(alice.get("/api/inventory/" + sku).json().get("onHand").asInt())
                .isEqualTo(50);

        signIn(page);
        String orderId = placeOrder(sku, true);
        page.waitForSelector(
                "tr[data-order-id='" + orderId + "'][data-status='CONFIRMED']",
                new Page.WaitForSelectorOptions().setTimeout(5000));

        // the stream refused: its ticket request answers 401
        page.route(
                TICKETS,
                route -> route.fulfill(new Route.FulfillOptions()
                        .setStatus(401)
                        .setContentType("application/problem+json")
                        .setBody("{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"The token has expired\"}")));
        closeAllStreams();
        assertBackAtTheLogin(page, sockets);

        page.unroute(TICKETS);
        signIn(page);
        String next = placeOrder(sku, true);
        page.waitForSelector(
                "tr[data-order-id='" + next + "'][data-status='CONFIRMED']",
                new Page.WaitForSelectorOptions().setTimeout(5000));
    }

    private static void assertBackAtTheLogin(Page page, List<WebSocket> sockets) {
        page.waitForSelector("#login-view:not([hidden])", new Page.WaitForSelectorOptions().setTimeout(10_000));
        assertThat(page.locator("#app-view").isHidden()).isTrue();
        assertThat(page.locator("#login-error").textContent()).contains(SESSION_ENDED);
        assertThat(page.locator("#login-error").getAttribute("role")).isEqualTo("alert");
        assertThat(page.locator("#stream-state").getAttribute("data-state")).isEqualTo("offline");
        page.waitForCondition(
                () -> sockets.stream().allMatch(WebSocket::isClosed),
                new Page.WaitForConditionOptions().setTimeout(5000));
        page.waitForTimeout(1500);
        assertThat(sockets).as("the stream stays stopped").allMatch(WebSocket::isClosed);
    }

    @Test
    void expiredResumeOverWebSocketReloadsTheDashboardAndStartsAfresh() {
        Page page = browserPage(1280, 900);
        List<String> hellos = new CopyOnWriteArrayList<>();
        AtomicBoolean expired = new AtomicBoolean();
        // the gateway's answer to a resumeAfter older than its retention window: close code 4410
        page.routeWebSocket(WEBSOCKET, ws -> {
            WebSocketRoute server = ws.connectToServer();
            ws.onMessage(frame -> {
                String text = frame.text();
                if (text.contains("\"subscribe\"")) {
                    hellos.add(text);
                }
                if (text.contains("resumeAfter") && expired.compareAndSet(false, true)) {
                    ws.close(new WebSocketRoute.CloseOptions().setCode(4410).setReason("Resume point expired"));
                    server.close();
                } else {
                    server.send(text);
                }
            });
        });
        List<String> snapshots = snapshotRequests(page);
        logIn(page);
        resumeExpires(page, snapshots, expired::get);
        assertThat(hellos).hasSizeGreaterThanOrEqualTo(3);
        assertThat(hellos.get(hellos.size() - 2)).contains("resumeAfter");
        assertThat(hellos.get(hellos.size() - 1)).as("starts afresh").doesNotContain("resumeAfter");
    }

    @Test
    void expiredResumeOverFetchReloadsTheDashboardAndStartsAfresh() {
        Page page = browserPage(1280, 900);
        withoutTickets();
        List<Map<String, String>> streams = new CopyOnWriteArrayList<>();
        AtomicBoolean expired = new AtomicBoolean();
        // the gateway's answer to a Last-Event-ID older than its retention window: 410 problem+json
        page.route(url -> url.contains("/api/stream?"), route -> {
            Map<String, String> headers = route.request().allHeaders();
            streams.add(headers);
            if (headers.containsKey("last-event-id") && expired.compareAndSet(false, true)) {
                route.fulfill(new Route.FulfillOptions()
                        .setStatus(410)
                        .setContentType("application/problem+json")
                        .setBody("{\"type\":\"about:blank\",\"title\":\"Gone\",\"status\":410,"
                                + "\"detail\":\"The resume point is older than the retention window\"}"));
            } else {
                route.resume();
            }
        });
        List<String> snapshots = snapshotRequests(page);
        logIn(page);
        resumeExpires(page, snapshots, expired::get);
        assertThat(page.locator("#stream-state").getAttribute("data-transport")).isEqualTo("fetch");
        assertThat(streams).hasSizeGreaterThanOrEqualTo(3);
        assertThat(streams.get(streams.size() - 2)).containsKey("last-event-id");
        assertThat(streams.get(streams.size() - 1)).as("starts afresh").doesNotContainKey("last-event-id");
    }

    /**
     * Cuts the stream while an order is placed, lets the reconnect's resume expire and checks that the
     * dashboard loaded its snapshot again (the missed order is there only thanks to that) and goes on live.
     */
    private void resumeExpires(Page page, List<String> snapshots, BooleanSupplier expired) {
        page.evaluate("() => { window.__notReloaded = true; }");
        String sku = stock(50);
        orderRow(page, placeOrder(sku, true)).waitFor(new Locator.WaitForOptions().setTimeout(5000));
        int loads = snapshots.size();

        page.route(STREAM_URLS, route -> route.abort());
        closeAllStreams();
        page.waitForSelector(
                "#stream-state[data-state='reconnecting']", new Page.WaitForSelectorOptions().setTimeout(5000));
        String missed = placeOrder(sku, true);
        page.unroute(STREAM_URLS);

        page.waitForCondition(expired, new Page.WaitForConditionOptions().setTimeout(30_000));
        page.waitForSelector(
                "tr[data-order-id='" + missed + "'][data-status='CONFIRMED']",
                new Page.WaitForSelectorOptions().setTimeout(10_000));
        assertThat(snapshots.size()).as("the snapshot loaded again").isGreaterThan(loads);
        page.waitForSelector("#stream-state[data-state='live']", new Page.WaitForSelectorOptions().setTimeout(10_000));
        // a fresh subscription is live from when the server has it, which is just after the socket opened
        awaitServerSubscription();
        String next = placeOrder(sku, true);
        page.waitForSelector(
                "tr[data-order-id='" + next + "'][data-status='CONFIRMED']",
                new Page.WaitForSelectorOptions().setTimeout(5000));
        assertThat(page.evaluate("() => window.__notReloaded === true")).isEqualTo(true);
    }

    /** The dashboard's snapshot requests (its first page of orders). */
    private static List<String> snapshotRequests(Page page) {
        List<String> urls = new CopyOnWriteArrayList<>();
        page.onRequest(request -> {
            if (request.url().endsWith("/api/orders?size=200")) {
                urls.add(request.url());
            }
        });
        return urls;
    }

    private static String background(Page page, String selector) {
        return (String) page.evaluate("s => getComputedStyle(document.querySelector(s)).backgroundColor", selector);
    }

    @Test
    void eventBrowserFindsAnOrdersEvents() {
        ApiClient admin = client().login("root", "secret");
        Assumptions.assumeTrue(
                admin.get("/api/events?limit=1").status() == 200,
                "Skipping: this gateway has no event browser API (GET /api/events)");
        Page page = loggedIn(1280, 900);
        String orderId = placeOrder(stock(50), true);

        orderRow(page, orderId)
                .locator("a", new Locator.LocatorOptions().setHasText("Events"))
                .click();
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
        page.waitForSelector(
                "#events-table tbody td:text-is('No events found.')",
                new Page.WaitForSelectorOptions().setTimeout(5000));
    }

    @Test
    void eventBrowserPagesWithTheCursor() {
        ApiClient admin = client().login("root", "secret");
        Assumptions.assumeTrue(
                admin.get("/api/events?limit=1").status() == 200,
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
        List<String> positions = rows.evaluateAll("rs => rs.map(r => r.dataset.position)")
                .toString()
                .lines()
                .toList();
        assertThat(rows.allTextContents()).allMatch(text -> text.contains("OrderPlaced"));
        assertThat(rows.evaluateAll("rs => new Set(rs.map(r => r.dataset.position)).size === rs.length"))
                .as("no event twice: %s", positions)
                .isEqualTo(true);
    }

    @Test
    void fitsAPhoneWithoutHorizontalScrolling() throws Exception {
        Page page = loggedIn(390, 844);
        String orderId = placeOrder(stock(5), true);
        orderRow(page, orderId).waitFor(new Locator.WaitForOptions().setTimeout(5000));

        assertNoHorizontalScroll(page);
        Files.createDirectories(Paths.get("target"));
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Paths.get("target", "dashboard-phone.png"))
                .setFullPage(true));

        page.navigate(page.url().replaceAll("#.*$", "") + "#/events");
        page.waitForSelector("#events-view:not([hidden])");
        assertNoHorizontalScroll(page);
    }

    /**
     * The README's screenshot, from the running application with some business in it. Runs only when asked:
     * {@code -Ddashboard.screenshot=<absolute path of docs/dashboard.png>}.
     */
    @Test
    @EnabledIfSystemProperty(named = "dashboard.screenshot", matches = ".+")
    void screenshotForTheReadme() throws Exception {
        Map<String, String> catalogue = Map.of(
                "BEANS-ESP-1KG",
                "Espresso beans 1 kg",
                "FILTER-V60-100",
                "V60 paper filters, 100",
                "MUG-STONE-350",
                "Stoneware mug 350 ml",
                "GRINDER-HAND",
                "Hand grinder",
                "KETTLE-GOOSE",
                "Gooseneck kettle");
        Map<String, Integer> onHand = Map.of(
                "BEANS-ESP-1KG", 40, "FILTER-V60-100", 25, "MUG-STONE-350", 12, "GRINDER-HAND", 6, "KETTLE-GOOSE", 3);
        catalogue.forEach((sku, name) -> assertThat(alice.put(
                                "/api/inventory/" + sku,
                                Map.of("onHand", onHand.get(sku), "lowStockThreshold", 3, "name", name))
                        .status())
                .isIn(200, 201));
        Page page = loggedIn(1280, 900);
        List<String> skus = List.copyOf(new TreeSet<>(catalogue.keySet()));
        List<String> channels = List.of("web", "shopify", "tiktok");
        String last = null;
        for (int i = 0; i < 11; i++) {
            last = order(channels.get(i % 3), skus.get(i % skus.size()), 1 + i % 2);
        }
        order("shopify", "KETTLE-GOOSE", 5);
        assertThat(alice.post("/api/orders/" + last + "/shipment", null).status())
                .isEqualTo(202);
        assertThat(alice.post(
                                "/api/orders/" + order("web", "MUG-STONE-350", 1) + "/cancellation",
                                Map.of("reason", "Customer changed their mind"))
                        .status())
                .isEqualTo(202);
        assertThat(alice.post("/api/inventory/GRINDER-HAND/adjustments", Map.of("delta", -2, "reason", "damaged"))
                        .status())
                .isEqualTo(200);
        page.waitForSelector(
                "#alerts li[data-sku='GRINDER-HAND'][data-alert-id]",
                new Page.WaitForSelectorOptions().setTimeout(5000));
        page.waitForSelector(
                "tr[data-order-id='" + last + "'][data-status='SHIPPED']",
                new Page.WaitForSelectorOptions().setTimeout(5000));
        page.waitForSelector("#health-card[data-status='UP']", new Page.WaitForSelectorOptions().setTimeout(5000));
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Paths.get(System.getProperty("dashboard.screenshot")))
                .setFullPage(true));
    }

    private String order(String channel, String sku, int quantity) {
        var r = alice.send(
                "POST",
                "/api/orders",
                Map.of(
                        "channel",
                        channel,
                        "channelOrderId",
                        "#" + channelOrders.incrementAndGet(),
                        "lines",
                        List.of(Map.of("sku", sku, "quantity", quantity))),
                Map.of("Prefer", "wait=10"));
        assertThat(r.status()).isIn(201, 202);
        return r.json().get("orderId").asText();
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

    /** Opens the dashboard and signs in. */
    private void logIn(Page page) {
        page.navigate("http://127.0.0.1:" + port + "/");
        signIn(page);
    }

    private void withoutTickets() {
        context.route(
                TICKETS,
                route -> route.fulfill(new Route.FulfillOptions()
                        .setStatus(404)
                        .setContentType("application/problem+json")
                        .setBody("{\"title\":\"Not Found\",\"status\":404}")));
    }

    /** Signs in as the ADMIN of m1 with the keyboard and waits for the live stream. */
    private static void signIn(Page page) {
        page.locator("#login-username").fill("root");
        page.locator("#login-password").fill("secret");
        page.locator("#login-password").press("Enter");
        page.waitForSelector("#stream-state[data-state='live']", new Page.WaitForSelectorOptions().setTimeout(10_000));
        page.waitForSelector(
                "#inventory-table tbody", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));
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
        var r = alice.put(
                "/api/inventory/" + sku, Map.of("onHand", onHand, "lowStockThreshold", 2, "name", "Dashboard " + sku));
        assertThat(r.status()).isEqualTo(201);
        return sku;
    }

    private String placeOrder(String sku, boolean waitForDecision) {
        var r = alice.send(
                "POST",
                "/api/orders",
                Map.of(
                        "channel",
                        "web",
                        "channelOrderId",
                        UUID.randomUUID().toString(),
                        "lines",
                        List.of(Map.of("sku", sku, "quantity", 1))),
                waitForDecision ? Map.of("Prefer", "wait=10") : Map.of());
        assertThat(r.status()).isIn(201, 202);
        return r.json().get("orderId").asText();
    }

    /** Waits until the hub holds a subscription (the browser's, once its subscribe frame was handled). */
    private void awaitServerSubscription() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        while (subscriptions().isEmpty()) {
            assertThat(System.nanoTime()).as("a subscription within 5 s").isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Cuts every stream connection server-side, as a restart or a dropped proxy connection would. */
    private void closeAllStreams() {
        List<StreamSubscription> open = subscriptions();
        assertThat(open).isNotEmpty();
        open.forEach(StreamSubscription::close);
    }

    /** The hub's open subscriptions. */
    @SuppressWarnings("unchecked")
    private List<StreamSubscription> subscriptions() {
        try {
            Method snapshot = StreamHub.class.getDeclaredMethod("snapshot");
            snapshot.setAccessible(true);
            return (List<StreamSubscription>) snapshot.invoke(hub);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot reach the stream hub's connections", e);
        }
    }
}
