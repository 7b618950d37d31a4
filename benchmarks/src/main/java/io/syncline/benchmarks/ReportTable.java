package io.syncline.benchmarks;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The side-by-side table and the details under it. */
final class ReportTable {

    static final double TARGET_ORDERS_PER_SECOND = 250;

    private ReportTable() {}

    static void print(PrintStream out, String header, List<SystemResult> results) {
        out.println();
        out.println(header);
        out.println();
        StringBuilder head = new StringBuilder(String.format("%-30s", ""));
        results.forEach(r -> head.append(String.format("%14s", r.name())));
        out.println(head);
        boolean openLoop = results.stream().anyMatch(r -> r.measured().offeredRate > 0);
        row(out, results, "measured window (s)", r -> f1(r.measured().seconds()));
        if (openLoop) {
            row(out, results, "open loop: offered orders/s", r -> f1(r.measured().offeredRate));
            row(out, results, "  orders sent", r -> Long.toString(r.measured().sent));
            row(out, results, "  sent late (no sender free)", r -> Long.toString(r.measured().lateSends));
        }
        row(out, results, "orders decided", r -> Long.toString(r.measured().decided()));
        row(out, results, "orders/s", r -> f1(r.measured().ordersPerSecond()));
        row(out, results, "  confirmed", r -> Long.toString(r.measured().confirmed));
        row(out, results, "  rejected", r -> Long.toString(r.measured().rejected));
        row(out, results, "undecided after wait", r -> Long.toString(r.measured().undecided));
        row(out, results, "errors", r -> Long.toString(r.measured().errors));
        if (openLoop) {
            out.println("latency from when each order was due to its decided answer:");
        }
        row(out, results, "latency p50 (ms)", r -> f1(r.measured().percentileMillis(50)));
        row(out, results, "latency p90 (ms)", r -> f1(r.measured().percentileMillis(90)));
        row(out, results, "latency p99 (ms)", r -> f1(r.measured().percentileMillis(99)));
        row(out, results, "latency max (ms)", r -> f1(r.measured().maxMillis()));
        row(
                out,
                results,
                "warm-up orders/s",
                r -> r.warmup() == null ? "-" : f1(r.warmup().ordersPerSecond()));
        row(out, results, "stock per SKU (measured)", r -> Integer.toString(r.stockPerSku()));
        row(out, results, "zero oversell", r -> r.verdict().word());
        row(out, results, "app CPU ms / decided order", r -> f2(r.perOrder().appCpuMillis()));
        row(out, results, "db commits / decided order", r -> f2(r.perOrder().commits()));
        row(out, results, "db rows written / order", r -> f2(r.perOrder().rowsWritten()));
        row(out, results, "bench process CPU ms / order", r -> f2(r.perOrder().benchCpuMillis()));
        row(out, results, "idle before: CPU % of a core", r -> idle(r.idleBefore(), Cost.Idle::cpuPercentOfCore));
        row(out, results, "idle before: commits/s", r -> idle(r.idleBefore(), Cost.Idle::commitsPerSecond));
        row(out, results, "idle after: CPU % of a core", r -> idle(r.idleAfter(), Cost.Idle::cpuPercentOfCore));
        row(out, results, "idle after: commits/s", r -> idle(r.idleAfter(), Cost.Idle::commitsPerSecond));
        out.println();
        out.println("app CPU: Syncline's process (all its threads); plain SQL's worker threads while placing orders."
                + " Commits and rows: pg_stat_database of the system's database over the window (rows = inserted"
                + " + updated + deleted).");

        SystemResult syncline = find(results, "Syncline");
        SystemResult sql = find(results, "Plain SQL");
        if (syncline != null && sql != null && syncline.measured().ordersPerSecond() > 0) {
            out.printf(
                    Locale.ROOT,
                    "Syncline / plain SQL orders/s: %.1f%% (plain SQL / Syncline: %.1f)%n",
                    100 * throughputRatio(syncline, sql),
                    sql.measured().ordersPerSecond() / syncline.measured().ordersPerSecond());
        }
        if (syncline != null) {
            boolean met = syncline.measured().ordersPerSecond() >= TARGET_ORDERS_PER_SECOND
                    && syncline.verdict().pass()
                    && syncline.measured().errors == 0;
            out.printf(
                    Locale.ROOT,
                    "Target >= %.0f orders/s sustained with zero oversell (on 2 cores): %s "
                            + "(%.1f orders/s, oversell %s, %d errors; this machine: %d cores)%n",
                    TARGET_ORDERS_PER_SECOND,
                    met ? "MET" : "NOT MET",
                    syncline.measured().ordersPerSecond(),
                    syncline.verdict().word(),
                    syncline.measured().errors,
                    Runtime.getRuntime().availableProcessors());
        }
        results.forEach(r -> details(out, r));
    }

    private static void details(PrintStream out, SystemResult r) {
        out.println();
        out.println(r.name() + ":");
        PhaseResult m = r.measured();
        out.println("  rejection reasons: " + (m.rejectReasons.isEmpty() ? "none" : m.rejectReasons));
        if (m.errors > 0) {
            out.println("  errors by kind: " + m.errorKinds);
            m.errorSamples.forEach(s -> out.println("    " + s));
        }
        for (PhaseResult p : new PhaseResult[] {r.warmup(), m}) {
            if (p != null && (p.lateConfirmed + p.lateRejected + p.unknown) > 0) {
                out.printf(
                        Locale.ROOT,
                        "  %s decided after the load: %d confirmed, %d rejected, %d unknown%n",
                        p.name,
                        p.lateConfirmed,
                        p.lateRejected,
                        p.unknown);
            }
        }
        StockCheck.Verdict v = r.verdict();
        out.printf(
                Locale.ROOT,
                "  stock check %s over %d SKUs: %d units supplied, %d confirmed%n",
                v.word(),
                v.skus(),
                v.supplied(),
                v.confirmedUnits());
        v.failures().stream().limit(10).forEach(f -> out.println("    " + f));
        if (v.failures().size() > 10) {
            out.println("    … " + (v.failures().size() - 10) + " more");
        }
        if (r.appLog() != null) {
            out.println("  application log: " + r.appLog() + " (" + r.appErrorLines() + " ERROR lines)");
            r.appErrorSample().forEach(l -> out.println("    " + l));
        }
    }

    /** Syncline's orders/s as a share of the baseline's. */
    static double throughputRatio(SystemResult syncline, SystemResult sql) {
        double base = sql.measured().ordersPerSecond();
        return base == 0 ? Double.NaN : syncline.measured().ordersPerSecond() / base;
    }

    private static String idle(Cost.Idle idle, java.util.function.ToDoubleFunction<Cost.Idle> figure) {
        return idle == null ? "-" : f2(figure.applyAsDouble(idle));
    }

    private static String f2(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static SystemResult find(List<SystemResult> results, String name) {
        return results.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }

    private static void row(
            PrintStream out, List<SystemResult> results, String label, Function<SystemResult, String> cell) {
        StringBuilder line = new StringBuilder(String.format("%-30s", label));
        results.forEach(r -> line.append(String.format("%14s", cell.apply(r))));
        out.println(line);
    }

    private static String f1(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }
}
