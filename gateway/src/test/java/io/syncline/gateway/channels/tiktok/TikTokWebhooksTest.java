package io.syncline.gateway.channels.tiktok;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.syncline.gateway.channels.ChannelNotice.Ignored;
import io.syncline.gateway.channels.ChannelNotice.OrderCancelled;
import io.syncline.gateway.channels.ChannelNotice.OrderShipped;
import io.syncline.gateway.channels.WebhookDelivery;
import io.syncline.gateway.channels.tiktok.TikTokReading.Notice;
import io.syncline.gateway.channels.tiktok.TikTokReading.OrderToRead;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TikTokWebhooksTest {

    // the key, secret and signature of TikTok's Webhooks Overview example (see the fixtures' README)
    private static final String APP_KEY = "abcdef";
    private static final String APP_SECRET = "123";
    private static final String OFFICIAL_SIGNATURE = "5dec0f11ec2f6783b8deee53c9ffbf8d024302f7c7e7fa55a35d17629031ac05";

    @Test
    void verifiesTheDocumentedExample() {
        byte[] body = Fixtures.bytes("webhook-order-status-official.json");

        WebhookDelivery delivery = TikTokWebhooks.verify(
                        body, Map.of("Authorization", OFFICIAL_SIGNATURE), APP_KEY, APP_SECRET)
                .orElseThrow();

        assertThat(delivery.deliveryId()).isEqualTo("7380066284010030890");
        assertThat(delivery.topic()).isEqualTo("1");
        assertThat(delivery.sentAt()).isEqualTo(Instant.ofEpochSecond(1718305585));
        assertThat(delivery.body()).isEqualTo(body);
    }

    @Test
    void findsTheHeaderWhateverItsCase() {
        byte[] body = Fixtures.bytes("webhook-order-status-official.json");

        assertThat(TikTokWebhooks.verify(body, Map.of("authorization", OFFICIAL_SIGNATURE), APP_KEY, APP_SECRET))
                .isPresent();
    }

    @Test
    void refusesAWrongOrMissingSignature() {
        byte[] body = Fixtures.bytes("webhook-order-status-official.json");
        String wrong = OFFICIAL_SIGNATURE.substring(0, 63) + "6";

        assertThat(TikTokWebhooks.verify(body, Map.of("Authorization", wrong), APP_KEY, APP_SECRET))
                .isEmpty();
        assertThat(TikTokWebhooks.verify(body, Map.of("Authorization", "wrong signature"), APP_KEY, APP_SECRET))
                .isEmpty();
        assertThat(TikTokWebhooks.verify(body, Map.of(), APP_KEY, APP_SECRET)).isEmpty();
        assertThat(TikTokWebhooks.verify(body, Map.of("Authorization", OFFICIAL_SIGNATURE), "abcdeg", APP_SECRET))
                .isEmpty();
        assertThat(TikTokWebhooks.verify(body, Map.of("Authorization", OFFICIAL_SIGNATURE), APP_KEY, "124"))
                .isEmpty();
    }

    @Test
    void refusesTheSameJsonSerialisedAgain() throws Exception {
        ObjectMapper json = new ObjectMapper();
        byte[] reserialised = json.writerWithDefaultPrettyPrinter()
                .writeValueAsBytes(json.readTree(Fixtures.bytes("webhook-order-status-official.json")));

        assertThat(TikTokWebhooks.verify(
                        reserialised, Map.of("Authorization", OFFICIAL_SIGNATURE), APP_KEY, APP_SECRET))
                .isEmpty();
    }

    @Test
    void deDuplicatesOnTheNotificationId() {
        // TikTok redelivers a notification with the same tts_notification_id; the timestamp may differ
        String first = Fixtures.text("webhook-order-status-change.json");
        String again = first.replace("1664095733", "1664095799");

        assertThat(signedDelivery(again).deliveryId())
                .isEqualTo(signedDelivery(first).deliveryId())
                .isEqualTo("7380066284010030891");
        assertThat(signedDelivery(first.replace("7380066284010030891", "7380066284010030892"))
                        .deliveryId())
                .isEqualTo("7380066284010030892");
    }

    @Test
    void aSignedBodyThatIsNotTheEnvelopeIsAnError() {
        assertThatThrownBy(() -> signedDelivery("{\"type\":1}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tts_notification_id");
    }

    @Test
    void awaitingShipmentAsksForTheOrderToBeRead() {
        assertThat(TikTokWebhooks.read(signedDelivery(Fixtures.text("webhook-order-status-change.json"))))
                .isEqualTo(new OrderToRead("576684019603311365", Instant.ofEpochSecond(1664095610)));
    }

    @Test
    void cancelledIsACancellation() {
        TikTokReading reading = TikTokWebhooks.read(statusChange("CANCELLED"));

        assertThat(reading)
                .isEqualTo(new Notice(new OrderCancelled(
                        "576684019603311365", "cancelled on TikTok Shop", Instant.ofEpochSecond(1664095610))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"IN_TRANSIT", "DELIVERED", "COMPLETED"})
    void onTheWayOrDoneIsShipped(String status) {
        assertThat(TikTokWebhooks.read(statusChange(status)))
                .isEqualTo(new Notice(new OrderShipped("576684019603311365", Instant.ofEpochSecond(1664095610))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"UNPAID", "ON_HOLD", "AWAITING_COLLECTION", "PARTIALLY_SHIPPING"})
    void otherStatusesAreIgnored(String status) {
        assertThat(TikTokWebhooks.read(statusChange(status)))
                .isInstanceOfSatisfying(Notice.class, notice -> assertThat(notice.notice())
                        .isInstanceOfSatisfying(Ignored.class, ignored -> assertThat(ignored.why())
                                .contains(status)));
    }

    @Test
    void otherTypesAreIgnored() {
        WebhookDelivery delivery = signedDelivery(Fixtures.text("webhook-product-status.json"));

        assertThat(delivery.topic()).isEqualTo("5");
        assertThat(TikTokWebhooks.read(delivery))
                .isInstanceOfSatisfying(
                        Notice.class, notice -> assertThat(notice.notice()).isInstanceOf(Ignored.class));
    }

    @Test
    void keepsBigIdsExactlyWhetherStringsOrNumbers() {
        String body = "{\"type\":1,\"tts_notification_id\":73800662840100308901234,\"shop_id\":\"7495540735365777507\","
                + "\"timestamp\":1718305585,\"data\":{\"order_id\":576684019603311365,"
                + "\"order_status\":\"IN_TRANSIT\",\"update_time\":\"1718305585\"}}";
        WebhookDelivery delivery = signedDelivery(body);

        assertThat(delivery.deliveryId()).isEqualTo("73800662840100308901234");
        assertThat(TikTokWebhooks.read(delivery))
                .isEqualTo(new Notice(new OrderShipped("576684019603311365", Instant.ofEpochSecond(1718305585))));
        String longer = Fixtures.text("webhook-order-status-change.json")
                .replace("AWAITING_SHIPMENT", "COMPLETED")
                .replace("576684019603311365", "5766840196033113659");
        assertThat(TikTokWebhooks.read(signedDelivery(longer)))
                .isEqualTo(new Notice(new OrderShipped("5766840196033113659", Instant.ofEpochSecond(1664095610))));
    }

    private static WebhookDelivery statusChange(String status) {
        return signedDelivery(Fixtures.text("webhook-order-status-change.json").replace("AWAITING_SHIPMENT", status));
    }

    private static WebhookDelivery signedDelivery(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String signature = Fixtures.hmacHex(APP_SECRET, APP_KEY + body);
        return TikTokWebhooks.verify(bytes, Map.of("Authorization", signature), APP_KEY, APP_SECRET)
                .orElseThrow();
    }
}
