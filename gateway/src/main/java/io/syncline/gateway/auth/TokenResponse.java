package io.syncline.gateway.auth;

/** An access token to send as {@code Authorization: Bearer <accessToken>}; {@code expiresIn} in seconds. */
public record TokenResponse(String accessToken, String tokenType, long expiresIn) {}
