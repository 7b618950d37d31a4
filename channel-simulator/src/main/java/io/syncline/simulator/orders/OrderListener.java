package io.syncline.simulator.orders;

import io.syncline.simulator.shops.Shop;

/** What a platform sends when an order of one of its shops moves. */
public interface OrderListener {

    void placed(Shop shop, Order order);

    /** @param before the order before, so a cancellation after shipment can be told apart */
    void cancelled(Shop shop, Order order, Order before);

    void shipped(Shop shop, Order order);

    void delivered(Shop shop, Order order);
}
