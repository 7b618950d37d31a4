package io.syncline.benchmarks;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** What every benchmark's main does around its run: help, exit codes, and the log line format. */
final class Cli {

    private Cli() {}

    interface Parser<O> {
        O parse(String[] args, Map<String, String> env);
    }

    interface Run<O> {
        /** The exit code: 0 when the run's checks passed, 1 otherwise. */
        int run(O options) throws Exception;
    }

    /** Runs and exits: 2 when the flags are wrong or the run could not be done. */
    static <O> void main(String[] args, String usage, Parser<O> parser, Run<O> run) {
        if (Flags.wantsHelp(args)) {
            System.out.print(usage);
            return;
        }
        O options;
        try {
            options = parser.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(usage);
            System.exit(2);
            return;
        }
        int code;
        try {
            code = run.run(options);
        } catch (IllegalStateException e) {
            System.err.println("[bench] failed: " + e.getMessage());
            code = 2;
        } catch (Exception e) {
            System.err.println("[bench] failed: " + e);
            e.printStackTrace();
            code = 2;
        }
        System.exit(code);
    }

    static void log(String message) {
        System.out.println(
                "[bench " + LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "] " + message);
    }

    /** The header's common part: date, cores and Java. */
    static String machine() {
        return LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")) + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version");
    }
}
