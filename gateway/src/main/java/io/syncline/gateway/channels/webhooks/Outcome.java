package io.syncline.gateway.channels.webhooks;

/**
 * What processing a delivery came to.
 *
 * @param detail  why it was ignored or failed; null when processed
 * @param orderId the Syncline order it concerned, when known
 */
record Outcome(DeliveryStatus status, String detail, String orderId, boolean mayPass) {

    static Outcome processed(String orderId) {
        return new Outcome(DeliveryStatus.PROCESSED, null, orderId, false);
    }

    static Outcome ignored(String why, String orderId) {
        return new Outcome(DeliveryStatus.IGNORED, why, orderId, false);
    }

    static Outcome failed(DeliveryFailure failure, String orderId) {
        return new Outcome(DeliveryStatus.FAILED, failure.getMessage(), orderId, failure.mayPass());
    }
}
