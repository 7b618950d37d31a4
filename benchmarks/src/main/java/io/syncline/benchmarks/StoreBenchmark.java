package io.syncline.benchmarks;

/** Placeholder. */
public final class StoreBenchmark {
    public static void main(String[] args) {}
}
