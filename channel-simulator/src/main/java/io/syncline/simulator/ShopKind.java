package io.syncline.simulator;

/** The platform a simulated shop plays. */
public enum ShopKind {
    SHOPIFY,
    TIKTOK_SHOP
}
