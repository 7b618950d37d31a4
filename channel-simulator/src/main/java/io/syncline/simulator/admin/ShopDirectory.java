package io.syncline.simulator.admin;

import io.syncline.simulator.ShopConfig;
import io.syncline.simulator.shops.Shop;
import java.net.URI;

/** Creating and removing shops, which the simulator wires to its platforms; and where their APIs answer. */
public interface ShopDirectory {

    /** @throws IllegalArgumentException when the name is taken or the configuration is invalid */
    Shop add(ShopConfig config);

    boolean remove(String name);

    /** The {@code apiBaseUrl} to give Syncline for this shop. */
    URI apiBaseUrl(Shop shop);
}
