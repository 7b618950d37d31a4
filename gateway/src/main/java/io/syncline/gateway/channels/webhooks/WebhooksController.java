package io.syncline.gateway.channels.webhooks;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.syncline.gateway.correlation.CorrelationIds;
import io.syncline.gateway.web.ApiException;
import io.syncline.gateway.web.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The channels' webhook endpoints. Open (the platforms carry no token): the channel's signature over the
 * raw bytes is what authenticates a delivery.
 */
@RestController
@RequestMapping("/webhooks")
@Tag(name = "Webhooks", description = "Deliveries from the sales platforms, signed with the channel's secret")
@SecurityRequirements
public class WebhooksController {

    private final WebhookIntake intake;
    private final long maxBodySize;

    WebhooksController(WebhookIntake intake, DeliveryProperties properties) {
        this.intake = intake;
        this.maxBodySize = properties.maxBodySize().toBytes();
    }

    @PostMapping("/shopify/{merchantId}/{channelId}")
    @Operation(
            summary = "A Shopify webhook delivery",
            description = "Signed by X-Shopify-Hmac-Sha256 (base64 HMAC-SHA256 of the raw body with the channel's"
                    + " webhookSecret). Topics acted on: orders/create, orders/cancelled, orders/updated (with"
                    + " cancelled_at), orders/fulfilled, inventory_levels/update; others are recorded and ignored."
                    + " Stored before it is answered and processed afterwards; a copy seen before has no effect.",
            requestBody =
                    @RequestBody(
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            schema =
                                                    @Schema(
                                                            type = "object",
                                                            description = "Shopify's REST resource for the topic"))))
    @ApiResponse(responseCode = "200", description = "Stored (or seen before)")
    @ApiResponse(responseCode = "401", description = "Signature missing or wrong; nothing is recorded")
    @ApiResponse(responseCode = "404", description = "No such Shopify channel, or it is disabled")
    @ApiResponse(responseCode = "413", description = "Body over the limit (1 MB by default)")
    public Map<String, Object> shopify(
            @Parameter(description = "The merchant the channel belongs to") @PathVariable String merchantId,
            @PathVariable String channelId,
            HttpServletRequest request)
            throws IOException {
        byte[] body = body(request);
        return answer(intake.shopify(merchantId, channelId, body, headers(request), CorrelationIds.of(request)));
    }

    @PostMapping("/tiktok/{merchantId}/{channelId}")
    @Operation(
            summary = "A TikTok Shop webhook delivery",
            description = "Signed by Authorization (lowercase hex HMAC-SHA256 of appKey + raw body with the"
                    + " channel's webhookSecret, the app secret). Type 1 (order status change) is acted on; other"
                    + " types are recorded and ignored. De-duplicated on tts_notification_id.",
            requestBody =
                    @RequestBody(
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            schema =
                                                    @Schema(
                                                            type = "object",
                                                            description =
                                                                    "{\"type\", \"tts_notification_id\", \"shop_id\", \"timestamp\", \"data\"}"))))
    @ApiResponse(responseCode = "200", description = "Stored (or seen before)")
    @ApiResponse(responseCode = "401", description = "Signature missing or wrong; nothing is recorded")
    @ApiResponse(responseCode = "404", description = "No such TikTok Shop channel, or it is disabled")
    @ApiResponse(responseCode = "413", description = "Body over the limit (1 MB by default)")
    public Map<String, Object> tiktok(
            @Parameter(description = "The merchant the channel belongs to") @PathVariable String merchantId,
            @PathVariable String channelId,
            HttpServletRequest request)
            throws IOException {
        byte[] body = body(request);
        return answer(intake.tiktok(merchantId, channelId, body, headers(request), CorrelationIds.of(request)));
    }

    private static Map<String, Object> answer(WebhookIntake.Receipt receipt) {
        return Map.of("deliveryId", receipt.deliveryId(), "duplicate", receipt.duplicate());
    }

    /** The raw bytes as sent: the signature is over them, so nothing may parse or re-encode them first. */
    private byte[] body(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBodySize) {
            throw tooLarge();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = request.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (out.size() + n > maxBodySize) {
                    throw tooLarge();
                }
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }

    private ApiException tooLarge() {
        return new ApiException(
                ProblemType.PAYLOAD_TOO_LARGE, "A delivery's body may be at most " + maxBodySize + " bytes");
    }

    private static Map<String, String> headers(HttpServletRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, request.getHeader(name));
        }
        return headers;
    }
}
