package io.syncline.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The flags every benchmark has for the standalone it starts and the PostgreSQL server it runs on. */
record AppOptions(
        Path jar,
        String pg,
        String pgUser,
        String pgPassword,
        List<String> appJvmOptions,
        Duration startupTimeout,
        boolean keep) {

    static final List<String> FLAGS =
            List.of("jar", "pg", "pg-user", "pg-password", "app-jvm-opts", "startup-timeout", "keep");

    /** The usage lines of {@link #FLAGS}, with the JVM options' default of the benchmark. */
    static String usage(String jvmDefault) {
        return """
                  --jar=deploy/standalone/target/syncline.jar
                  --pg=jdbc:postgresql://127.0.0.1:5432/   (env SYNCLINE_BENCH_PG)
                  --pg-user=postgres    (env SYNCLINE_BENCH_PG_USER)
                  --pg-password=        (env SYNCLINE_BENCH_PG_PASSWORD)
                  --app-jvm-opts="%s"  JVM options for the standalone, space separated
                  --startup-timeout=180s
                  --keep                keep the database(s) and the run's temporary directory
                """
                .formatted(jvmDefault);
    }

    /** A benchmark's own flags and these. */
    static Flags parse(String[] args, List<String> own, Set<String> switches, Map<String, String> env) {
        List<String> known = new ArrayList<>(own);
        known.addAll(FLAGS);
        return Flags.parse(args, known, switches, env);
    }

    static AppOptions from(Flags flags, String jvmDefault) {
        return new AppOptions(
                Path.of(flags.get("jar", "deploy/standalone/target/syncline.jar")),
                flags.get("pg", "SYNCLINE_BENCH_PG", "jdbc:postgresql://127.0.0.1:5432/"),
                flags.get("pg-user", "SYNCLINE_BENCH_PG_USER", "postgres"),
                flags.get("pg-password", "SYNCLINE_BENCH_PG_PASSWORD", ""),
                Flags.split(flags.get("app-jvm-opts", jvmDefault)),
                flags.duration("startup-timeout", "180s"),
                flags.has("keep"));
    }

    Databases databases() {
        return new Databases(pg, pgUser, pgPassword);
    }
}
