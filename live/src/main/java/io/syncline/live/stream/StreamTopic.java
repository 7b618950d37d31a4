package io.syncline.live.stream;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What a client can subscribe to; each stream message belongs to exactly one topic. */
public enum StreamTopic {
    ORDERS("orders"),
    INVENTORY("inventory"),
    /** {@code conflict.detected}, {@code conflict.escalated} and {@code conflict.resolved}. */
    CONFLICTS("conflicts"),
    /** Live only: {@code channel.status}, a channel's sync as it stands; the current one is on its status route. */
    CHANNELS("channels"),
    /** Live only: {@code health.changed}, not in the stored stream and never replayed by id. */
    HEALTH("health");

    private final String wireName;

    StreamTopic(String wireName) {
        this.wireName = wireName;
    }

    /** The name clients use in {@code topics=}. */
    public String wireName() {
        return wireName;
    }

    /** The topic of that name; throws {@link UnknownTopicException} for any other. */
    public static StreamTopic of(String wireName) {
        String name = wireName.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(t -> t.wireName.equals(name))
                .findFirst()
                .orElseThrow(() -> new UnknownTopicException(wireName.trim()));
    }

    /** Comma-separated topic names; none (null or blank) means every topic. */
    public static Set<StreamTopic> parse(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return Collections.unmodifiableSet(EnumSet.allOf(StreamTopic.class));
        }
        EnumSet<StreamTopic> topics = EnumSet.noneOf(StreamTopic.class);
        for (String name : commaSeparated.split(",")) {
            if (!name.isBlank()) {
                topics.add(of(name));
            }
        }
        if (topics.isEmpty()) {
            return Collections.unmodifiableSet(EnumSet.allOf(StreamTopic.class));
        }
        return Collections.unmodifiableSet(topics);
    }

    /** A topic name the stream does not know. */
    public static class UnknownTopicException extends IllegalArgumentException {

        private final String topic;

        public UnknownTopicException(String topic) {
            super("Unknown topic '" + topic + "'; known topics: "
                    + String.join(
                            ", ",
                            Arrays.stream(values()).map(StreamTopic::wireName).toList()));
            this.topic = topic;
        }

        public String topic() {
            return topic;
        }
    }
}
