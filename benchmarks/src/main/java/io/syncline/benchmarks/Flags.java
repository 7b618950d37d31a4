package io.syncline.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Command-line flags of every benchmark: {@code --name=value} or {@code --name value}; a switch may stand alone.
 * Unknown flags are refused; a flag wins over the environment variable named for it.
 */
final class Flags {

    private final Map<String, String> values;
    private final Map<String, String> env;

    private Flags(Map<String, String> values, Map<String, String> env) {
        this.values = values;
        this.env = env == null ? Map.of() : env;
    }

    /** {@code switches} may be given without a value (then {@code true}); {@code help} always may. */
    static Flags parse(String[] args, List<String> known, Set<String> switches, Map<String, String> env) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + arg);
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (!known.contains(name) && !name.equals("help")) {
                throw new IllegalArgumentException("unknown flag --" + name);
            }
            if (value == null) {
                if (switches.contains(name) || name.equals("help")) {
                    value = "true";
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new IllegalArgumentException("--" + name + " needs a value");
                }
            }
            flags.put(name, value);
        }
        return new Flags(flags, env);
    }

    boolean has(String flag) {
        return values.containsKey(flag);
    }

    String get(String flag, String fallback) {
        return values.getOrDefault(flag, fallback);
    }

    /** The flag, else the environment variable, else the fallback. */
    String get(String flag, String envName, String fallback) {
        if (values.containsKey(flag)) {
            return values.get(flag);
        }
        String fromEnv = env.get(envName);
        return fromEnv != null && !fromEnv.isBlank() ? fromEnv : fallback;
    }

    Duration duration(String flag, String fallback) {
        return duration(get(flag, fallback));
    }

    int integer(String flag, String fallback) {
        return Integer.parseInt(get(flag, fallback));
    }

    double decimal(String flag, String fallback) {
        return Double.parseDouble(get(flag, fallback));
    }

    boolean bool(String flag, String fallback) {
        return Boolean.parseBoolean(get(flag, fallback));
    }

    /** "30", "30s", "2m", "500ms". */
    static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        if (t.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
        }
        if (t.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(t));
    }

    /** Space-separated words, e.g. JVM options. */
    static List<String> split(String text) {
        return text.isBlank()
                ? List.of()
                : new ArrayList<>(Arrays.asList(text.trim().split("\\s+")));
    }

    static boolean wantsHelp(String[] args) {
        return Arrays.stream(args).anyMatch(a -> a.equals("--help") || a.equals("-h"));
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
