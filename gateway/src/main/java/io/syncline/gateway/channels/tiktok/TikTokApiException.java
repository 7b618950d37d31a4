package io.syncline.gateway.channels.tiktok;

/** A TikTok Shop call that failed, saying whether trying again later may pass or will not. */
public final class TikTokApiException extends RuntimeException {

    private final boolean retryable;

    private TikTokApiException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    // network, timeouts, HTTP 429 and 5xx, rate limits, TikTok's internal errors
    static TikTokApiException mayPassLater(String message, Throwable cause) {
        return new TikTokApiException(message + "; this may pass, try again later", true, cause);
    }

    // refused credentials, an unknown order, an order Syncline cannot place: a person has to act
    static TikTokApiException willNotPass(String message) {
        return new TikTokApiException(message + "; trying again will not help", false, null);
    }

    /** True when the same call may succeed later; false when it needs a person first. */
    public boolean retryable() {
        return retryable;
    }
}
