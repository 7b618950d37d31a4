package io.syncline.simulator.shops;

/** Told of every change of a shop's stock; the platform decides what, if anything, to send about it. */
@FunctionalInterface
public interface StockListener {

    /**
     * @param announce whether the platform should send its inventory webhook about it (the shop's
     *                 {@code echoInventoryLevels}, or the drift's own {@code notify})
     */
    void changed(Shop shop, Item item, int before, int after, StockChange cause, boolean announce);
}
