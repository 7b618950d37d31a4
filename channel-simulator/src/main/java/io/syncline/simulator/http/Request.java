package io.syncline.simulator.http;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A request as received: method, raw path, decoded query, headers (any case) and the raw body bytes. */
public record Request(String method, String path, Map<String, String> query, Map<String, String> headers, byte[] body) {

    public Request {
        TreeMap<String, String> named = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        named.putAll(headers);
        headers = Collections.unmodifiableMap(named);
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
    }

    public String header(String name) {
        return headers.get(name);
    }

    /** The path's segments after {@code prefix}, e.g. {@code ["acme", "admin", "api"]}. */
    public List<String> segmentsAfter(String prefix) {
        String rest = path.substring(Math.min(prefix.length(), path.length()));
        if (rest.isEmpty()) {
            return List.of();
        }
        return List.of(rest.replaceAll("^/+", "").split("/", -1));
    }

    /** Query parameters decoded as a server decodes them; the last of a repeated name wins. */
    public static Map<String, String> query(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            query.put(decode(name), decode(value));
        }
        return query;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
