package io.syncline.gateway.channels.push;

/** Which buffer a listing holds back: its channel's fixed one, or in {@code AUTO} its own computed one. */
final class Buffers {

    /**
     * SQL over a listing {@code l} joined with its channel {@code c}. An AUTO listing not computed yet holds back
     * the channel's last fixed buffer.
     */
    static final String EFFECTIVE =
            "(case when c.buffer_mode = 'AUTO' then coalesce(l.auto_buffer, c.buffer_stock) else c.buffer_stock end)";

    private Buffers() {}
}
