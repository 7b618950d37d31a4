package io.syncline.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Order throughput of the standalone (its own JVM, on a fresh PostgreSQL database) next to the same
 * workload as plain JDBC transactions, with a zero-oversell check of both. See benchmarks/README.md.
 */
public final class OrderBenchmark {

    /** Stock during the warm-up: enough that nothing is rejected while the rate is measured for sizing. */
    static final int WARMUP_STOCK = 1_000_000;

    static final String USER = "bench";

    private final BenchmarkOptions options;
    private final OrderMix mix;
    private final Databases databases;

    OrderBenchmark(BenchmarkOptions options) {
        this.options = options;
        this.mix = new OrderMix(OrderMix.skuNames(options.skus()));
        this.databases = new Databases(options.pgServer(), options.pgUser(), options.pgPassword());
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("stream")) {
            StreamBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("channels")) {
            ChannelBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (BenchmarkOptions.wantsHelp(args)) {
            System.out.print(BenchmarkOptions.USAGE);
            return;
        }
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(BenchmarkOptions.USAGE);
            System.exit(2);
            return;
        }
        int code;
        try {
            code = new OrderBenchmark(options).run();
        } catch (IllegalStateException e) {
            System.err.println("[bench] failed: " + e.getMessage());
            code = 2;
        } catch (Exception e) {
            System.err.println("[bench] failed: " + e);
            e.printStackTrace();
            code = 2;
        }
        System.exit(code);
    }

    /** 0 when every stock check passed, 1 otherwise. */
    int run() throws Exception {
        String header = String.format(
                Locale.ROOT,
                "Order throughput, %s, %d cores, Java %s: %d clients, %d SKUs, warm-up %d s, measured %d s, seed %d",
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                options.concurrency(),
                options.skus(),
                options.warmup().toSeconds(),
                options.duration().toSeconds(),
                options.seed());
        log(header);
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
        if (!Files.isRegularFile(options.jar())) {
            throw new IllegalStateException("no standalone jar at "
                    + options.jar().toAbsolutePath() + " (build it with ./mvnw -DskipTests package, or pass --jar)");
        }
        String database = databases.create("syncline_bench");
        Path temp = Files.createTempDirectory("syncline-bench-");
        Path log = temp.resolve("syncline.log");
        int port = SynclineProcess.freePort();
        String password = UUID.randomUUID().toString();
        Map<String, String> env =
                SynclineProcess.environment(databases, database, port, temp.resolve("data"), USER, password);
        log("Syncline: database " + database + ", port " + port + ", log " + log);
        boolean clean = false;
        // A private copy: a rebuild of the standalone during the run must not pull the jar from under it
        Path jar = Files.copy(options.jar(), temp.resolve("syncline.jar"));
        try (SynclineProcess app = SynclineProcess.start(jar, options.appJvmOptions(), env, log, port)) {
            long started = System.nanoTime();
            app.awaitReady(options.startupTimeout());
            log(String.format(Locale.ROOT, "Syncline: ready after %.1f s", (System.nanoTime() - started) / 1e9));
            SynclineSystem syncline = new SynclineSystem(
                    app.baseUri(), USER, password, options.channel(), options.orderWait(), options.settleTimeout());
            syncline.login();
            SystemResult result = drive(syncline);
            result = result.withAppLog(log.toString(), app.countErrorLines(), app.errorLines(10));
            clean = result.verdict().pass() && result.appErrorLines() == 0 && result.measured().errors == 0;
            return result;
        } finally {
            Files.deleteIfExists(temp.resolve("syncline.jar"));
            if (!options.keep()) {
                databases.drop(database);
            }
            if (clean && !options.keep()) {
                deleteTree(temp);
            } else {
                log("Syncline: kept " + temp);
            }
        }
    }

    private SystemResult runPlainSql() throws Exception {
        String database = databases.create("plain_sql_bench");
        log("Plain SQL: database " + database + ", " + options.concurrency() + " connections");
        try (PlainSqlSystem sql = new PlainSqlSystem(databases, database, options.concurrency())) {
            return drive(sql);
        } finally {
            if (!options.keep()) {
                databases.drop(database);
            }
        }
    }

    /** Stock, warm-up, stock for the window, the measured window, then the stock check. */
    private SystemResult drive(OrderSystem system) throws Exception {
        boolean sizeFromWarmup =
                options.stockPerSku().isEmpty() && !options.warmup().isZero();
        int windowStock = options.stockPerSku()
                .orElseGet(() -> StockCheck.stockPerSku(
                        options.expectedRate() * OrderMix.MEAN_UNITS,
                        options.duration().toSeconds(),
                        options.skus(),
                        options.stockRatio()));
        system.createStock(levels(sizeFromWarmup ? WARMUP_STOCK : windowStock));

        Map<String, Long> sold = new TreeMap<>();
        PhaseResult warmup = null;
        if (!options.warmup().isZero()) {
            log(system.name() + ": warm-up " + options.warmup().toSeconds() + " s");
            warmup = LoadRun.run("warm-up", system, mix, options.concurrency(), options.warmup(), options.seed());
            system.reconcile(warmup);
            warmup.confirmedUnits.forEach((k, v) -> sold.merge(k, v, Long::sum));
            log(String.format(
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
                system.restock(levels(windowStock), sold);
            }
        }
        log(system.name() + ": measuring " + options.duration().toSeconds() + " s, stock " + windowStock + " per SKU");
        PhaseResult measured =
                LoadRun.run("measure", system, mix, options.concurrency(), options.duration(), options.seed());
        system.reconcile(measured);
        measured.confirmedUnits.forEach((k, v) -> sold.merge(k, v, Long::sum));
        log(String.format(
                Locale.ROOT,
                "%s: %.1f orders/s, %d confirmed, %d rejected, %d errors",
                system.name(),
                measured.ordersPerSecond(),
                measured.confirmed,
                measured.rejected,
                measured.errors));

        StockCheck.Verdict verdict = settledVerdict(system, sold);
        log(system.name() + ": zero oversell " + verdict.word());
        return new SystemResult(system.name(), warmup, measured, windowStock, verdict, 0, List.of(), null);
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

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log("could not delete " + root + ": " + e.getMessage());
        }
    }

    private static void log(String message) {
        System.out.println(
                "[bench " + LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "] " + message);
    }
}
