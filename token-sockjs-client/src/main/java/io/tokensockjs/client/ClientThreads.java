package io.tokensockjs.client;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The threads every client shares: a timer for timeouts, pings and reconnection pauses, and a pool for the
 * callbacks (answers, listeners, functions) so that they never run on the thread that reads a socket. Daemon
 * threads: they never keep a JVM alive.
 */
final class ClientThreads {

    private static final Logger LOG = Logger.getLogger(TokenSocketClient.class.getName());

    static final ScheduledExecutorService TIMER = timer();
    static final ExecutorService CALLBACKS = Executors.newCachedThreadPool(daemon("token-sockjs-client-callback-"));

    private ClientThreads() {
    }

    private static ScheduledExecutorService timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemon("token-sockjs-client-timer-"));
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Runs tasks one at a time, in the order given, on the given executor: the listener calls of one client, so that
     * they see events in order while other clients' run in parallel.
     */
    static final class Serial implements Executor {
        private final Executor executor;
        private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
        private boolean running;

        Serial(Executor executor) {
            this.executor = executor;
        }

        @Override
        public void execute(Runnable task) {
            synchronized (tasks) {
                tasks.add(task);
                if (running) {
                    return;
                }
                running = true;
            }
            executor.execute(this::drain);
        }

        private void drain() {
            while (true) {
                Runnable task;
                synchronized (tasks) {
                    task = tasks.poll();
                    if (task == null) {
                        running = false;
                        return;
                    }
                }
                try {
                    task.run();
                } catch (RuntimeException | Error e) {
                    LOG.log(Level.WARNING, "A token-sockjs client callback failed", e);
                }
            }
        }
    }
}
