package io.syncline.gateway.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Credentials exchanged for an access token. */
public record TokenRequest(@NotBlank @Size(max = 128) String username, @NotBlank @Size(max = 1024) String password) {}
