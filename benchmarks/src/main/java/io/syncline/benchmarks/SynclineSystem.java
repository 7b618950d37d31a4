package io.syncline.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.syncline.benchmarks.OrderMix.Order;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Syncline through its public HTTP API, as one OPERATOR user. */
final class SynclineSystem implements OrderSystem {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI base;
    private final String username;
    private final String password;
    private final String channel;
    private final Duration orderWait;
    private final Duration settleTimeout;
    private final Map<String, Long> supplied = new TreeMap<>();
    private volatile String token;

    SynclineSystem(
            URI base, String username, String password, String channel, Duration orderWait, Duration settleTimeout) {
        this.base = base;
        this.username = username;
        this.password = password;
        this.channel = channel;
        this.orderWait = orderWait;
        this.settleTimeout = settleTimeout;
    }

    @Override
    public String name() {
        return "Syncline";
    }

    void login() throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(
                json("POST", "/api/auth/token", Map.of("username", username, "password", password))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login as " + username + " failed: " + r.statusCode() + " " + r.body());
        }
        token = JSON.readTree(r.body()).path("accessToken").asText();
    }

    @Override
    public void createStock(Map<String, Integer> onHand) throws Exception {
        for (var e : onHand.entrySet()) {
            putStock(e.getKey(), e.getValue());
        }
    }

    /** On-hand is absolute and reservations stay: sold so far plus the new allowance. */
    @Override
    public void restock(Map<String, Integer> additional, Map<String, Long> soldSoFar) throws Exception {
        for (var e : additional.entrySet()) {
            putStock(e.getKey(), (int) (soldSoFar.getOrDefault(e.getKey(), 0L) + e.getValue()));
        }
    }

    private void putStock(String sku, int onHand) throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("onHand", onHand);
        body.put("lowStockThreshold", 0);
        body.put("name", "Benchmark item " + sku);
        HttpResponse<String> r = send(json("PUT", "/api/inventory/" + sku, body));
        if (r.statusCode() != 200 && r.statusCode() != 201) {
            throw new IllegalStateException(
                    "PUT /api/inventory/" + sku + " answered " + r.statusCode() + " " + r.body());
        }
        supplied.put(sku, (long) onHand);
    }

    @Override
    public Placed place(Order order) {
        try {
            HttpRequest.Builder request = json("POST", "/api/orders", body(order))
                    .header("Prefer", "wait=" + orderWait.toSeconds())
                    .timeout(orderWait.plusSeconds(30));
            return interpret(send(request));
        } catch (IOException e) {
            return Placed.error(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Placed.error("Interrupted: " + e.getMessage());
        }
    }

    private Map<String, Object> body(Order order) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (var l : order.lines()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("sku", l.sku());
            line.put("quantity", l.quantity());
            lines.add(line);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", channel);
        body.put("channelOrderId", order.reference().toString());
        body.put("lines", lines);
        return body;
    }

    private static Placed interpret(HttpResponse<String> r) throws IOException {
        if (r.statusCode() / 100 != 2) {
            return Placed.error("HTTP " + r.statusCode() + ": " + abbreviate(r.body()));
        }
        JsonNode json = JSON.readTree(r.body());
        String orderId = json.path("orderId").asText(null);
        String status = json.path("status").asText("");
        return switch (status) {
            case "CONFIRMED" -> Placed.confirmed(orderId);
            case "REJECTED" -> Placed.rejected(orderId, json.path("reason").asText(null));
            case "PENDING" -> Placed.undecided(orderId);
            default -> Placed.error("status " + status + ": " + abbreviate(r.body()));
        };
    }

    @Override
    public void reconcile(PhaseResult phase) throws Exception {
        long deadline = System.nanoTime() + settleTimeout.toNanos();
        for (PhaseResult.Unsettled u : phase.unsettled) {
            Placed fate;
            if (u.orderId() == null) {
                // The same channel order id is the same order: placing it again tells us what became of it
                fate = place(u.order());
            } else {
                fate = Placed.undecided(u.orderId());
            }
            while (fate.outcome() == Outcome.UNDECIDED && System.nanoTime() < deadline) {
                Thread.sleep(200);
                fate = status(fate.orderId());
            }
            switch (fate.outcome()) {
                case CONFIRMED -> {
                    phase.lateConfirmed++;
                    phase.addConfirmedUnits(u.order());
                }
                case REJECTED -> phase.lateRejected++;
                default -> phase.unknown++;
            }
        }
        phase.unsettled.clear();
    }

    /** The order's status; not yet visible or not reachable counts as still undecided. */
    private Placed status(String orderId) throws InterruptedException {
        try {
            HttpResponse<String> r = send(request("GET", "/api/orders/" + orderId));
            return r.statusCode() == 404 ? Placed.undecided(orderId) : interpret(r);
        } catch (IOException e) {
            return Placed.undecided(orderId);
        }
    }

    @Override
    public List<StockCheck.SkuLedger> ledger(Map<String, Long> confirmedUnits) throws Exception {
        List<StockCheck.SkuLedger> ledger = new ArrayList<>();
        for (var e : supplied.entrySet()) {
            HttpResponse<String> r = send(request("GET", "/api/inventory/" + e.getKey()));
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET /api/inventory/" + e.getKey() + " answered " + r.statusCode());
            }
            JsonNode level = JSON.readTree(r.body());
            ledger.add(new StockCheck.SkuLedger(
                    e.getKey(),
                    e.getValue(),
                    level.path("onHand").asLong(),
                    level.path("reserved").asLong(),
                    level.path("available").asLong(),
                    confirmedUnits.getOrDefault(e.getKey(), 0L)));
        }
        return ledger;
    }

    /** Sends with the current token; logs in again once if the token has expired. */
    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        String used = token;
        HttpResponse<String> r = http.send(
                request.setHeader("Authorization", "Bearer " + used).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 401) {
            relogin(used);
            r = http.send(
                    request.setHeader("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        return r;
    }

    private synchronized void relogin(String stale) throws IOException, InterruptedException {
        if (stale == null || stale.equals(token)) {
            login();
        }
    }

    private HttpRequest.Builder request(String method, String path) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
    }

    private HttpRequest.Builder json(String method, String path, Object body) throws IOException {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }

    private static String abbreviate(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ");
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
    }

    @Override
    public void close() {
        // the HTTP client holds no resources worth closing on Java 17
    }
}
