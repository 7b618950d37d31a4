package io.syncline.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * What a system spends: the application's CPU time, the benchmark process's, and its database's commits and rows
 * written (PostgreSQL's {@code pg_stat_database}), read at two moments; the figures are their differences.
 */
final class Cost {

    /** The counters at one moment. */
    record Sample(long nanoTime, long appCpuNanos, long benchCpuNanos, long commits, long rowsWritten) {}

    /** A window's figures per decided order. */
    record PerOrder(long orders, double appCpuMillis, double benchCpuMillis, double commits, double rowsWritten) {

        static PerOrder of(Sample before, Sample after, long orders) {
            if (orders <= 0) {
                return new PerOrder(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            return new PerOrder(
                    orders,
                    (after.appCpuNanos() - before.appCpuNanos()) / 1e6 / orders,
                    (after.benchCpuNanos() - before.benchCpuNanos()) / 1e6 / orders,
                    (double) (after.commits() - before.commits()) / orders,
                    (double) (after.rowsWritten() - before.rowsWritten()) / orders);
        }
    }

    /** What a system does with nothing to do: CPU as a share of one core, commits and rows per second. */
    record Idle(double seconds, double cpuPercentOfCore, double commitsPerSecond, double rowsPerSecond) {

        static Idle of(Sample before, Sample after) {
            double seconds = (after.nanoTime() - before.nanoTime()) / 1e9;
            return new Idle(
                    seconds,
                    100.0 * (after.appCpuNanos() - before.appCpuNanos()) / 1e9 / seconds,
                    (after.commits() - before.commits()) / seconds,
                    (after.rowsWritten() - before.rowsWritten()) / seconds);
        }
    }

    private final LongSupplier appCpuNanos;
    private final Databases databases;
    private final String database;

    /** {@code appCpuNanos}: the application's CPU time so far, however the system counts it. */
    Cost(LongSupplier appCpuNanos, Databases databases, String database) {
        this.appCpuNanos = appCpuNanos;
        this.databases = databases;
        this.database = database;
    }

    /** A process's CPU time so far (user and system, all its threads), 0 when the system does not tell. */
    static long processCpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    Sample sample() throws SQLException {
        // Read from the server's maintenance database, so the reads are not commits of the measured one
        try (Connection c = databases.connect("postgres")) {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                // the statistics are cached per transaction: start from what the server has now
                s.execute("SELECT pg_stat_clear_snapshot()");
            }
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT xact_commit, tup_inserted + tup_updated + tup_deleted FROM pg_stat_database"
                            + " WHERE datname = ?")) {
                q.setString(1, database);
                try (ResultSet rs = q.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("no statistics for database " + database);
                    }
                    return new Sample(
                            System.nanoTime(),
                            appCpuNanos.getAsLong(),
                            processCpuNanos(ProcessHandle.current()),
                            rs.getLong(1),
                            rs.getLong(2));
                }
            }
        }
    }

    /** Samples, waits {@code duration} and samples again. */
    Idle idle(Duration duration) throws SQLException, InterruptedException {
        Sample before = sample();
        Thread.sleep(duration.toMillis());
        return Idle.of(before, sample());
    }
}
