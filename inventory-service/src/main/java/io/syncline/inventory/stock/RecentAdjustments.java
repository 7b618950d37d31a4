package io.syncline.inventory.stock;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The keys of a stock's recent adjustments, oldest first, so that an adjustment sent again after its sender's crash
 * (a conflict's resolution) has no second effect. Changed only while applying events, so a rebuild from events or
 * from a snapshot remembers the same.
 */
final class RecentAdjustments {

    /** A resend comes within minutes; the memory travels in every snapshot of the stock. */
    static final int CAPACITY = 200;

    private final LinkedHashSet<String> keys;

    RecentAdjustments() {
        this(List.of());
    }

    /** From a snapshot: the JSON array keeps the order, so the oldest still go first. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    RecentAdjustments(List<String> keys) {
        this.keys = new LinkedHashSet<>(keys);
    }

    @JsonValue
    List<String> keys() {
        return List.copyOf(keys);
    }

    boolean contains(String key) {
        return keys.contains(key);
    }

    void remember(String key) {
        keys.add(key);
        Iterator<String> oldest = keys.iterator();
        while (keys.size() > CAPACITY) {
            oldest.next();
            oldest.remove();
        }
    }
}
