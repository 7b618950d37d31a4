package io.syncline.it;

import static io.syncline.it.OrderFlowIT.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.syncline.platform.test.ApiClient;
import io.syncline.simulator.ChannelSimulator;
import io.syncline.simulator.ItemConfig;
import io.syncline.simulator.ShopConfig;
import io.syncline.simulator.SimulatorConfig;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The dashboard's conflicts page in headless Chromium against the whole application, the conflict service
 * included: a shop of the channel simulator drifts, reconciliation reports it and a stock mismatch opens; an
 * OPERATOR inspects it (ours against theirs, the evidence, the history) and keeps ours after confirming, while a
 * VIEWER's page, which offers no way to decide, sees it move to resolved live, and the main page's card counts it.
 */
@TestPropertySource(
        properties = {
            "syncline.channels.reconcile-interval=2s",
            "syncline.conflicts.settle-after=1s",
            "syncline.gateway.rate-limit.capacity=100000"
        })
class ConflictsPageIT extends StandaloneIntegrationTest {

    private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);
    /** Long enough for a report, its settle time and the detection on a busy machine. */
    private static final double WAIT_MS = 30_000;

    private static ChannelSimulator simulator;
    private static HeadlessChromium chromium;
    private static Browser browser;

    private final List<BrowserContext> contexts = new ArrayList<>();
    private ApiClient root;
    private ApiClient shops;
    private String sku;

    @BeforeAll
    static void launch() {
        PlaywrightAssertions.setDefaultAssertionTimeout(WAIT_MS);
        chromium = HeadlessChromium.launch("the conflicts page browser tests");
        browser = chromium.browser();
        simulator = ChannelSimulator.start(SimulatorConfig.defaults());
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @BeforeEach
    void admin() {
        root = client().login("root", "secret");
        shops = new ApiClient(simulator.port());
        sku = "CONF-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    @Test
    void anOperatorInspectsAndResolvesAStockMismatchAndAViewerSeesItResolvedLive() throws Exception {
        String shop = shopify("cf-" + sku.toLowerCase());
        put("/api/inventory/" + sku, Map.of("onHand", 10, "lowStockThreshold", 0));
        await(() -> shown(shop) == 9, "the shop shows what we want it to (10 less a buffer of 1)");

        // the shop's own quantity changes without a webhook: reconciliation reports 2 where we want 9
        assertThat(shops.put("/admin/shops/" + shop + "/items/" + sku, Map.of("quantity", 2, "notify", false))
                        .status())
                .isEqualTo(200);
        String conflictId = awaitConflict(shop);

        Page viewer = signedIn("vera", 1280, 900);
        viewer.navigate(base() + "/#/conflicts?status=OPEN&channel=" + shop + "&id=" + conflictId);
        Locator viewerRow = viewer.locator("#conflicts-table tr[data-conflict-id='" + conflictId + "']");
        PlaywrightAssertions.assertThat(viewerRow).hasAttribute("data-status", "OPEN");
        PlaywrightAssertions.assertThat(viewer.locator("#conflict-meta [data-field='status']"))
                .hasText("OPEN");
        PlaywrightAssertions.assertThat(viewer.locator("#resolve-form")).isHidden();
        PlaywrightAssertions.assertThat(viewer.locator("#resolve-readonly")).isVisible();

        Page main = signedIn("alice", 1280, 900);
        PlaywrightAssertions.assertThat(main.locator("#m-conflicts")).hasText(String.valueOf(openConflicts()));
        PlaywrightAssertions.assertThat(main.locator("#m-conflicts-age")).containsText("oldest");

        Page operator = signedIn("alice", 1280, 900);
        operator.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Conflicts").setExact(true))
                .click();
        PlaywrightAssertions.assertThat(operator.locator("#conflicts-view")).isVisible();
        PlaywrightAssertions.assertThat(operator.locator("#nav-conflicts")).hasAttribute("aria-current", "page");
        operator.locator("#cx-channel").fill(shop);
        operator.locator("#cx-kind").selectOption("STOCK_MISMATCH");
        operator.locator("#conflicts-form button[type=submit]").click();
        Locator row = operator.locator("#conflicts-table tr[data-conflict-id='" + conflictId + "']");
        PlaywrightAssertions.assertThat(row).containsText("Stock mismatch");
        PlaywrightAssertions.assertThat(row.locator("td[data-field='ours']")).hasText("9");
        PlaywrightAssertions.assertThat(row.locator("td[data-field='theirs']")).hasText("2");
        row.locator("a").click();

        Locator detail = operator.locator("#conflict-detail");
        PlaywrightAssertions.assertThat(detail).isVisible();
        PlaywrightAssertions.assertThat(operator.locator("#conflict-sides td[data-side='ours']"))
                .hasText("9");
        PlaywrightAssertions.assertThat(operator.locator("#conflict-sides td[data-side='theirs']"))
                .hasText("2");
        PlaywrightAssertions.assertThat(operator.locator("#conflict-evidence")).containsText("reconcile");
        PlaywrightAssertions.assertThat(operator.locator("#conflict-history tr[data-what='DETECTED']"))
                .hasCount(1);

        operator.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(Pattern.compile("^Keep ours")))
                .check();
        // a decision needs a note: the form says so before sending anything
        operator.locator("#rs-submit").click();
        PlaywrightAssertions.assertThat(operator.locator("#rs-note-error")).isVisible();
        PlaywrightAssertions.assertThat(operator.locator("#rs-note")).hasAttribute("aria-invalid", "true");
        PlaywrightAssertions.assertThat(operator.locator("#rs-confirm")).isHidden();
        operator.getByLabel("Note", EXACT).fill("the shop miscounted");
        operator.locator("#rs-submit").click();
        // nothing is sent before the confirmation
        PlaywrightAssertions.assertThat(operator.locator("#rs-confirm")).isVisible();
        PlaywrightAssertions.assertThat(operator.locator("#rs-confirm-text")).containsText("keep ours (9)");
        assertThat(root.get("/api/conflicts/" + conflictId)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("OPEN");
        operator.locator("#rs-confirm-yes").click();

        PlaywrightAssertions.assertThat(operator.locator("#conflict-meta [data-field='status']"))
                .containsText("resolved");
        PlaywrightAssertions.assertThat(operator.locator("#conflict-meta [data-field='resolvedBy']"))
                .hasText("alice");
        PlaywrightAssertions.assertThat(operator.locator("#conflict-history tr[data-what='RESOLVED']"))
                .hasCount(1);
        PlaywrightAssertions.assertThat(operator.locator("#resolve-form")).isHidden();
        JsonNode resolved = root.get("/api/conflicts/" + conflictId).json();
        assertThat(resolved.path("resolution").asText()).isEqualTo("KEEP_OURS");
        assertThat(resolved.path("resolvedBy").asText()).isEqualTo("alice");

        // the other pages follow the stream without a reload
        PlaywrightAssertions.assertThat(viewerRow).hasAttribute("data-status", "RESOLVED");
        PlaywrightAssertions.assertThat(viewer.locator("#conflict-meta [data-field='status']"))
                .containsText("resolved");
        PlaywrightAssertions.assertThat(main.locator("#m-conflicts")).hasText(String.valueOf(openConflicts()));
        await(() -> shown(shop) == 9, "ours pushed to the shop again");

        Files.createDirectories(Paths.get("target"));
        operator.screenshot(new Page.ScreenshotOptions()
                .setPath(Paths.get("target", "conflicts.png"))
                .setFullPage(true));
    }

    private String awaitConflict(String shop) {
        String[] found = new String[1];
        await(
                () -> {
                    JsonNode items = root.get("/api/conflicts?status=OPEN&kind=STOCK_MISMATCH&channel=" + shop)
                            .json()
                            .path("items");
                    for (JsonNode c : items) {
                        if (sku.equals(c.path("sku").asText())) {
                            found[0] = c.path("conflictId").asText();
                            return true;
                        }
                    }
                    return false;
                },
                "a stock mismatch opens for the drift");
        return found[0];
    }

    private long openConflicts() {
        return root.get("/api/conflicts/summary").json().path("open").asLong();
    }

    private String shopify(String shop) {
        ShopConfig config = ShopConfig.shopify(shop).withItems(List.of(ItemConfig.of(sku, 0)));
        return SimulatedShops.connectShopify(root, simulator, config, 1).name();
    }

    private void put(String path, Object body) {
        ApiClient.Response put = root.put(path, body);
        assertThat(put.status()).as(put.body()).isIn(200, 201);
    }

    private int shown(String shop) {
        return SimulatedShops.shown(shops, shop, sku);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private Page signedIn(String user, int width, int height) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height));
        contexts.add(context);
        Page page = context.newPage();
        // what a failed run needs to be understood: the page's own messages and its stream connections
        page.onConsoleMessage(m -> System.out.println("console of " + user + ": " + m.text()));
        page.onWebSocket(ws -> ws.onClose(w -> System.out.println("stream of " + user + " closed")));
        page.navigate(base() + "/");
        page.locator("#login-username").fill(user);
        page.locator("#login-password").fill("secret");
        page.locator("#login-password").press("Enter");
        PlaywrightAssertions.assertThat(page.locator("#app-view")).isVisible();
        return page;
    }
}
