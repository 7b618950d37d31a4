package io.syncline.api.conflicts;

import java.time.Instant;

/**
 * What a conflict was seen from.
 *
 * @param source      {@code webhook} (a channel's delivery), {@code push} (a push found the channel changed),
 *                    {@code reconcile} (the periodic read-back), or {@code order} (an order's own events)
 * @param deliveryId  the webhook delivery that carried it; null otherwise
 * @param reportedAt  when the channel says it happened (a report's time), else when Syncline saw it
 * @param buffer      the listing's buffer when the channel reported (stock mismatches), else null
 * @param available   our available units when the channel reported (stock kinds), else null
 * @param note        what was seen, in words
 */
public record Evidence(
        String source, String deliveryId, Instant reportedAt, Integer buffer, Integer available, String note) {}
