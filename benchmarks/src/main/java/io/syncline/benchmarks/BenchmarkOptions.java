package io.syncline.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/** Command-line flags ({@code --name=value} or {@code --name value}); flags win over environment variables. */
record BenchmarkOptions(
        Duration warmup,
        Duration duration,
        int concurrency,
        int skus,
        double stockRatio,
        OptionalInt stockPerSku,
        double expectedRate,
        Duration orderWait,
        Path jar,
        String pgServer,
        String pgUser,
        String pgPassword,
        List<String> appJvmOptions,
        Duration startupTimeout,
        Duration settleTimeout,
        long seed,
        String channel,
        boolean runSyncline,
        boolean runSql,
        boolean keep) {

    static final String USAGE =
            """
            Usage: java -jar benchmarks/target/syncline-benchmarks.jar [flags]
              --warmup=10s          warm-up before measuring (0 skips it)
              --duration=30s        measured window
              --concurrency=64      concurrent clients
              --skus=50             number of SKUs orders draw from
              --stock-ratio=0.9     stock for the measured window as a share of the units it will order
              --stock-per-sku=N     fixed stock per SKU instead (set once, no sizing from the warm-up)
              --expected-rate=300   orders/s assumed for stock sizing when there is no warm-up
              --wait=30s            Prefer: wait=N sent with every order
              --jar=deploy/standalone/target/syncline.jar
              --pg=jdbc:postgresql://127.0.0.1:5432/   (env SYNCLINE_BENCH_PG)
              --pg-user=postgres    (env SYNCLINE_BENCH_PG_USER)
              --pg-password=        (env SYNCLINE_BENCH_PG_PASSWORD)
              --app-jvm-opts="..."  JVM options for the standalone, space separated
              --startup-timeout=180s
              --settle-timeout=60s  how long the final stock check waits for the read model
              --seed=42             order mix seed (both systems get the same orders)
              --channel=web
              --only=syncline|sql   run one side only
              --keep                keep the databases and the temp directory
            """;

    static BenchmarkOptions parse(String[] args, Map<String, String> env) {
        Map<String, String> flags = flags(args);
        String only = value(flags, "only", null, null, "both").toLowerCase(Locale.ROOT);
        if (!List.of("both", "syncline", "sql").contains(only)) {
            throw new IllegalArgumentException("--only must be syncline or sql, not " + only);
        }
        String stockPerSku = flags.get("stock-per-sku");
        var options = new BenchmarkOptions(
                duration(value(flags, "warmup", null, env, "10s")),
                duration(value(flags, "duration", null, env, "30s")),
                Integer.parseInt(value(flags, "concurrency", null, env, "64")),
                Integer.parseInt(value(flags, "skus", null, env, "50")),
                Double.parseDouble(value(flags, "stock-ratio", null, env, "0.9")),
                stockPerSku == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(stockPerSku)),
                Double.parseDouble(value(flags, "expected-rate", null, env, "300")),
                duration(value(flags, "wait", null, env, "30s")),
                Path.of(value(flags, "jar", null, env, "deploy/standalone/target/syncline.jar")),
                value(flags, "pg", "SYNCLINE_BENCH_PG", env, "jdbc:postgresql://127.0.0.1:5432/"),
                value(flags, "pg-user", "SYNCLINE_BENCH_PG_USER", env, "postgres"),
                value(flags, "pg-password", "SYNCLINE_BENCH_PG_PASSWORD", env, ""),
                split(value(flags, "app-jvm-opts", null, env, "")),
                duration(value(flags, "startup-timeout", null, env, "180s")),
                duration(value(flags, "settle-timeout", null, env, "60s")),
                Long.parseLong(value(flags, "seed", null, env, "42")),
                value(flags, "channel", null, env, "web"),
                !only.equals("sql"),
                !only.equals("syncline"),
                flags.containsKey("keep"));
        options.validate();
        return options;
    }

    private void validate() {
        require(!duration.isZero() && !duration.isNegative(), "--duration must be positive");
        require(!warmup.isNegative(), "--warmup must not be negative");
        require(concurrency > 0, "--concurrency must be positive");
        require(skus >= 3, "--skus must be at least 3 (orders have up to 3 distinct SKUs)");
        require(stockRatio > 0, "--stock-ratio must be positive");
        require(stockPerSku.orElse(1) > 0, "--stock-per-sku must be positive");
        require(expectedRate > 0, "--expected-rate must be positive");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private static final List<String> KNOWN = List.of(
            "warmup",
            "duration",
            "concurrency",
            "skus",
            "stock-ratio",
            "stock-per-sku",
            "expected-rate",
            "wait",
            "jar",
            "pg",
            "pg-user",
            "pg-password",
            "app-jvm-opts",
            "startup-timeout",
            "settle-timeout",
            "seed",
            "channel",
            "only",
            "keep",
            "help");

    private static Map<String, String> flags(String[] args) {
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
            if (!KNOWN.contains(name)) {
                throw new IllegalArgumentException("unknown flag --" + name);
            }
            if (value == null) {
                if (name.equals("keep") || name.equals("help")) {
                    value = "true";
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new IllegalArgumentException("--" + name + " needs a value");
                }
            }
            flags.put(name, value);
        }
        return flags;
    }

    private static String value(
            Map<String, String> flags, String flag, String envName, Map<String, String> env, String fallback) {
        if (flags.containsKey(flag)) {
            return flags.get(flag);
        }
        if (envName != null && env != null) {
            String fromEnv = env.get(envName);
            if (fromEnv != null && !fromEnv.isBlank()) {
                return fromEnv;
            }
        }
        return fallback;
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

    private static List<String> split(String text) {
        return text.isBlank()
                ? List.of()
                : new ArrayList<>(Arrays.asList(text.trim().split("\\s+")));
    }

    static boolean wantsHelp(String[] args) {
        return Arrays.stream(args).anyMatch(a -> a.equals("--help") || a.equals("-h"));
    }
}
