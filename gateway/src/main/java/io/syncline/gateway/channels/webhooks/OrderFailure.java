package io.syncline.gateway.channels.webhooks;

/** A failure that happened once the channel order had become a Syncline order. */
final class OrderFailure extends DeliveryFailure {

    private final String orderId;

    OrderFailure(String reason, String orderId) {
        super(reason, true, null);
        this.orderId = orderId;
    }

    String orderId() {
        return orderId;
    }
}
