package io.tokensockjs.cdi;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Logger;

/**
 * The threads of the library. The one scheduler: the server's default managed scheduled executor, so that timer work
 * (heartbeats, timeouts, close notifications that reach application code) runs with the application's
 * context; a private daemon thread only where the server offers none.
 */
@ApplicationScoped
public class Scheduling {

    private static final Logger LOG = Logger.getLogger(Scheduling.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService managed;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService managedExecutor;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory managedThreads;

    private ScheduledThreadPoolExecutor fallback;

    /**
     * Makes the library's long-lived threads (the Redis subscriber): the server's default managed thread factory,
     * so that the thread has the application's context (a plain thread cannot even look up {@code java:comp});
     * plain daemon threads only where the server offers none.
     */
    public ThreadFactory threadFactory() {
        if (managedThreads != null) {
            return managedThreads;
        }
        return runnable -> {
            Thread thread = new Thread(runnable);
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Where application code runs (controller functions, answers of client calls): the server's default managed
     * executor, else the scheduler.
     */
    public java.util.concurrent.ExecutorService executor() {
        return managedExecutor != null ? managedExecutor : scheduler();
    }

    /** The scheduler to use. */
    public synchronized ScheduledExecutorService scheduler() {
        if (managed != null) {
            return managed;
        }
        if (fallback == null) {
            LOG.warning("No managed scheduled executor service; token-sockjs uses a private timer thread");
            fallback = new ScheduledThreadPoolExecutor(1, runnable -> {
                Thread thread = new Thread(runnable, "token-sockjs-timer");
                thread.setDaemon(true);
                return thread;
            });
            fallback.setRemoveOnCancelPolicy(true);
        }
        return fallback;
    }

    @PreDestroy
    synchronized void stop() {
        if (fallback != null) {
            fallback.shutdownNow();
        }
    }
}
