package io.syncline.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The event store at scale, through the running standalone: (a) commands on a stock aggregate with a long history,
 * (b) order throughput with millions of stored events against an empty store, (c) how fast the tracking processors
 * read events appended at once. The events are written straight into the event table ({@link EventFill}). See
 * benchmarks/README.md.
 */
public final class StoreBenchmark {

    static final String BIG = "STORE-BIG";
    static final String SMALL = "STORE-SMALL";
    static final String REPLAY = "STORE-REPLAY";
    static final String FILL = "STORE-FILL";
    /** Direct reads of the long history, beside the commands. */
    static final int DIRECT_READS = 5;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StoreOptions options;
    private final OrderMix mix;

    StoreBenchmark(StoreOptions options) {
        this.options = options;
        this.mix = new OrderMix(OrderMix.skuNames(options.skus()));
    }

    public static void main(String[] args) {
        Cli.main(args, StoreOptions.USAGE, StoreOptions::parse, o -> new StoreBenchmark(o).run());
    }

    /** The figures of one run. */
    record Result(
            long aggregateEvents,
            long replayEvents,
            long fillEvents,
            double firstCommandMs,
            Histogram bigCommands,
            Histogram smallCommands,
            Histogram directReads,
            PhaseResult emptyStore,
            PhaseResult filledStore,
            double restartSeconds,
            double replayInsertSeconds,
            double replaySeconds) {}

    int run() throws Exception {
        String header = String.format(
                Locale.ROOT,
                "Store scale, %s: aggregate of %d events, %d commands, %d events to catch up, %d filled (%d each),"
                        + " %d clients, warm-up %d s, measured %d s",
                Cli.machine(),
                options.aggregateEvents(),
                options.loads(),
                options.replayEvents(),
                options.fillEvents(),
                options.fillPerAggregate(),
                options.concurrency(),
                options.warmup().toSeconds(),
                options.duration().toSeconds());
        Cli.log(header);
        try (SynclineRun run = SynclineRun.start(
                options.app(), "syncline-store-bench", options.app().appJvmOptions(), env -> {})) {
            JsonHttp api = new JsonHttp(run.app().baseUri(), SynclineRun.USER, run.password());
            api.login();
            for (String sku : List.of(BIG, SMALL, REPLAY)) {
                count(api, sku, 1);
            }
            awaitOnHand(api, REPLAY, 1);
            SynclineSystem orders = new SynclineSystem(
                    run.app().baseUri(),
                    SynclineRun.USER,
                    run.password(),
                    "web",
                    java.time.Duration.ofSeconds(30),
                    options.settleTimeout());
            orders.login();
            Map<String, Integer> stock = new TreeMap<>();
            mix.skus().forEach(s -> stock.put(s, OrderBenchmark.WARMUP_STOCK));
            orders.createStock(stock);
            PhaseResult empty = options.fillEvents() > 0 ? throughput(orders, "empty store") : null;

            // (c): one transaction of events for one stock, then wait until its read model shows the last
            long last = options.replayEvents() + 1;
            long t0 = System.nanoTime();
            try (Connection c = run.databases().connect(run.database())) {
                EventFill.append(c, REPLAY, 2, last);
            }
            long t1 = System.nanoTime();
            Cli.log("appended " + options.replayEvents() + " events; waiting for the stock-levels projection");
            awaitOnHand(api, REPLAY, last);
            long t2 = System.nanoTime();

            // (a) and (b): the long history and the fill are written while the application is stopped, and every
            // processor's token is moved to the head, so it starts after them instead of reading them all
            run.stop();
            try (Connection c = run.databases().connect(run.database())) {
                c.setAutoCommit(true);
                Cli.log("writing " + (options.aggregateEvents() - 2) + " events of " + BIG);
                EventFill.append(c, BIG, 2, options.aggregateEvents() - 1);
                if (options.fillEvents() > 0) {
                    EventFill.fill(c, FILL, options.fillEvents(), options.fillPerAggregate());
                }
                if (options.analyze()) {
                    Cli.log("VACUUM ANALYZE of the event table");
                    EventFill.analyze(c);
                }
                Cli.log("tokens moved to the head: " + EventFill.tokensToHead(c));
            }
            long t3 = System.nanoTime();
            run.restart();
            double restartSeconds = (System.nanoTime() - t3) / 1e9;
            api = new JsonHttp(run.app().baseUri(), SynclineRun.USER, run.password());
            api.login();

            long s = System.nanoTime();
            coldCount(api, BIG, (int) options.aggregateEvents());
            double first = (System.nanoTime() - s) / 1e6;
            Histogram big = commands(api, BIG, (int) options.aggregateEvents() + 1);
            Histogram small = commands(api, SMALL, 2);
            Histogram direct = PhaseResult.newHistogram();
            try (Connection c = run.databases().connect(run.database())) {
                for (int i = 0; i < DIRECT_READS; i++) {
                    direct.recordValue(readHistoryMicros(c, EventFill.MERCHANT + "/" + BIG));
                }
            }
            PhaseResult filled = options.fillEvents() > 0 ? throughput(orders, "filled store") : null;
            Result result = new Result(
                    options.aggregateEvents(),
                    options.replayEvents(),
                    options.fillEvents(),
                    first,
                    big,
                    small,
                    direct,
                    empty,
                    filled,
                    restartSeconds,
                    (t1 - t0) / 1e9,
                    (t2 - t1) / 1e9);
            print(System.out, header, result);
            run.clean(run.app().countErrorLines() == 0);
            if (run.app().countErrorLines() > 0) {
                Cli.log("ERROR lines in the application log: " + run.app().countErrorLines() + ", first: "
                        + run.app().errorLines(3));
            }
            return 0;
        }
    }

    private PhaseResult throughput(SynclineSystem orders, String name) throws Exception {
        if (!options.warmup().isZero()) {
            Cli.log(name + ": warm-up " + options.warmup().toSeconds() + " s");
            orders.reconcile(
                    LoadRun.run("warm-up", orders, mix, options.concurrency(), options.warmup(), options.seed()));
        }
        Cli.log(name + ": measuring " + options.duration().toSeconds() + " s");
        PhaseResult measured =
                LoadRun.run(name, orders, mix, options.concurrency(), options.duration(), options.seed());
        orders.reconcile(measured);
        Cli.log(String.format(Locale.ROOT, "%s: %.1f orders/s", name, measured.ordersPerSecond()));
        return measured;
    }

    /** A count of the stock, which loads its aggregate and appends one event. */
    private static void count(JsonHttp api, String sku, int onHand) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("onHand", onHand);
        body.put("lowStockThreshold", 0);
        body.put("name", "Store benchmark item " + sku);
        api.put("/api/inventory/" + sku, body);
    }

    /**
     * The first count of a long history may outlast the gateway's wait for the command (a 503 asking to retry) while
     * the aggregate still loads; it is sent again until answered, and timed from the first try.
     */
    private static void coldCount(JsonHttp api, String sku, int onHand) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                count(api, sku, onHand);
                return;
            } catch (IllegalStateException e) {
                if (attempt == 20 || !String.valueOf(e.getMessage()).contains("answered 503")) {
                    throw e;
                }
                Cli.log("first count of " + sku + " answered 503 (attempt " + attempt + "); sending it again");
            }
        }
    }

    /** {@link StoreOptions#loads()} counts one after the other, each timed. */
    private Histogram commands(JsonHttp api, String sku, int firstOnHand) throws Exception {
        Histogram h = PhaseResult.newHistogram();
        for (int i = 0; i < options.loads(); i++) {
            long s = System.nanoTime();
            count(api, sku, firstOnHand + i);
            h.recordValue((System.nanoTime() - s) / 1000);
        }
        return h;
    }

    private void awaitOnHand(JsonHttp api, String sku, long onHand) throws Exception {
        long deadline = System.nanoTime() + options.settleTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            JsonHttp.Response r = api.get("/api/inventory/" + sku);
            if (r.ok() && r.json().path("onHand").asLong() == onHand) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(sku + " did not show on-hand " + onHand + " within "
                + options.settleTimeout().toSeconds() + " s");
    }

    /** Reads an aggregate's events as the event store does (by sequence) and parses every payload. */
    static long readHistoryMicros(Connection c, String aggregate) throws Exception {
        long s = System.nanoTime();
        c.setAutoCommit(false);
        try (PreparedStatement q = c.prepareStatement("SELECT sequence_number, payload_type, payload, meta_data"
                + " FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number")) {
            q.setFetchSize(1000);
            q.setString(1, aggregate);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    JSON.readTree(rs.getBytes(3));
                    JSON.readTree(rs.getBytes(4));
                }
            }
        } finally {
            c.commit();
        }
        return (System.nanoTime() - s) / 1000;
    }

    static void print(PrintStream out, String header, Result r) {
        out.println();
        out.println(header);
        out.println();
        out.printf(
                Locale.ROOT,
                "(a) a stock aggregate with %d events, written into the store while the application was stopped:%n",
                r.aggregateEvents());
        out.printf(
                Locale.ROOT, "    first command after the restart (loads every event): %.1f ms%n", r.firstCommandMs());
        out.printf(
                Locale.ROOT,
                "    %d commands after it: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                r.bigCommands().getTotalCount(),
                ms(r.bigCommands(), 50),
                ms(r.bigCommands(), 99),
                r.bigCommands().getMaxValue() / 1000.0);
        out.printf(
                Locale.ROOT,
                "    the same on a stock with a short history: p50 %.1f ms, p99 %.1f ms%n",
                ms(r.smallCommands(), 50),
                ms(r.smallCommands(), 99));
        out.printf(
                Locale.ROOT,
                "    its events read and parsed straight from the table (JDBC, by the benchmark): p50 %.1f ms,"
                        + " max %.1f ms over %d reads%n",
                ms(r.directReads(), 50),
                r.directReads().getMaxValue() / 1000.0,
                r.directReads().getTotalCount());
        out.printf(
                Locale.ROOT,
                "    goal: a load in <= 5 ms p99; commands p99 %.1f ms (HTTP and the append included)%n",
                ms(r.bigCommands(), 99));
        if (r.emptyStore() != null && r.filledStore() != null) {
            double ratio = r.filledStore().ordersPerSecond() / r.emptyStore().ordersPerSecond();
            out.printf(
                    Locale.ROOT,
                    "(b) orders/s on an empty store %.1f (p50 %.0f ms, p99 %.0f ms), with %d more"
                            + " events in the store %.1f (p50 %.0f ms, p99 %.0f ms): %.0f%% (goal >= 80%%)%n",
                    r.emptyStore().ordersPerSecond(),
                    r.emptyStore().percentileMillis(50),
                    r.emptyStore().percentileMillis(99),
                    r.fillEvents(),
                    r.filledStore().ordersPerSecond(),
                    r.filledStore().percentileMillis(50),
                    r.filledStore().percentileMillis(99),
                    100 * ratio);
            out.printf(Locale.ROOT, "    start-up with the filled store: %.1f s%n", r.restartSeconds());
        } else {
            out.println("(b) skipped (--fill=0)");
        }
        out.printf(
                Locale.ROOT,
                "(c) events appended in one transaction (%.1f s to write) read by every tracking"
                        + " processor, the stock-levels projection showing the last after %.1f s: %.0f events/s"
                        + " (goal >= 5000)%n",
                r.replayInsertSeconds(),
                r.replaySeconds(),
                replayRate(r));
    }

    /** Events per second from the append's commit to the read model showing the last of them. */
    static double replayRate(Result r) {
        return r.replaySeconds() <= 0 ? Double.NaN : r.replayEvents() / r.replaySeconds();
    }

    private static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1000.0;
    }
}
