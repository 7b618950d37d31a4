package io.syncline.gateway.orders;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads the {@code wait} preference of RFC 7240 {@code Prefer} headers. */
public final class Prefer {

    public static final String HEADER = "Prefer";
    public static final String APPLIED = "Preference-Applied";

    private Prefer() {}

    /**
     * How long the client prefers to wait, capped at {@code max}. RFC 7240: the first {@code wait}
     * counts; a malformed value is ignored like any preference the server cannot honour.
     */
    public static Optional<Duration> waitOf(List<String> headers, Duration max) {
        if (headers == null) {
            return Optional.empty();
        }
        for (String header : headers) {
            for (String preference : split(header, ',')) {
                String first = split(preference, ';').get(0);
                int eq = first.indexOf('=');
                String name = (eq < 0 ? first : first.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
                if (!name.equals("wait")) {
                    continue;
                }
                return eq < 0
                        ? Optional.empty()
                        : seconds(unquote(first.substring(eq + 1).trim())).map(s -> s.compareTo(max) > 0 ? max : s);
            }
        }
        return Optional.empty();
    }

    private static Optional<Duration> seconds(String value) {
        if (value.isEmpty() || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        // delta-seconds beyond any sensible cap: keep the digits from overflowing
        return Optional.of(
                value.length() > 9 ? Duration.ofSeconds(999_999_999L) : Duration.ofSeconds(Long.parseLong(value)));
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            StringBuilder out = new StringBuilder();
            for (int i = 1; i < value.length() - 1; i++) {
                char c = value.charAt(i);
                if (c == '\\' && i + 1 < value.length() - 1) {
                    c = value.charAt(++i);
                }
                out.append(c);
            }
            return out.toString();
        }
        return value;
    }

    /** Splits on {@code separator} outside quoted strings. */
    private static List<String> split(String value, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted && c == '\\' && i + 1 < value.length()) {
                part.append(c).append(value.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }
}
