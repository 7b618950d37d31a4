package io.syncline.gateway.channels;

/**
 * A verified delivery whose body cannot be read into a {@link ChannelNotice}: it is recorded as FAILED
 * with {@link #reason()}, written for the person who looks at it, and not retried.
 */
public class UnreadableDeliveryException extends RuntimeException {

    public UnreadableDeliveryException(String reason) {
        super(reason);
    }

    public UnreadableDeliveryException(String reason, Throwable cause) {
        super(reason, cause);
    }

    /** Why the delivery could not be read, in words a person understands. */
    public String reason() {
        return getMessage();
    }
}
