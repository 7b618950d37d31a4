package io.syncline.api.orders;

/** One line of an order: a SKU and how many units of it. */
public record OrderLine(String sku, int quantity) {}
