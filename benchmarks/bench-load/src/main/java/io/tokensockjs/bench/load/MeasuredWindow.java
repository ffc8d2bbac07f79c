package io.tokensockjs.bench.load;

import org.HdrHistogram.Histogram;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The measured part of a run, after its warm-up: T seconds between two readings of the scenario's counters, with
 * both processes' CPU clocks and the latencies the loops recorded in between.
 *
 * @param counts how much each counter grew in the window, in the order given
 */
record MeasuredWindow(CpuClock cpu, Histogram latencies, long[] counts) {

    static MeasuredWindow measure(Loops loops, long serverPid, int secs, LongSupplier... counters)
            throws InterruptedException {
        CpuClock cpu = new CpuClock(serverPid);
        loops.resetLatencies();
        long[] before = read(counters);
        cpu.start();
        TimeUnit.SECONDS.sleep(secs);
        cpu.stop();
        long[] grown = read(counters);
        for (int i = 0; i < grown.length; i++) {
            grown[i] -= before[i];
        }
        return new MeasuredWindow(cpu, loops.latencies(), grown);
    }

    /** Counter {@code i}'s growth per second of the window. */
    double rate(int i) {
        return counts[i] / cpu.seconds();
    }

    private static long[] read(LongSupplier[] counters) {
        long[] values = new long[counters.length];
        for (int i = 0; i < counters.length; i++) {
            values[i] = counters[i].getAsLong();
        }
        return values;
    }
}
