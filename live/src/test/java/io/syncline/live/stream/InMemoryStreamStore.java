package io.syncline.live.stream;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/** A stream store in memory, handing out ids like the table: increasing, with gaps where asked. */
class InMemoryStreamStore implements StreamStore {

    private final List<StreamMessage> rows = new ArrayList<>();
    private long nextId = 1;
    private long purgedUpTo;
    private Instant now = Instant.parse("2030-01-01T00:00:00Z");
    /** Runs once, inside the next {@link #forMerchant} call (to commit rows while a replay reads). */
    private Runnable duringNextReplayRead;

    synchronized StreamMessage append(String merchantId, StreamTopic topic, String type) {
        long id = nextId++;
        StreamMessage message = new StreamMessage(
                id, merchantId, topic, type, "{\"merchantId\":\"" + merchantId + "\",\"n\":" + id + "}", now);
        rows.add(message);
        return message;
    }

    synchronized StreamMessage append(String merchantId, StreamTopic topic, String type, String data) {
        StreamMessage message = new StreamMessage(nextId++, merchantId, topic, type, data, now);
        rows.add(message);
        return message;
    }

    synchronized void skipIds(int count) {
        nextId += count;
    }

    synchronized void clock(Instant instant) {
        now = instant;
    }

    synchronized void deleteUpTo(long id) {
        rows.removeIf(m -> m.id() <= id);
        purgedUpTo = Math.max(purgedUpTo, id);
    }

    synchronized List<StreamMessage> all() {
        return List.copyOf(rows);
    }

    void duringNextReplayRead(Runnable action) {
        duringNextReplayRead = action;
    }

    @Override
    public synchronized List<StreamMessage> after(long afterId, int limit) {
        return rows.stream().filter(m -> m.id() > afterId).limit(limit).toList();
    }

    @Override
    public List<StreamMessage> forMerchant(
            String merchantId, Set<StreamTopic> topics, long afterId, long upToId, int limit) {
        Runnable action = duringNextReplayRead;
        if (action != null) {
            duringNextReplayRead = null;
            action.run();
        }
        synchronized (this) {
            return rows.stream()
                    .filter(m -> m.merchantId().equals(merchantId) && topics.contains(m.topic()))
                    .filter(m -> m.id() > afterId && m.id() <= upToId)
                    .limit(limit)
                    .toList();
        }
    }

    @Override
    public synchronized long purgedUpTo() {
        return purgedUpTo;
    }

    @Override
    public synchronized OptionalLong newestId() {
        return rows.isEmpty()
                ? OptionalLong.empty()
                : OptionalLong.of(rows.get(rows.size() - 1).id());
    }

    @Override
    public synchronized int deleteCreatedBefore(Instant cutoff) {
        long last = rows.stream()
                .filter(m -> m.createdAt().isBefore(cutoff))
                .mapToLong(StreamMessage::id)
                .max()
                .orElse(0L);
        int before = rows.size();
        deleteUpTo(last);
        return before - rows.size();
    }

    /** Ids of the merchant's messages of the topics after {@code afterId}, as a resuming client should get them. */
    synchronized List<Long> idsFor(String merchantId, Set<StreamTopic> topics, long afterId) {
        return rows.stream()
                .filter(m -> m.merchantId().equals(merchantId) && topics.contains(m.topic()) && m.id() > afterId)
                .map(StreamMessage::id)
                .toList();
    }
}
