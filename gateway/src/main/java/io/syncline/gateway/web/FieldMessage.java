package io.syncline.gateway.web;

/** One entry of a validation problem's {@code errors}: which field and what is wrong with it. */
public record FieldMessage(String field, String message) {}
