package io.syncline.gateway.channels;

/** How a channel's buffer stock is set: by the merchant, or computed from the demand. */
public enum BufferMode {
    FIXED,
    AUTO
}
