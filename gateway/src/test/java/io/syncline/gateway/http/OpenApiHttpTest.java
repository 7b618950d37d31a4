package io.syncline.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class OpenApiHttpTest extends EdgeTest {

    @Test
    void describesEveryRouteWithItsProblems() {
        JsonNode api = anonymous.get("/v3/api-docs").json();
        JsonNode paths = api.path("paths");
        assertThat(paths.path("/api/auth/token").has("post")).isTrue();
        assertThat(paths.path("/api/inventory/{sku}").has("put")).isTrue();
        assertThat(paths.path("/api/inventory/{sku}").has("get")).isTrue();
        assertThat(paths.path("/api/inventory/{sku}/adjustments").has("post")).isTrue();
        assertThat(paths.path("/api/inventory/{sku}/history").has("get")).isTrue();
        assertThat(paths.path("/api/inventory/{sku}/insights").has("get")).isTrue();
        assertThat(paths.path("/api/insights/anomalies").has("get")).isTrue();
        assertThat(paths.path("/api/insights/cover").has("get")).isTrue();
        assertThat(paths.path("/api/inventory").has("get")).isTrue();
        assertThat(paths.path("/api/orders").has("post")).isTrue();
        assertThat(paths.path("/api/orders").has("get")).isTrue();
        assertThat(paths.path("/api/orders/{orderId}").has("get")).isTrue();
        assertThat(paths.path("/api/orders/{orderId}/cancellation").has("post")).isTrue();
        assertThat(paths.path("/api/orders/{orderId}/shipment").has("post")).isTrue();

        JsonNode place = paths.path("/api/orders").path("post");
        assertThat(place.path("responses").fieldNames())
                .toIterable()
                .contains("200", "201", "202", "400", "401", "403", "409", "413", "415", "422", "429", "500", "503");
        assertThat(place.path("responses").path("400").path("content").has("application/problem+json"))
                .isTrue();
        assertThat(place.path("parameters").findValuesAsText("name")).contains("Idempotency-Key", "Prefer");
        assertThat(paths.path("/api/orders/{orderId}")
                        .path("get")
                        .path("responses")
                        .has("404"))
                .isTrue();
        assertThat(paths.path("/api/orders/{orderId}")
                        .path("get")
                        .path("parameters")
                        .findValuesAsText("name"))
                .containsExactly("orderId");

        assertThat(api.path("components")
                        .path("securitySchemes")
                        .path("bearer")
                        .path("scheme")
                        .asText())
                .isEqualTo("bearer");
        assertThat(place.path("security").path(0).has("bearer")).isTrue();
        assertThat(paths.path("/api/inventory")
                        .path("get")
                        .path("security")
                        .path(0)
                        .has("bearer"))
                .isTrue();
        assertThat(paths.path("/api/auth/token").path("post").path("security")).isEmpty();
        assertThat(place.path("responses").path("202").path("content").has("application/json"))
                .isTrue();
        assertThat(api.path("components").path("schemas").has("Problem")).isTrue();
    }

    @Test
    void describesTheChannelRoutesAndTheOpenWebhooks() {
        JsonNode paths = anonymous.get("/v3/api-docs").json().path("paths");
        assertThat(paths.path("/api/channels").has("get")).isTrue();
        assertThat(paths.path("/api/channels/{channelId}").has("put")).isTrue();
        assertThat(paths.path("/api/channels/{channelId}/listings/{sku}").has("put"))
                .isTrue();
        assertThat(paths.path("/api/channels/{channelId}/listings").has("get")).isTrue();
        assertThat(paths.path("/api/channels/{channelId}/deliveries")
                        .path("get")
                        .path("parameters")
                        .findValuesAsText("name"))
                .contains("channelId", "status", "page", "size");
        assertThat(paths.path("/api/channels/{channelId}/deliveries/{deliveryId}/retry")
                        .path("post")
                        .path("responses")
                        .has("202"))
                .isTrue();
        for (String platform : new String[] {"shopify", "tiktok"}) {
            JsonNode hook = paths.path("/webhooks/" + platform + "/{merchantId}/{channelId}")
                    .path("post");
            assertThat(hook.path("responses").fieldNames()).toIterable().contains("200", "401", "404", "413");
            // signed by the channel, not authorised by a token
            assertThat(hook.path("security")).isEmpty();
        }
    }

    @Test
    void describesEveryConflictRoute() {
        JsonNode paths = anonymous.get("/v3/api-docs").json().path("paths");
        assertThat(paths.path("/api/conflicts").path("get").path("parameters").findValuesAsText("name"))
                .contains("status", "kind", "channel", "page", "size");
        assertThat(paths.path("/api/conflicts/{conflictId}").has("get")).isTrue();
        assertThat(paths.path("/api/conflicts/{conflictId}/resolution")
                        .path("post")
                        .path("responses")
                        .has("200"))
                .isTrue();
        assertThat(paths.path("/api/conflicts/rules").has("get")).isTrue();
        assertThat(paths.path("/api/conflicts/rules").has("put")).isTrue();
        assertThat(paths.path("/api/conflicts/rules/what-if").has("post")).isTrue();
        assertThat(paths.path("/api/conflicts/summary").has("get")).isTrue();
    }
}
