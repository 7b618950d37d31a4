package io.syncline.gateway.channels.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * TikTok Shop's Order Detail endpoint on a random local port. Like TikTok, it recomputes each request's
 * signature from the path, query and body it received, and refuses what does not match.
 */
public final class TikTokApiStub implements AutoCloseable {

    /** One canned reply. */
    public record Answer(int status, String body, Duration delay) {
        public static Answer of(int status, String body) {
            return new Answer(status, body, Duration.ZERO);
        }
    }

    private final String appKey;
    private final String appSecret;
    private final String accessToken;
    private final String shopCipher;
    private final Long timestamp;
    private final HttpServer server;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final List<Map<String, String>> queries = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final Answer otherwise = Answer.of(200, ChannelFixtures.text("tiktok/order-detail-202309.json"));

    /**
     * @param timestamp the only request timestamp taken; null takes any within five minutes of now, as TikTok
     *                  does
     */
    public TikTokApiStub(String appKey, String appSecret, String accessToken, String shopCipher, Long timestamp) {
        this.appKey = appKey;
        this.appSecret = appSecret;
        this.accessToken = accessToken;
        this.shopCipher = shopCipher;
        this.timestamp = timestamp;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Replies in this order; after them, the order detail fixture. */
    public TikTokApiStub answering(Answer... replies) {
        answers.addAll(List.of(replies));
        return this;
    }

    public List<Map<String, String>> queries() {
        return queries;
    }

    public List<String> problems() {
        return problems;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            queries.add(query);
            String problem = problem(exchange, query, body);
            Answer answer =
                    problem != null ? Answer.of(401, ChannelFixtures.text("tiktok/error-invalid-sign.json")) : next();
            if (problem != null) {
                problems.add(problem);
            }
            Thread.sleep(answer.delay().toMillis());
            byte[] reply = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), reply.length);
            exchange.getResponseBody().write(reply);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private Answer next() {
        Answer answer = answers.poll();
        return answer != null ? answer : otherwise;
    }

    private String problem(HttpExchange exchange, Map<String, String> query, byte[] body) {
        String path = exchange.getRequestURI().getRawPath();
        if (!exchange.getRequestMethod().equals("GET") || !path.equals("/order/202309/orders")) {
            return "unexpected " + exchange.getRequestMethod() + " " + path;
        }
        if (!appKey.equals(query.get("app_key")) || !shopCipher.equals(query.get("shop_cipher"))) {
            return "app_key or shop_cipher missing or wrong: " + query;
        }
        if (!timely(query.get("timestamp"))) {
            return "timestamp missing or not the clock's: " + query.get("timestamp");
        }
        if (query.get("ids") == null
                || !accessToken.equals(exchange.getRequestHeaders().getFirst("x-tts-access-token"))) {
            return "no ids, or x-tts-access-token missing or wrong";
        }
        // TikTok's recipe, written out again here: secret + path + sorted name-value pairs + body + secret
        StringBuilder signed = new StringBuilder(appSecret).append(path);
        new TreeMap<>(query).forEach((name, value) -> {
            if (!name.equals("sign") && !name.equals("access_token")) {
                signed.append(name).append(value);
            }
        });
        signed.append(new String(body, StandardCharsets.UTF_8)).append(appSecret);
        String expected = ChannelFixtures.hmacHex(appSecret, signed.toString());
        return expected.equals(query.get("sign")) ? null : "sign " + query.get("sign") + ", expected " + expected;
    }

    private boolean timely(String given) {
        if (timestamp != null) {
            return String.valueOf(timestamp).equals(given);
        }
        try {
            return Math.abs(Instant.now().getEpochSecond() - Long.parseLong(given)) <= 300;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new TreeMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                query.put(decode(name), decode(value));
            }
        }
        return query;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            threads.shutdownNow();
        }
    }
}
