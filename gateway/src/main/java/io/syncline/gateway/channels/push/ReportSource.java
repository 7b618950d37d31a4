package io.syncline.gateway.channels.push;

import java.util.Locale;

/** How Syncline learnt what a channel shows, as {@code ChannelQuantityReported.source} names it. */
public enum ReportSource {
    /** The channel's webhook said so. */
    WEBHOOK,
    /** A push of ours found the channel changed (Shopify's compare-and-set) and read it. */
    PUSH,
    /** Reconciliation read it back. */
    RECONCILE;

    /** The event's spelling: {@code webhook}, {@code push}, {@code reconcile}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
