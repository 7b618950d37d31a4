package io.syncline.gateway.channels.webhooks;

/** Why a delivery could not be processed, said for a person; {@code mayPass} when trying later may work. */
class DeliveryFailure extends RuntimeException {

    private final boolean mayPass;

    DeliveryFailure(String reason, boolean mayPass, Throwable cause) {
        super(reason, cause);
        this.mayPass = mayPass;
    }

    static DeliveryFailure mayPass(String reason) {
        return new DeliveryFailure(reason, true, null);
    }

    static DeliveryFailure willNotPass(String reason) {
        return new DeliveryFailure(reason, false, null);
    }

    boolean mayPass() {
        return mayPass;
    }
}
