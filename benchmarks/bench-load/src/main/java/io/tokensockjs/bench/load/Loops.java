package io.tokensockjs.bench.load;

import org.HdrHistogram.Histogram;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The load generator's event loops: sockets are spread over them round-robin. */
final class Loops implements AutoCloseable {

    private final EventLoop[] loops;
    private int next;

    Loops(int count, Traffic traffic) {
        loops = new EventLoop[count];
        for (int i = 0; i < count; i++) {
            loops[i] = new EventLoop("load-loop-" + i, traffic);
        }
    }

    EventLoop next() {
        return loops[next++ % loops.length];
    }

    EventLoop first() {
        return loops[0];
    }

    /** Clears every loop's latency histogram (on each loop's thread). */
    void resetLatencies() {
        for (EventLoop loop : loops) {
            onLoop(loop, () -> {
                loop.latencies.reset();
                return null;
            });
        }
    }

    /** The latencies all loops recorded, merged. */
    Histogram latencies() {
        Histogram all = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
        for (EventLoop loop : loops) {
            all.add(onLoop(loop, loop.latencies::copy));
        }
        return all;
    }

    private static <T> T onLoop(EventLoop loop, java.util.function.Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        loop.execute(() -> result.complete(work.get()));
        return result.orTimeout(30, TimeUnit.SECONDS).join();
    }

    @Override
    public void close() {
        for (EventLoop loop : loops) {
            loop.shutdown();
        }
    }
}
