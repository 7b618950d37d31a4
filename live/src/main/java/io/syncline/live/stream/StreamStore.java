package io.syncline.live.stream;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/** Where the hub reads stored stream messages from. */
public interface StreamStore {

    /** Up to {@code limit} messages of every merchant with an id above {@code afterId}, oldest first. */
    List<StreamMessage> after(long afterId, int limit);

    /** Up to {@code limit} of one merchant's messages of the topics with ids in {@code (afterId, upToId]}. */
    List<StreamMessage> forMerchant(String merchantId, Set<StreamTopic> topics, long afterId, long upToId, int limit);

    /** The id of the newest message; empty when none is kept. */
    OptionalLong newestId();

    /** Every message with an id up to this one has been deleted (0 when none has). */
    long purgedUpTo();

    /**
     * Deletes the messages created before the cutoff, always an oldest-first prefix of ids, and moves
     * {@link #purgedUpTo()} along in the same transaction; answers how many were deleted.
     */
    int deleteCreatedBefore(Instant cutoff);
}
