package io.syncline.simulator.webhooks;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The last 1000 delivery copies of one shop, oldest first. */
public final class DeliveryLog {

    private static final int KEPT = 1000;
    private final Deque<DeliveryRecord> records = new ArrayDeque<>();

    synchronized void add(DeliveryRecord record) {
        records.addLast(record);
        if (records.size() > KEPT) {
            records.removeFirst();
        }
    }

    public synchronized List<DeliveryRecord.View> views() {
        return records.stream().map(DeliveryRecord::view).toList();
    }
}
