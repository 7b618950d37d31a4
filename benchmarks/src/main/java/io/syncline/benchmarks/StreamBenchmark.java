package io.syncline.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SSE fan-out of one standalone gateway: holds 1,000 then 5,000 clients on {@code /api/stream?topics=inventory},
 * changes one stock {@code --rate} times a second through the API (each change is one {@code stock.changed} for
 * every client) and prints delivered messages/s, delivery latency p50/p99 and heap per connection.
 */
public final class StreamBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER = SynclineRun.USER;
    /** Changes rotate over several items: commands on one aggregate queue behind its lock. */
    private static final int ITEMS = 10;

    private final StreamOptions options;
    private final HttpClient control = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final SseConnections streams;
    private final SseClient.Stats stats = new SseClient.Stats();
    private final AtomicInteger refused = new AtomicInteger();
    private URI base;
    private String token;

    StreamBenchmark(StreamOptions options) throws IOException {
        this.options = options;
        this.streams = new SseConnections(options.readerThreads());
    }

    public static void main(String[] args) {
        Cli.main(args, StreamOptions.USAGE, StreamOptions::parse, o -> new StreamBenchmark(o).run());
    }

    /** One phase's figures. */
    record Phase(
            int clients,
            int connected,
            double connectSeconds,
            long heapBytes,
            double heapPerConnection,
            long eventsSent,
            long failedChanges,
            long eventsSeen,
            long delivered,
            double seconds,
            double p50Ms,
            double p99Ms,
            double maxMs,
            int closed,
            double appCores,
            double clientCores) {

        double deliveredPerSecond() {
            return delivered / seconds;
        }

        /** Every event of the window (as seen by any client) to every client. */
        double expectedPerSecond() {
            return (double) eventsSeen * connected / seconds;
        }
    }

    int run() throws Exception {
        String header = String.format(
                Locale.ROOT,
                "SSE fan-out, %s: clients %s, %.0f events/s, warm-up %d s, measured %d s",
                Cli.machine(),
                options.clients(),
                options.eventsPerSecond(),
                options.warmup().toSeconds(),
                options.duration().toSeconds());
        log(header);
        int most = options.clients().get(options.clients().size() - 1);
        List<String> jvm = new ArrayList<>(options.app().appJvmOptions());
        // room for every client: Tomcat's connection cap and any stream caps of the gateway
        jvm.add("-Dserver.tomcat.max-connections=" + (most + 1000));
        jvm.add("-Dsyncline.stream.max-connections=" + (most + 1000));
        jvm.add("-Dsyncline.stream.max-connections-per-user=" + (most + 1000));
        List<Phase> phases = new ArrayList<>();
        try (SynclineRun run = SynclineRun.start(options.app(), "syncline-stream-bench", jvm, env -> {})) {
            SynclineProcess app = run.app();
            base = app.baseUri();
            login(run.password());
            for (int i = 0; i < ITEMS; i++) {
                putStock(sku(i), 1_000);
            }
            long baseline = heapAfterGc(app);
            log(String.format(Locale.ROOT, "heap with no clients %.1f MiB", baseline / 1048576.0));
            for (int clients : options.clients()) {
                phases.add(phase(app, clients, baseline));
            }
            print(header, phases, app);
            run.clean(app.countErrorLines() == 0);
            return phases.stream().allMatch(p -> p.connected() == p.clients()) ? 0 : 1;
        }
    }

    private Phase phase(SynclineProcess app, int clients, long baseline) throws Exception {
        long started = System.nanoTime();
        connectUpTo(clients);
        double connectSeconds = (System.nanoTime() - started) / 1e9;
        int connected = stats.open.get();
        log(String.format(
                Locale.ROOT,
                "%d clients: %d connected in %.1f s, %d refused",
                clients,
                connected,
                connectSeconds,
                refused.get()));
        long heap = heapAfterGc(app);
        double perConnection = connected == 0 ? 0 : (double) (heap - baseline) / connected;

        AtomicLong sent = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ScheduledExecutorService generator = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger level = new AtomicInteger(1_000);
        long periodMicros = (long) (1_000_000 / options.eventsPerSecond());
        generator.scheduleAtFixedRate(
                () -> control.sendAsync(stockRequest(level.incrementAndGet()), HttpResponse.BodyHandlers.discarding())
                        .whenComplete((r, e) -> {
                            if (e == null && r.statusCode() / 100 == 2) {
                                sent.incrementAndGet();
                            } else {
                                failed.incrementAndGet();
                            }
                        }),
                0,
                periodMicros,
                TimeUnit.MICROSECONDS);
        try {
            Thread.sleep(options.warmup().toMillis());
            int closedBefore = stats.closed.get();
            long startMicros = SseClient.nowMicros();
            long endMicros = startMicros
                    + TimeUnit.MILLISECONDS.toMicros(options.duration().toMillis());
            stats.window(startMicros, endMicros);
            long sentBefore = sent.get();
            long failedBefore = failed.get();
            long appCpuBefore = cpuNanos(ProcessHandle.of(app.pid()));
            long clientCpuBefore = cpuNanos(java.util.Optional.of(ProcessHandle.current()));
            Thread.sleep(options.duration().toMillis());
            long eventsSent = sent.get() - sentBefore;
            long failedChanges = failed.get() - failedBefore;
            double appCores = (cpuNanos(ProcessHandle.of(app.pid())) - appCpuBefore)
                    / (double) options.duration().toNanos();
            double clientCores = (cpuNanos(java.util.Optional.of(ProcessHandle.current())) - clientCpuBefore)
                    / (double) options.duration().toNanos();
            // the messages of the window's last events are still on their way
            Thread.sleep(2_000);
            double seconds = options.duration().toMillis() / 1000.0;
            var h = stats.latencyMicros.copy();
            Phase phase = new Phase(
                    clients,
                    connected,
                    connectSeconds,
                    heap - baseline,
                    perConnection,
                    eventsSent,
                    failedChanges,
                    stats.events.size(),
                    stats.delivered.sum(),
                    seconds,
                    h.getValueAtPercentile(50) / 1000.0,
                    h.getValueAtPercentile(99) / 1000.0,
                    h.getMaxValue() / 1000.0,
                    stats.closed.get() - closedBefore,
                    appCores,
                    clientCores);
            log(String.format(
                    Locale.ROOT,
                    "%d clients: %.0f msgs/s delivered (%.0f expected), p50 %.1f ms,"
                            + " p99 %.1f ms, %d failed stock changes, %d closed, CPU app %.2f / client %.2f cores",
                    clients,
                    phase.deliveredPerSecond(),
                    phase.expectedPerSecond(),
                    phase.p50Ms(),
                    phase.p99Ms(),
                    failedChanges,
                    phase.closed(),
                    appCores,
                    clientCores));
            return phase;
        } finally {
            generator.shutdownNow();
        }
    }

    /** Opens connections until {@code clients} are open, at most {@code --connect-concurrency} attempts at once. */
    private void connectUpTo(int clients) throws InterruptedException {
        Semaphore inFlight = new Semaphore(options.connectConcurrency());
        int toOpen = clients - stats.open.get();
        InetSocketAddress address = new InetSocketAddress(base.getHost(), base.getPort());
        String request = "GET /api/stream?topics=inventory HTTP/1.1\r\n"
                + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                + "Authorization: Bearer " + token + "\r\n"
                + "Accept: text/event-stream\r\n\r\n";
        for (int i = 0; i < toOpen; i++) {
            inFlight.acquire();
            streams.open(address, request, new SseClient(stats), status -> {
                if (status != 200) {
                    refused.incrementAndGet();
                }
                inFlight.release();
            });
        }
        inFlight.acquire(options.connectConcurrency());
        inFlight.release(options.connectConcurrency());
    }

    private static long cpuNanos(java.util.Optional<ProcessHandle> process) {
        return process.map(Cost::processCpuNanos).orElse(0L);
    }

    private void login(String password) throws IOException, InterruptedException {
        HttpResponse<String> r = control.send(
                json("POST", "/api/auth/token", Map.of("username", USER, "password", password))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + r.statusCode() + " " + r.body());
        }
        token = JSON.readTree(r.body()).path("accessToken").asText();
    }

    private void putStock(String sku, int onHand) throws IOException, InterruptedException {
        HttpResponse<String> r = control.send(stockRequest(sku, onHand), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    "PUT /api/inventory/" + sku + " answered " + r.statusCode() + " " + r.body());
        }
    }

    private static String sku(int i) {
        return String.format(Locale.ROOT, "STREAM-%04d", i + 1);
    }

    /** The n-th change: the next item gets a new on-hand. */
    private HttpRequest stockRequest(int n) {
        return stockRequest(sku(n % ITEMS), 1_000 + n);
    }

    private HttpRequest stockRequest(String sku, int onHand) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("onHand", onHand);
        body.put("lowStockThreshold", 0);
        body.put("name", "Stream benchmark item");
        return json("PUT", "/api/inventory/" + sku, body)
                .header("Authorization", "Bearer " + token)
                .build();
    }

    private HttpRequest.Builder json(String method, String path, Object body) {
        try {
            return HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Heap in use right after a full GC of the application (jcmd), so that garbage does not count. */
    private long heapAfterGc(SynclineProcess app) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (Files.isExecutable(jcmd)) {
            new ProcessBuilder(jcmd.toString(), Long.toString(app.pid()), "GC.run")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor(60, TimeUnit.SECONDS);
        } else {
            log("no jcmd at " + jcmd + ": heap figures include garbage");
        }
        Thread.sleep(500);
        HttpResponse<String> r = control.send(
                HttpRequest.newBuilder(base.resolve("/actuator/metrics/jvm.memory.used?tag=area:heap"))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("/actuator/metrics answered " + r.statusCode() + " " + r.body());
        }
        for (JsonNode m : JSON.readTree(r.body()).path("measurements")) {
            if ("VALUE".equals(m.path("statistic").asText())) {
                return m.path("value").asLong();
            }
        }
        throw new IllegalStateException("no heap figure in " + r.body());
    }

    private void print(String header, List<Phase> phases, SynclineProcess app) {
        System.out.println();
        System.out.println(header);
        System.out.println("| clients held | connect | events/s (changes ok / failed) | delivered msgs/s (expected)"
                + " | p50 | p99 | max | heap per connection | dropped | CPU cores app / client |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (Phase p : phases) {
            System.out.printf(
                    Locale.ROOT,
                    "| %d / %d | %.1f s | %.1f (%d / %d) | %.0f (%.0f) | %.1f ms | %.1f ms"
                            + " | %.1f ms | %.1f KiB | %d | %.2f / %.2f |%n",
                    p.connected(),
                    p.clients(),
                    p.connectSeconds(),
                    p.eventsSeen() / p.seconds(),
                    p.eventsSent(),
                    p.failedChanges(),
                    p.deliveredPerSecond(),
                    p.expectedPerSecond(),
                    p.p50Ms(),
                    p.p99Ms(),
                    p.maxMs(),
                    p.heapPerConnection() / 1024,
                    p.closed(),
                    p.appCores(),
                    p.clientCores());
        }
        System.out.println();
        System.out.println("application log: " + app.log() + ", " + app.countErrorLines() + " ERROR lines");
        app.errorLines(5).forEach(l -> System.out.println("  " + l));
    }

    private static void log(String message) {
        Cli.log(message);
    }
}
