package io.syncline.gateway.channels.shopify;

import static io.syncline.gateway.channels.shopify.ShopifyFixtures.SECRET;
import static io.syncline.gateway.channels.shopify.ShopifyFixtures.fixture;
import static io.syncline.gateway.channels.shopify.ShopifyFixtures.headers;
import static io.syncline.gateway.channels.shopify.ShopifyFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static org.assertj.core.api.InstanceOfAssertFactories.throwable;

import io.syncline.api.orders.OrderLine;
import io.syncline.gateway.channels.ChannelNotice;
import io.syncline.gateway.channels.ChannelNotice.Ignored;
import io.syncline.gateway.channels.ChannelNotice.OrderCancelled;
import io.syncline.gateway.channels.ChannelNotice.OrderCreated;
import io.syncline.gateway.channels.ChannelNotice.OrderShipped;
import io.syncline.gateway.channels.ChannelNotice.QuantityReported;
import io.syncline.gateway.channels.UnreadableDeliveryException;
import io.syncline.gateway.channels.WebhookDelivery;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShopifyWebhooksReadTest {

    @Test
    void readsASignedOrderIntoOneLinePerLineItem() {
        byte[] body = fixture("orders-create.json");
        WebhookDelivery delivery = ShopifyWebhooks.verify(body, headers("orders/create", body), SECRET)
                .orElseThrow();

        assertThat(ShopifyWebhooks.read(delivery))
                .isEqualTo(new OrderCreated(
                        "820982911946154508",
                        List.of(new OrderLine("IPOD2008PINK", 1), new OrderLine("IPOD2008RED", 2)),
                        Instant.parse("2022-01-01T00:00:02Z"),
                        Instant.parse("2022-01-01T00:00:00Z")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9007199254740993", "1234567890123456789", "9223372036854775807", "18446744073709551615"})
    void keepsOrderIdsBeyondWhatADoubleHoldsDigitForDigit(String id) {
        String body = "{\"id\": " + id + ", \"updated_at\": \"2024-10-02T08:59:11-05:00\","
                + " \"line_items\": [{\"id\": " + id + ", \"sku\": \"MUG\", \"quantity\": 1}]}";

        assertThat(((OrderCreated) read("orders/create", body)).channelOrderId())
                .isEqualTo(id);
        assertThat(((OrderShipped) read("orders/fulfilled", body)).channelOrderId())
                .isEqualTo(id);
    }

    @Test
    void aLineItemWithoutASkuMakesTheOrderUnreadable() {
        unreadable("orders/create", fixture("orders-create-custom-item.json"))
                .contains("order 820982911946154508, line item 141249953214522974 (Gift wrapping) has no SKU")
                .contains("cannot tell which stock to reserve");
        unreadable("orders/create", orderWithLine("{\"id\": 1, \"sku\": \" \", \"quantity\": 1}"))
                .contains("line item 1 has no SKU");
        unreadable("orders/create", orderWithLine("{\"quantity\": 1}")).contains("line item #1 has no SKU");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "1.5", "\"2\"", "null", "2147483648"})
    void aQuantityThatIsNotAPositiveWholeNumberIsUnreadable(String quantity) {
        unreadable("orders/create", orderWithLine("{\"id\": 7, \"sku\": \"MUG\", \"quantity\": " + quantity + "}"))
                .contains("line item 7 has quantity")
                .contains("must be a whole number of at least 1");
    }

    @Test
    void anOrderWithoutLineItemsIsUnreadable() {
        unreadable("orders/create", utf8("{\"id\": 5, \"updated_at\": \"2024-10-02T08:59:11-05:00\"}"))
                .contains("order 5 has no line_items");
        unreadable("orders/create", utf8("{\"id\": 5, \"line_items\": [], \"updated_at\": \"2024-10-02T08:59:11Z\"}"))
                .contains("order 5 has no line_items");
    }

    @Test
    void aBodyThatIsNotJsonIsUnreadable() {
        byte[] order = fixture("orders-create.json");

        unreadable("orders/create", Arrays.copyOf(order, order.length / 2)).startsWith("the body is not valid JSON");
        unreadable("orders/create", utf8("{\"id\": 5} trailing")).startsWith("the body is not valid JSON");
        unreadable("orders/create", utf8("{\"id\": 5, \"id\": 6}")).startsWith("the body is not valid JSON");
        unreadable("orders/cancelled", new byte[0]).contains("not a JSON object");
        unreadable("orders/fulfilled", utf8("[820982911946154508]")).contains("not a JSON object");
    }

    @Test
    void anOrderWithoutAUsableIdIsUnreadable() {
        unreadable("orders/create", orderWithout("\"id\": 820982911946154508,")).isEqualTo("the order has no id");
        unreadable("orders/cancelled", utf8("{\"id\": null}")).isEqualTo("the order has no id");
        for (String id : List.of("-5", "0", "1.5", "\"abc\"", "{}", "123456789012345678901")) {
            unreadable("orders/fulfilled", utf8("{\"id\": " + id + ", \"updated_at\": \"2024-10-02T08:59:11Z\"}"))
                    .contains("the order has id")
                    .contains("which is no Shopify id");
        }
    }

    @Test
    void anOrderWithoutAReadableUpdateTimeIsUnreadable() {
        unreadable("orders/fulfilled", utf8("{\"id\": 5}")).contains("order 5 has no updated_at");
        unreadable("orders/fulfilled", utf8("{\"id\": 5, \"updated_at\": \"2024-10-02 08:59\"}"))
                .contains("order 5 has updated_at \"2024-10-02 08:59\", which is not a timestamp");
    }

    @Test
    void readsACancellationWithItsReason() {
        assertThat(read("orders/cancelled", fixture("orders-cancelled.json")))
                .isEqualTo(new OrderCancelled("820982911946154508", "customer", Instant.parse("2022-01-01T00:00:03Z")));
        assertThat(read(
                        "orders/cancelled",
                        utf8("{\"id\": 5, \"cancel_reason\": null, \"updated_at\": \"2024-10-02T08:59:11Z\"}")))
                .isEqualTo(new OrderCancelled("5", null, Instant.parse("2024-10-02T08:59:11Z")));
    }

    @Test
    void anUpdatedOrderIsACancellationOnlyOnceCancelledAtIsSet() {
        assertThat(read("orders/updated", fixture("orders-cancelled.json")))
                .isEqualTo(new OrderCancelled("820982911946154508", "customer", Instant.parse("2022-01-01T00:00:03Z")));
        assertThat(read("orders/updated", fixture("orders-updated.json")))
                .isInstanceOfSatisfying(Ignored.class, ignored -> assertThat(ignored.why())
                        .contains("order 820982911946154508 without cancelled_at"));
    }

    @Test
    void readsAFulfilledOrderAsShipped() {
        assertThat(read("orders/fulfilled", fixture("orders-fulfilled.json")))
                .isEqualTo(new OrderShipped("450789469", Instant.parse("2024-10-02T13:59:11Z")));
    }

    @Test
    void reportsAnInventoryLevelUnderShopifysGraphqlIds() {
        assertThat(read("inventory_levels/update", fixture("inventory-levels-update.json")))
                .isEqualTo(new QuantityReported(
                        "gid://shopify/InventoryItem/271878346596884015",
                        "gid://shopify/Location/24826418",
                        6,
                        Instant.parse("2022-01-01T00:00:00Z")));
        assertThat(read("inventory_levels/update", fixture("inventory-level-string-ids.json")))
                .isEqualTo(new QuantityReported(
                        "gid://shopify/InventoryItem/808950810",
                        "gid://shopify/Location/655441491",
                        2,
                        Instant.parse("2024-10-02T13:56:04Z")));
    }

    @Test
    void anUntrackedItemIsIgnoredWithItsReason() {
        assertThat(read("inventory_levels/update", fixture("inventory-levels-update-untracked.json")))
                .isEqualTo(new Ignored("the inventory level of gid://shopify/InventoryItem/271878346596884015 at"
                        + " gid://shopify/Location/53716844710 is not tracked by Shopify (available is null)"));
    }

    @Test
    void reportsAnOversoldLevelAndRefusesAQuantityThatIsNoWholeNumber() {
        String level = "{\"inventory_item_id\": 9007199254740993, \"location_id\": 24826418, \"available\": %s,"
                + " \"updated_at\": \"2021-12-31T19:00:00-05:00\"}";

        assertThat(((QuantityReported) read("inventory_levels/update", level.formatted("-3"))).available())
                .isEqualTo(-3);
        assertThat(((QuantityReported) read("inventory_levels/update", level.formatted("-3"))).channelItemId())
                .isEqualTo("gid://shopify/InventoryItem/9007199254740993");
        unreadable("inventory_levels/update", utf8(level.formatted("2.5"))).contains("available 2.5");
        unreadable("inventory_levels/update", utf8("{\"inventory_item_id\": 1, \"location_id\": 2}"))
                .contains("has no available field");
        unreadable("inventory_levels/update", utf8("{\"location_id\": 2, \"available\": 1}"))
                .isEqualTo("the inventory level has no inventory_item_id");
    }

    @Test
    void ignoresOtherTopicsWithoutReadingTheirBody() {
        assertThat(read("products/update", utf8("not even JSON")))
                .isEqualTo(new Ignored("Shopify topic products/update is not one Syncline acts on"));
        assertThat(read("orders/paid", fixture("orders-create.json"))).isInstanceOf(Ignored.class);
    }

    private static ChannelNotice read(String topic, String body) {
        return read(topic, utf8(body));
    }

    private static ChannelNotice read(String topic, byte[] body) {
        return ShopifyWebhooks.read(new WebhookDelivery("event-1", topic, null, body));
    }

    private static AbstractStringAssert<?> unreadable(String topic, byte[] body) {
        return assertThatThrownBy(() -> read(topic, body))
                .asInstanceOf(throwable(UnreadableDeliveryException.class))
                .extracting(UnreadableDeliveryException::reason, STRING);
    }

    private static byte[] orderWithLine(String line) {
        return utf8("{\"id\": 820982911946154508, \"updated_at\": \"2021-12-31T19:00:02-05:00\", \"line_items\": ["
                + line + "]}");
    }

    private static byte[] orderWithout(String text) {
        String order = new String(fixture("orders-create.json"), StandardCharsets.UTF_8);
        assertThat(order).contains(text);
        return utf8(order.replace(text, ""));
    }
}
