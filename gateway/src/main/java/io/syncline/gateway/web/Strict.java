package io.syncline.gateway.web;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/**
 * A request field that takes only its own JSON type: {@code 1.5} or {@code "5"} for an integer,
 * {@code 5} for a string, are rejected (400 naming the field) instead of being coerced.
 */
@Retention(RetentionPolicy.RUNTIME)
@JacksonAnnotationsInside
@JsonDeserialize(using = StrictScalarDeserializer.class)
public @interface Strict {}
