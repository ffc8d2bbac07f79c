package io.tokensockjs.metrics;

import java.util.concurrent.atomic.LongAdder;

/**
 * Durations in fixed buckets (seconds, upper bounds inclusive), with their count and sum: what Prometheus's
 * {@code histogram_quantile} and the dashboard's percentiles are computed from. Recording is a short scan of the bounds
 * and two adds; nothing is allocated.
 */
public final class Histogram {

    /** From half a millisecond (an echo on a websocket) to ten seconds (a call near its timeout). */
    static final double[] BOUNDS_SECONDS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    private static final long[] BOUNDS_NANOS = new long[BOUNDS_SECONDS.length];

    static {
        for (int i = 0; i < BOUNDS_SECONDS.length; i++) {
            BOUNDS_NANOS[i] = Math.round(BOUNDS_SECONDS[i] * 1e9);
        }
    }

    /** Per bucket, not cumulative; the last counts what is above every bound. */
    private final LongAdder[] buckets = new LongAdder[BOUNDS_SECONDS.length + 1];
    private final LongAdder sumNanos = new LongAdder();

    Histogram() {
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongAdder();
        }
    }

    public void recordNanos(long nanos) {
        int i = 0;
        while (i < BOUNDS_NANOS.length && nanos > BOUNDS_NANOS[i]) {
            i++;
        }
        buckets[i].increment();
        sumNanos.add(Math.max(0, nanos));
    }

    /** Cumulative counts per bound, then the total (the {@code +Inf} bucket). */
    long[] cumulativeCounts() {
        long[] counts = new long[buckets.length];
        long running = 0;
        for (int i = 0; i < buckets.length; i++) {
            running += buckets[i].sum();
            counts[i] = running;
        }
        return counts;
    }

    double sumSeconds() {
        return sumNanos.sum() / 1e9;
    }
}
