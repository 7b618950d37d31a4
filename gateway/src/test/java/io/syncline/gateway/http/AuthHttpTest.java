package io.syncline.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncline.platform.test.ApiClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthHttpTest extends EdgeTest {

    @Test
    void issuesBearerTokens() {
        ApiClient.Response r = anonymous.post("/api/auth/token", "{\"username\":\"alice\",\"password\":\"secret\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("tokenType").asText()).isEqualTo("Bearer");
        assertThat(r.json().path("expiresIn").asLong()).isEqualTo(3600);
        assertThat(r.json().path("accessToken").asText()).contains(".");
        assertThat(r.header("cache-control")).contains("no-store");
    }

    @Test
    void refusesWrongPasswordAndUnknownUser() {
        ApiClient.Response wrong = anonymous.post("/api/auth/token", "{\"username\":\"alice\",\"password\":\"nope\"}");
        assertProblem(wrong, 401);
        assertThat(wrong.header("www-authenticate")).startsWith("Bearer");
        assertProblem(anonymous.post("/api/auth/token", "{\"username\":\"mallory\",\"password\":\"secret\"}"), 401);
    }

    @Test
    void validatesTheCredentialsBody() {
        assertValidation(anonymous.post("/api/auth/token", "{\"username\":\"alice\"}"), "password");
        assertProblem(anonymous.post("/api/auth/token", "{"), 400);
        assertProblem(anonymous.send("POST", "/api/auth/token", (String) null, Map.of()), 400);
    }

    @Test
    void requiresATokenForTheApi() {
        ApiClient.Response none = anonymous.get("/api/orders");
        assertProblem(none, 401);
        assertThat(none.header("www-authenticate")).startsWith("Bearer");
        assertProblem(anonymous.withToken("not.a.token").get("/api/orders"), 401);
        assertProblem(anonymous.withToken(tamper(alice.token())).get("/api/orders"), 401);
    }

    @Test
    void letsViewersReadButNotWrite() {
        assertThat(vera.get("/api/orders").status()).isEqualTo(200);
        assertProblem(vera.post("/api/orders", "{}"), 403);
        assertProblem(vera.put("/api/inventory/sku-1", "{\"onHand\":1,\"lowStockThreshold\":0}"), 403);
    }

    @Test
    void letsAdminsDoWhatOperatorsDo() {
        ApiClient root = login("root");
        String sku = unique("root");
        assertThat(root.put("/api/inventory/" + sku, "{\"onHand\":1,\"lowStockThreshold\":0}")
                        .status())
                .isEqualTo(201);
    }

    @Test
    void leavesHealthAndDocsOpen() {
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(anonymous.get("/swagger-ui.html").status()).isIn(200, 302);
    }

    /** The token with its payload changed to claim another merchant: the signature no longer matches. */
    private static String tamper(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"m1\"");
        String forged = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.replace("\"m1\"", "\"m2\"").getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + forged + "." + parts[2];
    }
}
