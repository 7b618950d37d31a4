package io.syncline.gateway.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a user may do; each role includes the ones before it. */
public enum Role {
    /** Reads and streams. */
    VIEWER,
    /** Also places and handles orders, counts and adjusts stock. */
    OPERATOR,
    /** Also administers channels, users, replays and dead letters. */
    ADMIN;

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    public static Optional<Role> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String name = value.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.name().equals(name)).findFirst();
    }
}
