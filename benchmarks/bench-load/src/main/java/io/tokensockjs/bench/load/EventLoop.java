package io.tokensockjs.bench.load;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * One selector thread serving many connections: their I/O, the tasks other threads hand it and its timers. Each
 * connection lives on one loop and is only touched by it, so connections need no locks; the loop also owns a
 * latency histogram that only its thread records into.
 */
final class EventLoop implements Runnable {

    /** What a registered channel does when the selector reports it ready. */
    interface Handler {
        void ready(SelectionKey key) throws IOException;

        /** The loop is closing, or the handler threw: release what it holds. */
        void fail(Throwable why);
    }

    /** Read into one buffer per loop: a connection keeps only the bytes of an incomplete frame between reads. */
    final ByteBuffer readBuffer = ByteBuffer.allocateDirect(4 << 20);
    /** Microseconds; a minute at most, three significant digits. */
    final Histogram latencies = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
    /** How the connections of this loop write their frames. */
    final Traffic traffic;

    private final Selector selector;
    private final Thread thread;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private volatile boolean running = true;

    EventLoop(String name, Traffic traffic) {
        this.traffic = traffic;
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread = new Thread(this, name);
        thread.setDaemon(true);
        thread.start();
    }

    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Runs the task on the loop's thread: now when called from it, else soon. */
    void execute(Runnable task) {
        if (inLoop()) {
            task.run();
            return;
        }
        tasks.add(task);
        selector.wakeup();
    }

    /** Runs the task on the loop's thread after the delay. Call from the loop's thread only. */
    void schedule(long delayNanos, Runnable task) {
        timers.add(new Timer(System.nanoTime() + delayNanos, task));
    }

    SelectionKey register(SelectableChannel channel, int ops, Handler handler) throws ClosedChannelException {
        return channel.register(selector, ops, handler);
    }

    void shutdown() {
        running = false;
        selector.wakeup();
    }

    @Override
    public void run() {
        while (running) {
            try {
                long timeoutMillis = runDueTimers();
                if (tasks.isEmpty()) {
                    if (timeoutMillis < 0) {
                        selector.select();
                    } else {
                        selector.select(Math.max(1, timeoutMillis));
                    }
                } else {
                    selector.selectNow();
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    Handler handler = (Handler) key.attachment();
                    try {
                        if (key.isValid()) {
                            handler.ready(key);
                        }
                    } catch (IOException | RuntimeException e) {
                        key.cancel();
                        handler.fail(e);
                    }
                }
                selector.selectedKeys().clear();
                Runnable task;
                while ((task = tasks.poll()) != null) {
                    task.run();
                }
            } catch (IOException | RuntimeException e) {
                System.err.println(thread.getName() + ": " + e);
            }
        }
        for (SelectionKey key : selector.keys()) {
            ((Handler) key.attachment()).fail(new IOException("load generator stopped"));
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // closing at exit
        }
    }

    /** Runs the timers that are due; answers how long until the next one, or -1 for none. */
    private long runDueTimers() {
        long now = System.nanoTime();
        while (!timers.isEmpty() && timers.peek().due - now <= 0) {
            timers.poll().task.run();
            now = System.nanoTime();
        }
        return timers.isEmpty() ? -1 : TimeUnit.NANOSECONDS.toMillis(timers.peek().due - now);
    }

    private record Timer(long due, Runnable task) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer other) {
            return Long.compare(due - other.due, 0);
        }
    }
}
