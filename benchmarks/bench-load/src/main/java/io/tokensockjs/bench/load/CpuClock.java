package io.tokensockjs.bench.load;

import java.lang.management.ManagementFactory;

/**
 * CPU seconds spent by the load generator and by the server between {@link #start} and {@link #stop}: on a
 * 2-core machine both compete, so every result says how much of the machine each side used.
 */
final class CpuClock {

    private final long serverPid;
    private long wallStart;
    private long ownStart;
    private long serverStart;
    long wallNanos;
    long ownNanos;
    long serverNanos;

    CpuClock(long serverPid) {
        this.serverPid = serverPid;
    }

    void start() {
        wallStart = System.nanoTime();
        ownStart = ownCpuNanos();
        serverStart = ServerStats.cpuNanos(serverPid);
    }

    void stop() {
        wallNanos = System.nanoTime() - wallStart;
        ownNanos = ownCpuNanos() - ownStart;
        serverNanos = ServerStats.cpuNanos(serverPid) - serverStart;
    }

    double seconds() {
        return wallNanos / 1e9;
    }

    /** Cores the load generator kept busy on average. */
    double ownCores() {
        return ownNanos / (double) wallNanos;
    }

    /** Cores the server kept busy on average. */
    double serverCores() {
        return serverNanos / (double) wallNanos;
    }

    void describe(Result result) {
        result.put("secs", seconds(), 1)
                .put("loadCpu", ownCores(), 2)
                .put("serverCpu", serverCores(), 2);
    }

    private static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
