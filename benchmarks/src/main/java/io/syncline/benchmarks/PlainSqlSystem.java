package io.syncline.benchmarks;

import io.syncline.benchmarks.OrderMix.Line;
import io.syncline.benchmarks.OrderMix.Order;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * The baseline: one JDBC transaction per order on a table of stock counters, the way a single
 * service without events would do it. A conditional decrement per line, taken in SKU order so
 * concurrent orders cannot deadlock; any short line rolls the whole order back.
 */
final class PlainSqlSystem implements OrderSystem {

    private static final String SCHEMA =
            """
            CREATE TABLE stock (
                sku      varchar(64) PRIMARY KEY,
                on_hand  integer     NOT NULL
            );
            CREATE TABLE orders (
                id         uuid        PRIMARY KEY,
                status     varchar(16) NOT NULL,
                reason     varchar(80),
                created_at timestamp with time zone NOT NULL
            );
            CREATE TABLE order_lines (
                order_id uuid        NOT NULL REFERENCES orders (id),
                line_no  integer     NOT NULL,
                sku      varchar(64) NOT NULL REFERENCES stock (sku),
                quantity integer     NOT NULL,
                PRIMARY KEY (order_id, line_no)
            );
            """;

    private final BlockingQueue<Connection> pool;
    private final List<Connection> all = new ArrayList<>();
    private final Map<String, Long> supplied = new TreeMap<>();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    /** CPU time of the threads while in {@link #place}: the baseline's application is this code. */
    private final LongAdder workerCpuNanos = new LongAdder();

    /** A fixed pool: one connection per client, so no client ever waits for one. */
    PlainSqlSystem(Databases databases, String database, int connections) throws SQLException {
        pool = new ArrayBlockingQueue<>(connections);
        for (int i = 0; i < connections; i++) {
            Connection c = databases.connect(database);
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            all.add(c);
            pool.add(c);
        }
        Connection c = all.get(0);
        try (Statement s = c.createStatement()) {
            s.execute(SCHEMA);
        }
        c.commit();
    }

    @Override
    public String name() {
        return "Plain SQL";
    }

    @Override
    public void createStock(Map<String, Integer> onHand) throws SQLException {
        Connection c = all.get(0);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO stock (sku, on_hand) VALUES (?, ?)")) {
            for (var e : onHand.entrySet()) {
                insert.setString(1, e.getKey());
                insert.setInt(2, e.getValue());
                insert.addBatch();
                supplied.put(e.getKey(), (long) e.getValue());
            }
            insert.executeBatch();
        }
        c.commit();
    }

    /** The counter is what is left, so what was supplied grows by the new level minus the remainder. */
    @Override
    public void restock(Map<String, Integer> additional, Map<String, Long> soldSoFar) throws SQLException {
        Map<String, Long> before = onHand();
        Connection c = all.get(0);
        try (PreparedStatement update = c.prepareStatement("UPDATE stock SET on_hand = ? WHERE sku = ?")) {
            for (var e : additional.entrySet()) {
                update.setInt(1, e.getValue());
                update.setString(2, e.getKey());
                update.addBatch();
                supplied.merge(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L), Long::sum);
            }
            update.executeBatch();
        }
        c.commit();
    }

    /** The CPU time spent placing orders so far, summed over the threads that placed them. */
    long workerCpuNanos() {
        return workerCpuNanos.sum();
    }

    @Override
    public Placed place(Order order) {
        long cpu = threads.getCurrentThreadCpuTime();
        try {
            return placeTimed(order);
        } finally {
            workerCpuNanos.add(threads.getCurrentThreadCpuTime() - cpu);
        }
    }

    private Placed placeTimed(Order order) {
        Connection c;
        try {
            c = pool.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Placed.error("Interrupted: waiting for a connection");
        }
        try {
            return placeIn(c, order);
        } catch (SQLException e) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the connection is reported broken by the next use anyway
            }
            return Placed.error("SQLException: " + e.getSQLState() + " " + e.getMessage());
        } finally {
            pool.add(c);
        }
    }

    private static Placed placeIn(Connection c, Order order) throws SQLException {
        String id = order.reference().toString();
        insertOrder(c, order, "CONFIRMED", null);
        List<Line> sorted = new ArrayList<>(order.lines());
        sorted.sort(Comparator.comparing(Line::sku));
        try (PreparedStatement take =
                c.prepareStatement("UPDATE stock SET on_hand = on_hand - ? WHERE sku = ? AND on_hand >= ?")) {
            for (Line line : sorted) {
                take.setInt(1, line.quantity());
                take.setString(2, line.sku());
                take.setInt(3, line.quantity());
                if (take.executeUpdate() == 0) {
                    c.rollback();
                    String reason = "OUT_OF_STOCK:" + line.sku();
                    insertOrder(c, order, "REJECTED", reason);
                    c.commit();
                    return Placed.rejected(id, reason);
                }
            }
        }
        c.commit();
        return Placed.confirmed(id);
    }

    private static void insertOrder(Connection c, Order order, String status, String reason) throws SQLException {
        try (PreparedStatement o =
                c.prepareStatement("INSERT INTO orders (id, status, reason, created_at) VALUES (?, ?, ?, now())")) {
            o.setObject(1, order.reference());
            o.setString(2, status);
            o.setString(3, reason);
            o.executeUpdate();
        }
        try (PreparedStatement l =
                c.prepareStatement("INSERT INTO order_lines (order_id, line_no, sku, quantity) VALUES (?, ?, ?, ?)")) {
            int n = 0;
            for (Line line : order.lines()) {
                l.setObject(1, order.reference());
                l.setInt(2, ++n);
                l.setString(3, line.sku());
                l.setInt(4, line.quantity());
                l.addBatch();
            }
            l.executeBatch();
        }
    }

    /** Every answer is final here: a failed transaction left nothing behind. */
    @Override
    public void reconcile(PhaseResult phase) {
        phase.unknown += phase.unsettled.size();
        phase.unsettled.clear();
    }

    @Override
    public List<StockCheck.SkuLedger> ledger(Map<String, Long> confirmedUnits) throws SQLException {
        Map<String, Long> left = onHand();
        List<StockCheck.SkuLedger> ledger = new ArrayList<>();
        for (var e : supplied.entrySet()) {
            long remaining = left.getOrDefault(e.getKey(), 0L);
            // The counter is decremented on sale: sold = supplied - remaining
            ledger.add(new StockCheck.SkuLedger(
                    e.getKey(),
                    e.getValue(),
                    e.getValue(),
                    e.getValue() - remaining,
                    remaining,
                    confirmedUnits.getOrDefault(e.getKey(), 0L)));
        }
        return ledger;
    }

    private Map<String, Long> onHand() throws SQLException {
        Map<String, Long> levels = new TreeMap<>();
        Connection c = all.get(0);
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT sku, on_hand FROM stock")) {
            while (rs.next()) {
                levels.put(rs.getString(1), rs.getLong(2));
            }
        }
        c.commit();
        return levels;
    }

    @Override
    public void close() {
        for (Connection c : all) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing on the way out
            }
        }
    }
}
