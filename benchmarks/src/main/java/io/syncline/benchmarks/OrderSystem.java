package io.syncline.benchmarks;

import io.syncline.benchmarks.OrderMix.Order;
import java.util.List;
import java.util.Map;

/** A system under test: Syncline over HTTP, or the plain-SQL baseline. */
interface OrderSystem extends AutoCloseable {

    String name();

    /** Creates every SKU with the given stock. */
    void createStock(Map<String, Integer> onHand) throws Exception;

    /**
     * Makes {@code additional} units per SKU available for sale from now on, on top of what is
     * already sold; {@code soldSoFar} is what the responses so far say was confirmed.
     */
    void restock(Map<String, Integer> additional, Map<String, Long> soldSoFar) throws Exception;

    /** Places one order and waits for its decision. Never throws: failures are {@link Placed#error}. */
    Placed place(Order order);

    /** Settles what the load left undecided or unknown (late decisions), updating the phase's tallies. */
    void reconcile(PhaseResult phase) throws Exception;

    /** The stock as the system reports it now, next to what the responses say was confirmed. */
    List<StockCheck.SkuLedger> ledger(Map<String, Long> confirmedUnits) throws Exception;

    @Override
    void close();

    /** What one order attempt came back with. */
    record Placed(Outcome outcome, String orderId, String detail) {

        static Placed confirmed(String orderId) {
            return new Placed(Outcome.CONFIRMED, orderId, null);
        }

        static Placed rejected(String orderId, String reason) {
            return new Placed(Outcome.REJECTED, orderId, reason);
        }

        static Placed undecided(String orderId) {
            return new Placed(Outcome.UNDECIDED, orderId, null);
        }

        static Placed error(String detail) {
            return new Placed(Outcome.ERROR, null, detail);
        }
    }

    enum Outcome {
        CONFIRMED,
        REJECTED,
        /** Answered, but still PENDING when the wait ran out. */
        UNDECIDED,
        /** No usable answer: transport failure or an unexpected status. */
        ERROR
    }
}
