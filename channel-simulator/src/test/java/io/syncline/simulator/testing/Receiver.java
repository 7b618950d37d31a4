package io.syncline.simulator.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A webhook receiver on a random local port standing in for Syncline: it records every request exactly and
 * answers from a script (status codes, or no answer at all), 200 once the script is used up.
 */
public final class Receiver implements AutoCloseable {

    /** A request as received: its headers (any case) and raw body. */
    public record Received(Map<String, String> headers, byte[] body, Instant at) {
        public String header(String name) {
            return headers.get(name);
        }

        public String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** Never answer: hold the request until the receiver closes (the sender's timeout cuts it). */
    public static final int NO_ANSWER = -1;

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Queue<Integer> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<HttpExchange> held = new CopyOnWriteArrayList<>();

    public Receiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks");
    }

    /** The next answers, in order; 200 after them. */
    public Receiver answering(int... statuses) {
        for (int status : statuses) {
            script.add(status);
        }
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> topic(String topic) {
        return received.stream()
                .filter(r -> topic.equals(r.header("X-Shopify-Topic")))
                .toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
        byte[] body = exchange.getRequestBody().readAllBytes();
        received.add(new Received(headers, body, Instant.now()));
        Integer status = script.poll();
        if (status != null && status == NO_ANSWER) {
            held.add(exchange);
            return;
        }
        exchange.sendResponseHeaders(status == null ? 200 : status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        held.forEach(HttpExchange::close);
        threads.shutdownNow();
    }
}
