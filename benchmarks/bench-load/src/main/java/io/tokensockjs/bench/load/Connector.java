package io.tokensockjs.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Opens many {@link BenchSocket}s at a set rate and waits until each is authenticated or has failed. The rate
 * matters: thousands of handshakes at once would measure the listen backlog, not the server.
 */
final class Connector {

    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final Loops loops;
    private final double perSecond;

    Connector(Loops loops, double perSecond) {
        this.loops = loops;
        this.perSecond = perSecond;
    }

    /** What happened: the sockets made (ready or not), how many became ready, and a few reasons for failures. */
    record Outcome(List<BenchSocket> sockets, int ready, int failed, List<String> reasons, double seconds) {
    }

    /**
     * Opens {@code count} sockets; {@code listenerFor} gives the listener of socket i, whose {@code ready} and
     * {@code closed} must call {@link Progress#ready} and {@link Progress#failed}.
     */
    Outcome open(int count, Function<Integer, BenchSocket.Listener> listenerFor, Target[] targets, Progress progress,
                 long timeoutSeconds) throws InterruptedException {
        List<BenchSocket> sockets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            sockets.add(new BenchSocket(loops.next(), targets[i % targets.length], listenerFor.apply(i)));
        }
        long start = System.nanoTime();
        EventLoop pacer = loops.first();
        AtomicInteger started = new AtomicInteger();
        pacer.execute(new Runnable() {
            @Override
            public void run() {
                // Due by the clock, not by ticks counted: a tick that runs late must not lower the rate.
                long due = Math.min(count, (long) ((System.nanoTime() - start) / 1e9 * perSecond) + 1);
                while (started.get() < due) {
                    BenchSocket socket = sockets.get(started.getAndIncrement());
                    socket.loop.execute(socket::open);
                }
                if (started.get() < count) {
                    pacer.schedule(TICK_NANOS, this);
                }
            }
        });
        boolean all = progress.done.await(timeoutSeconds, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!all) {
            System.err.println("Connecting timed out: " + progress.ready.get() + " ready, " + progress.failed.get() + " failed of " + count);
        }
        return new Outcome(sockets, progress.ready.get(), progress.failed.get(), List.copyOf(progress.reasons), seconds);
    }

    /** Opens {@code count} sockets to one server, all of which must become ready within two minutes. */
    Outcome openAll(int count, Function<Integer, BenchSocket.Listener> listenerFor, Target target, Progress progress)
            throws InterruptedException {
        Outcome outcome = open(count, listenerFor, new Target[] {target}, progress, 120);
        if (outcome.ready() < count) {
            throw new IllegalStateException("Only " + outcome.ready() + " of " + count + " connected: " + outcome.reasons());
        }
        return outcome;
    }

    /** Counts sockets that became ready or failed before becoming ready. */
    static final class Progress {
        final AtomicInteger ready = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final List<String> reasons = java.util.Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch done;

        Progress(int count) {
            done = new CountDownLatch(count);
        }

        void ready() {
            ready.incrementAndGet();
            done.countDown();
        }

        void failed(String why) {
            if (failed.incrementAndGet() <= 5) {
                reasons.add(why);
            }
            done.countDown();
        }
    }
}
