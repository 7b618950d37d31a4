package io.syncline.gateway.web;

import java.util.regex.Pattern;

/** The shape of identifiers the API accepts in paths and bodies (SKUs, channels, order ids). */
public final class Ids {

    public static final String PATTERN = "[A-Za-z0-9._-]{1,64}";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private Ids() {}

    public static boolean valid(String id) {
        return id != null && COMPILED.matcher(id).matches();
    }
}
