package io.syncline.simulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The JDK's HTTP server with the simulator's handling around it: bodies read whole (up to 1 MB), answers written
 * at once, later (a slow shop) or never (a shop that hangs), failures turned into problem answers.
 */
public final class HttpFront implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(HttpFront.class.getName());
    private static final int MAX_BODY = 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService threads;
    private final ScheduledExecutorService scheduler;
    private final Set<HttpExchange> held = ConcurrentHashMap.newKeySet();

    public HttpFront(String host, int port, ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 200);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
        }
        // handlers never block (delays and hangs are scheduled), so a few threads carry many shops
        threads = Executors.newFixedThreadPool(8, daemonThreads("simulator-http"));
        server.setExecutor(threads);
    }

    /** Requests whose path starts with {@code prefix} go to {@code handler}. */
    public void route(String prefix, Function<Request, Reply> handler) {
        server.createContext(prefix, exchange -> handle(exchange, handler));
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange, Function<Request, Reply> handler) {
        Reply reply;
        try {
            byte[] body = readBody(exchange.getRequestBody());
            if (body == null) {
                reply = Reply.problem(413, "the body is larger than 1 MB");
            } else {
                reply = handler.apply(request(exchange, body));
            }
        } catch (HttpProblem problem) {
            reply = problem.reply();
        } catch (RuntimeException | IOException e) {
            LOG.log(Level.WARNING, "failed to answer " + exchange.getRequestURI(), e);
            reply = Reply.problem(500, "the simulator failed: " + e);
        }
        dispatch(exchange, reply);
    }

    private void dispatch(HttpExchange exchange, Reply reply) {
        if (reply.hangFor() != null) {
            held.add(exchange);
            scheduler.schedule(() -> drop(exchange), reply.hangFor().toMillis(), TimeUnit.MILLISECONDS);
        } else if (reply.delay().isZero()) {
            write(exchange, reply);
        } else {
            held.add(exchange);
            scheduler.schedule(
                    () -> {
                        held.remove(exchange);
                        write(exchange, reply);
                    },
                    reply.delay().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private void drop(HttpExchange exchange) {
        held.remove(exchange);
        // no response was started, so closing the exchange closes the connection: the client sees it cut
        exchange.close();
    }

    private static void write(HttpExchange exchange, Reply reply) {
        try {
            reply.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            byte[] body = reply.body();
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(reply.status(), body.length == 0 || head ? -1 : body.length);
            if (body.length > 0 && !head) {
                exchange.getResponseBody().write(body);
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "the client went before its answer", e);
        } finally {
            exchange.close();
        }
    }

    private static Request request(HttpExchange exchange, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name, values.get(0));
            }
        });
        return new Request(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(),
                Request.query(exchange.getRequestURI()),
                headers,
                body);
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        return body.length > MAX_BODY ? null : body;
    }

    /** Daemon threads, so an embedding application's exit is never held up by a simulator left open. */
    public static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        server.stop(0);
        held.forEach(HttpExchange::close);
        held.clear();
        threads.shutdownNow();
    }
}
