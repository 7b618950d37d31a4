package io.syncline.benchmarks;

import java.util.List;

/**
 * One system's run: the measured window, the warm-up before it, the stock verdict after it, what each decided
 * order of the window cost, and the idle figures before and after the load (null when not measured).
 */
record SystemResult(
        String name,
        PhaseResult warmup,
        PhaseResult measured,
        int stockPerSku,
        StockCheck.Verdict verdict,
        Cost.PerOrder perOrder,
        Cost.Idle idleBefore,
        Cost.Idle idleAfter,
        long appErrorLines,
        List<String> appErrorSample,
        String appLog) {

    SystemResult withAppLog(String log, long errorLines, List<String> sample) {
        return new SystemResult(
                name, warmup, measured, stockPerSku, verdict, perOrder, idleBefore, idleAfter, errorLines, sample, log);
    }
}
