package io.syncline.benchmarks;

import java.util.List;

/** One system's run: the measured window, the warm-up before it, and the stock verdict after it. */
record SystemResult(
        String name,
        PhaseResult warmup,
        PhaseResult measured,
        int stockPerSku,
        StockCheck.Verdict verdict,
        long appErrorLines,
        List<String> appErrorSample,
        String appLog) {

    SystemResult withAppLog(String log, long errorLines, List<String> sample) {
        return new SystemResult(name, warmup, measured, stockPerSku, verdict, errorLines, sample, log);
    }
}
