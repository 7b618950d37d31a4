package io.syncline.gateway.channels.shopify;

/** A Shopify Admin API call that failed, saying whether trying again later may pass. */
public final class ShopifyApiException extends RuntimeException {

    private final boolean retryable;

    ShopifyApiException(String message, boolean retryable) {
        this(message, retryable, null);
    }

    ShopifyApiException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** True when the same call may succeed later. */
    public boolean retryable() {
        return retryable;
    }
}
