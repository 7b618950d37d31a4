package io.syncline.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.syncline.platform.test.ApiClient;
import java.nio.file.Files;
import java.nio.file.Paths;
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
 * The dashboard's channels page in headless Chromium against the whole application: an ADMIN sees a channel's
 * failed webhook delivery and sends it again once its cause is gone, adds and edits channels with the server's
 * field errors next to the fields; a VIEWER reads the same on a phone without any way to change it; no secret
 * ever reaches the page.
 */
// the backend's own retry must not process the delivery before the test clicks Retry
@TestPropertySource(properties = "syncline.channels.deliveries.retry.initial-interval=10m")
class ChannelsPageIT extends StandaloneIntegrationTest {

    private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);
    /** Long enough for a delivery's asynchronous processing on a busy machine. */
    private static final double WAIT_MS = 30_000;

    private static HeadlessChromium chromium;
    private static Browser browser;

    private BrowserContext context;
    private ApiClient root;

    @BeforeAll
    static void launch() {
        PlaywrightAssertions.setDefaultAssertionTimeout(WAIT_MS);
        chromium = HeadlessChromium.launch("the channels page browser tests");
        browser = chromium.browser();
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void admin() {
        root = client().login("root", "secret");
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void adminRetriesAFailedDeliveryOnceItsSkuExists() throws Exception {
        String missing = sku();
        ChannelWebhooks.connectShopify(root, "shop-1");
        String deliveryId = sendOrderFor("shop-1", "820982911946154508", missing);

        Page page = signedIn("root", 1280, 900);
        openChannels(page);
        Locator channel = page.locator("#channels-table tr[data-channel-id='shop-1']");
        PlaywrightAssertions.assertThat(channel).containsText("Shopify");
        PlaywrightAssertions.assertThat(channel.locator("td[data-field='enabled']"))
                .hasText("enabled");
        PlaywrightAssertions.assertThat(channel.locator("td[data-field='listings']"))
                .hasText("0");
        select(page, "shop-1");

        // processing is asynchronous: the page shows its outcome without a reload
        Locator row = page.locator("#deliveries-table tr[data-delivery-id='" + deliveryId + "']");
        PlaywrightAssertions.assertThat(row).hasAttribute("data-status", "FAILED");
        PlaywrightAssertions.assertThat(row).containsText("orders/create");
        PlaywrightAssertions.assertThat(row.locator("td[data-field='error']")).containsText(missing);
        PlaywrightAssertions.assertThat(row.locator("td[data-field='orderId']")).hasText("—");

        // the cause goes away; only the click sends the delivery again (the automatic retry is 10 minutes off)
        assertThat(root.put("/api/inventory/" + missing, Map.of("onHand", 20, "lowStockThreshold", 1))
                        .status())
                .isEqualTo(201);
        PlaywrightAssertions.assertThat(page.locator("#status-failed-deliveries"))
                .hasText("1");
        PlaywrightAssertions.assertThat(page.locator("#status-breaker")).hasText("CLOSED");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Retry delivery " + deliveryId))
                .click();

        PlaywrightAssertions.assertThat(row).hasAttribute("data-status", "PROCESSED");
        Locator order = row.locator("td[data-field='orderId'] a");
        PlaywrightAssertions.assertThat(order).hasText(Pattern.compile("\\S+"));
        PlaywrightAssertions.assertThat(row.getByRole(AriaRole.BUTTON)).hasCount(0);
        PlaywrightAssertions.assertThat(page.locator("#channels-note")).containsText("PROCESSED");
        // the channel's sync follows the stream's channel.status without a reload
        PlaywrightAssertions.assertThat(page.locator("#status-failed-deliveries"))
                .hasText("0");
        String orderId = order.textContent().trim();
        JsonNode placed = root.get("/api/orders/" + orderId).json();
        assertThat(placed.path("channel").asText()).isEqualTo("shop-1");
        assertThat(placed.path("channelOrderId").asText()).isEqualTo("820982911946154508");

        assertNoSecret(page);
        Files.createDirectories(Paths.get("target"));
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Paths.get("target", "channels.png"))
                .setFullPage(true));
    }

    @Test
    void viewerReadsChannelsAndDeliveriesOnAPhoneButCannotChangeThem() throws Exception {
        String missing = sku();
        ChannelWebhooks.connectShopify(root, "shop-2");
        String deliveryId = sendOrderFor("shop-2", "820982911946154509", missing);

        Page page = signedIn("vera", 390, 844);
        openChannels(page);
        PlaywrightAssertions.assertThat(page.locator("#channels-table tr[data-channel-id='shop-2']"))
                .containsText("Shopify");
        select(page, "shop-2");
        Locator row = page.locator("#deliveries-table tr[data-delivery-id='" + deliveryId + "']");
        PlaywrightAssertions.assertThat(row).hasAttribute("data-status", "FAILED");
        PlaywrightAssertions.assertThat(row.locator("td[data-field='error']")).containsText(missing);
        PlaywrightAssertions.assertThat(page.locator("#listings-table tbody")).containsText("No SKU is listed");

        PlaywrightAssertions.assertThat(page.locator("#channels-view button", hasText("Retry")))
                .hasCount(0);
        PlaywrightAssertions.assertThat(page.locator("#channels-view button", hasText("Edit")))
                .hasCount(0);
        PlaywrightAssertions.assertThat(page.locator("#deliveries-table thead th", hasText("Actions")))
                .isHidden();
        PlaywrightAssertions.assertThat(page.locator("#channel-add")).isHidden();
        PlaywrightAssertions.assertThat(page.locator("#channel-form")).isHidden();

        assertNoSecret(page);
        assertNoHorizontalScroll(page);
        Files.createDirectories(Paths.get("target"));
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Paths.get("target", "channels-phone.png"))
                .setFullPage(true));
    }

    @Test
    void adminAddsAndEditsAChannelWithTheServersErrorsNextToTheFields() throws Exception {
        String secret = "tts-app-secret-" + UUID.randomUUID();
        Page page = signedIn("root", 1280, 900);
        openChannels(page);
        page.locator("#channel-add").click();
        PlaywrightAssertions.assertThat(page.locator("#channel-form")).isVisible();

        // the id goes into the URL: checked before anything is sent
        page.getByLabel("Channel id", EXACT).fill("Not An Id");
        page.locator("#channel-form button[type=submit]").click();
        PlaywrightAssertions.assertThat(page.locator("#cf-channelId-error")).isVisible();
        PlaywrightAssertions.assertThat(page.locator("#cf-channelId")).hasAttribute("aria-invalid", "true");

        page.getByLabel("Platform", EXACT).selectOption("TIKTOK_SHOP");
        PlaywrightAssertions.assertThat(page.locator("#cf-locationId")).isHidden();
        PlaywrightAssertions.assertThat(page.locator("#cf-appKey")).isVisible();
        page.getByLabel("Channel id", EXACT).fill("tts-1");
        page.getByLabel("API base URL", EXACT).fill("https://open-api.tiktokglobalshop.com");
        page.getByLabel("App secret", EXACT).fill(secret);
        page.getByLabel("Access token", EXACT).fill("tts-access-token-1");
        page.getByLabel("App key", EXACT).fill("6abc123");
        page.locator("#channel-form button[type=submit]").click();

        // the shop cipher was left out: the server's error shows beside it and nothing is created
        PlaywrightAssertions.assertThat(page.locator("#cf-shopCipher-error")).containsText("required");
        PlaywrightAssertions.assertThat(page.locator("#cf-shopCipher")).hasAttribute("aria-invalid", "true");
        PlaywrightAssertions.assertThat(page.locator("#cf-channelId")).not().hasAttribute("aria-invalid", "true");
        assertThat(root.get("/api/channels/tts-1").status()).isEqualTo(404);
        // the form with its errors fits a phone too
        page.setViewportSize(390, 844);
        assertNoHorizontalScroll(page);
        Files.createDirectories(Paths.get("target"));
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Paths.get("target", "channels-form-phone.png"))
                .setFullPage(true));
        page.setViewportSize(1280, 900);

        page.getByLabel("Shop cipher", EXACT).fill("GCP_XF90igAAAABh00qsWgtvOiGFNqyubMt3");
        page.locator("#channel-form button[type=submit]").click();
        PlaywrightAssertions.assertThat(page.locator("#channel-form")).isHidden();
        Locator row = page.locator("#channels-table tr[data-channel-id='tts-1']");
        PlaywrightAssertions.assertThat(row).containsText("TikTok Shop");
        JsonNode created = root.get("/api/channels/tts-1").json();
        assertThat(created.path("webhookSecretSet").asBoolean()).isTrue();
        assertThat(created.path("appKey").asText()).isEqualTo("6abc123");

        // editing shows that the secret is set, never the secret; left empty it is kept
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit channel tts-1"))
                .click();
        PlaywrightAssertions.assertThat(page.locator("#cf-webhookSecret-set")).isVisible();
        PlaywrightAssertions.assertThat(page.locator("#cf-accessToken-set")).isVisible();
        PlaywrightAssertions.assertThat(page.locator("#cf-webhookSecret")).hasValue("");
        PlaywrightAssertions.assertThat(page.locator("#cf-channelId")).hasValue("tts-1");
        PlaywrightAssertions.assertThat(page.locator("#cf-kind")).isDisabled();
        page.getByLabel("Name", EXACT).fill("TikTok EU");
        page.getByLabel("Enabled", EXACT).uncheck();
        page.locator("#channel-form button[type=submit]").click();
        PlaywrightAssertions.assertThat(page.locator("#channel-form")).isHidden();
        PlaywrightAssertions.assertThat(row).containsText("TikTok EU");
        PlaywrightAssertions.assertThat(row.locator("td[data-field='enabled']")).hasText("disabled");
        JsonNode edited = root.get("/api/channels/tts-1").json();
        assertThat(edited.path("name").asText()).isEqualTo("TikTok EU");
        assertThat(edited.path("enabled").asBoolean()).isFalse();
        assertThat(edited.path("webhookSecretSet").asBoolean()).isTrue();
        assertThat(edited.path("accessTokenSet").asBoolean()).isTrue();
        assertNoSecret(page, secret);
    }

    /**
     * Sends Shopify's orders/create sample, signed as Shopify signs it, its first line for {@code missingSku} (which
     * does not exist) and its second for a SKU that does; returns the stored delivery's id.
     */
    private String sendOrderFor(String channelId, String shopifyOrderId, String missingSku) {
        String known = sku();
        assertThat(root.put("/api/inventory/" + known, Map.of("onHand", 20, "lowStockThreshold", 1))
                        .status())
                .isEqualTo(201);
        ApiClient.Response answer = new ChannelWebhooks(port)
                .shopify(
                        "m1",
                        channelId,
                        "orders/create",
                        UUID.randomUUID().toString(),
                        ChannelWebhooks.shopifyOrder("orders-create.json", shopifyOrderId, missingSku, known));
        assertThat(answer.status()).as("webhook answer %s", answer).isEqualTo(200);
        return answer.json().path("deliveryId").asText();
    }

    private static String sku() {
        return "CHAN-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private Page signedIn(String user, int width, int height) {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height));
        Page page = context.newPage();
        page.navigate("http://127.0.0.1:" + port + "/");
        page.locator("#login-username").fill(user);
        page.locator("#login-password").fill("secret");
        page.locator("#login-password").press("Enter");
        PlaywrightAssertions.assertThat(page.locator("#app-view")).isVisible();
        return page;
    }

    /** Through the header's link, as a user would. */
    private static void openChannels(Page page) {
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Channels").setExact(true))
                .click();
        PlaywrightAssertions.assertThat(page.locator("#channels-view")).isVisible();
        PlaywrightAssertions.assertThat(page.locator("#nav-channels")).hasAttribute("aria-current", "page");
        PlaywrightAssertions.assertThat(page.locator("#channels-table tbody tr").first())
                .isVisible();
    }

    private static void select(Page page, String channelId) {
        page.locator("#channels-table tr[data-channel-id='" + channelId + "'] a")
                .click();
        PlaywrightAssertions.assertThat(page.locator("#channel-detail")).isVisible();
        PlaywrightAssertions.assertThat(page.locator("#channels-table tr[data-channel-id='" + channelId + "'] a"))
                .hasAttribute("aria-current", "true");
    }

    private static void assertNoSecret(Page page) {
        assertNoSecret(page, ChannelWebhooks.SHOPIFY_SECRET);
    }

    /** Neither the markup, the text nor any field's value holds the secret. */
    private static void assertNoSecret(Page page, String secret) {
        assertThat(page.content()).doesNotContain(secret);
        assertThat(page.locator("body").innerText()).doesNotContain(secret);
        assertThat(page.evaluate("s => [...document.querySelectorAll('input')].some(i => i.value.includes(s))", secret))
                .isEqualTo(false);
    }

    private static void assertNoHorizontalScroll(Page page) {
        Number scrollWidth = (Number) page.evaluate("() => document.scrollingElement.scrollWidth");
        Object wide = page.evaluate("() => [...document.querySelectorAll('body *')]"
                + ".filter(e => e.getBoundingClientRect().right > 390 && !e.closest('.table-wrap'))"
                + ".slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.className)");
        assertThat(scrollWidth.intValue()).as("page width; too wide: %s", wide).isLessThanOrEqualTo(390);
    }

    private static Page.LocatorOptions hasText(String text) {
        return new Page.LocatorOptions().setHasText(text);
    }
}
