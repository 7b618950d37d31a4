package io.syncline.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Order throughput of the standalone (its own JVM, on a fresh PostgreSQL database) next to the same
 * workload as plain JDBC transactions, with a zero-oversell check of both and what each order costs in CPU,
 * commits and rows. The jar's main: a first argument {@code stream}, {@code channels} or {@code store} selects
 * another benchmark. See benchmarks/README.md.
 */
public final class OrderBenchmark {

    /** Stock during the warm-up: enough that nothing is rejected while the rate is measured for sizing. */
    static final int WARMUP_STOCK = 1_000_000;

    private final BenchmarkOptions options;
    private final OrderMix mix;
    private final Databases databases;

    OrderBenchmark(BenchmarkOptions options) {
        this.options = options;
        this.mix = new OrderMix(OrderMix.skuNames(options.skus()));
        this.databases = options.app().databases();
    }

    public static void main(String[] args) {
        String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
        switch (args.length > 0 ? args[0] : "") {
            case "stream" -> StreamBenchmark.main(rest);
            case "channels" -> ChannelBenchmark.main(rest);
            case "store" -> StoreBenchmark.main(rest);
            case "buffers" -> BufferBenchmark.main(rest);
            default ->
                Cli.main(args, BenchmarkOptions.USAGE, BenchmarkOptions::parse, o -> new OrderBenchmark(o).run());
        }
    }

    /** 0 when every stock check passed, 1 otherwise. */
    int run() throws Exception {
        String load = options.openLoop()
                ? String.format(
                        Locale.ROOT, "open loop at %.0f orders/s (%d senders)", options.rate(), options.maxInFlight())
                : options.concurrency() + " clients";
        String header = String.format(
                Locale.ROOT,
                "Order throughput, %s: %s, %d SKUs, warm-up %d s, measured %d s, seed %d",
                Cli.machine(),
                load,
                options.skus(),
                options.warmup().toSeconds(),
                options.duration().toSeconds(),
                options.seed());
        Cli.log(header);
        List<SystemResult> results = new ArrayList<>();
        if (options.runSyncline()) {
            results.add(runSyncline());
        }
        if (options.runSql()) {
            results.add(runPlainSql());
        }
        ReportTable.print(System.out, header, results);
        return results.stream().allMatch(r -> r.verdict().pass()) ? 0 : 1;
    }

    private SystemResult runSyncline() throws Exception {
        try (SynclineRun run =
                SynclineRun.start(options.app(), "syncline-bench", options.app().appJvmOptions(), env -> {})) {
            SynclineProcess app = run.app();
            SynclineSystem syncline = new SynclineSystem(
                    app.baseUri(),
                    SynclineRun.USER,
                    run.password(),
                    options.channel(),
                    options.orderWait(),
                    options.settleTimeout());
            syncline.login();
            Cost cost = new Cost(
                    () -> ProcessHandle.of(app.pid()).map(Cost::processCpuNanos).orElse(0L), databases, run.database());
            SystemResult result = drive(syncline, cost, true);
            result = result.withAppLog(run.log().toString(), app.countErrorLines(), app.errorLines(10));
            run.clean(result.verdict().pass() && result.appErrorLines() == 0 && result.measured().errors == 0);
            return result;
        }
    }

    private SystemResult runPlainSql() throws Exception {
        String database = databases.create("plain_sql_bench");
        Cli.log("Plain SQL: database " + database + ", " + options.concurrency() + " connections");
        try (PlainSqlSystem sql = new PlainSqlSystem(databases, database, options.concurrency())) {
            return drive(sql, new Cost(sql::workerCpuNanos, databases, database), false);
        } finally {
            if (!options.app().keep()) {
                databases.drop(database);
            }
        }
    }

    /** Stock, idle, warm-up, stock for the window, the measured window with its costs, then the stock check. */
    private SystemResult drive(OrderSystem system, Cost cost, boolean idleFigures) throws Exception {
        boolean sizeFromWarmup =
                options.stockPerSku().isEmpty() && !options.warmup().isZero() && !options.openLoop();
        int sizedStock = StockCheck.stockPerSku(
                options.sizingRate() * OrderMix.MEAN_UNITS,
                options.duration().toSeconds(),
                options.skus(),
                options.stockRatio());
        int windowStock = options.stockPerSku().orElse(sizedStock);
        boolean restock = options.stockPerSku().isEmpty() && !options.warmup().isZero();
        system.createStock(levels(restock ? WARMUP_STOCK : windowStock));

        Cost.Idle idleBefore = null;
        if (idleFigures && !options.idle().isZero()) {
            Cli.log(system.name() + ": idle " + options.idle().toSeconds() + " s");
            idleBefore = cost.idle(options.idle());
        }

        Map<String, Long> sold = new TreeMap<>();
        PhaseResult warmup = null;
        if (!options.warmup().isZero()) {
            Cli.log(system.name() + ": warm-up " + options.warmup().toSeconds() + " s");
            warmup = LoadRun.run("warm-up", system, mix, options.concurrency(), options.warmup(), options.seed());
            system.reconcile(warmup);
            warmup.confirmedUnits.forEach((k, v) -> sold.merge(k, v, Long::sum));
            Cli.log(String.format(
                    Locale.ROOT,
                    "%s: warm-up %.1f orders/s, %d errors",
                    system.name(),
                    warmup.ordersPerSecond(),
                    warmup.errors));
            if (sizeFromWarmup) {
                windowStock = StockCheck.stockPerSku(
                        warmup.secondHalfUnitsPerSecond,
                        options.duration().toSeconds(),
                        options.skus(),
                        options.stockRatio());
            }
            if (restock) {
                system.restock(levels(windowStock), sold);
            }
        }
        Cli.log(system.name() + ": measuring " + options.duration().toSeconds() + " s, stock " + windowStock
                + " per SKU");
        Cost.Sample before = cost.sample();
        PhaseResult measured = options.openLoop()
                ? OpenLoopRun.run(
                        "measure",
                        system,
                        mix,
                        options.rate(),
                        options.duration(),
                        options.maxInFlight(),
                        options.seed())
                : LoadRun.run("measure", system, mix, options.concurrency(), options.duration(), options.seed());
        Cost.PerOrder perOrder = Cost.PerOrder.of(before, cost.sample(), measured.decided());
        system.reconcile(measured);
        measured.confirmedUnits.forEach((k, v) -> sold.merge(k, v, Long::sum));
        Cli.log(String.format(
                Locale.ROOT,
                "%s: %.1f orders/s, %d confirmed, %d rejected, %d errors; per order %.2f ms CPU, %.2f commits,"
                        + " %.2f rows",
                system.name(),
                measured.ordersPerSecond(),
                measured.confirmed,
                measured.rejected,
                measured.errors,
                perOrder.appCpuMillis(),
                perOrder.commits(),
                perOrder.rowsWritten()));

        StockCheck.Verdict verdict = settledVerdict(system, sold);
        Cli.log(system.name() + ": zero oversell " + verdict.word());
        Cost.Idle idleAfter = null;
        if (idleFigures && options.idleAfter() && !options.idle().isZero()) {
            Cli.log(system.name() + ": idle after the load " + options.idle().toSeconds() + " s");
            idleAfter = cost.idle(options.idle());
        }
        return new SystemResult(
                system.name(),
                warmup,
                measured,
                windowStock,
                verdict,
                perOrder,
                idleBefore,
                idleAfter,
                0,
                List.of(),
                null);
    }

    /** Read models follow the events: a failing check is read again until it passes or the time is up. */
    private StockCheck.Verdict settledVerdict(OrderSystem system, Map<String, Long> confirmed) throws Exception {
        long deadline = System.nanoTime() + options.settleTimeout().toNanos();
        StockCheck.Verdict verdict = StockCheck.check(system.ledger(confirmed));
        while (!verdict.pass() && System.nanoTime() < deadline) {
            Thread.sleep(500);
            verdict = StockCheck.check(system.ledger(confirmed));
        }
        return verdict;
    }

    private Map<String, Integer> levels(int perSku) {
        Map<String, Integer> levels = new TreeMap<>();
        mix.skus().forEach(s -> levels.put(s, perSku));
        return levels;
    }
}
