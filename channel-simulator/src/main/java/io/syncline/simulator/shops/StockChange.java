package io.syncline.simulator.shops;

/** Why a shop's quantity of an item changed. */
public enum StockChange {
    /** An order took units. */
    ORDER,
    /** A cancelled order gave its units back. */
    RESTOCK,
    /** An API call of the merchant's app (Syncline) set it. */
    PUSH,
    /** Someone changed it on the shop's side (the admin API's drift). */
    DRIFT
}
