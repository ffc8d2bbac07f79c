package io.tokensockjs.threads;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The threads of the library. The one scheduler: the server's default managed scheduled executor, so that timer work
 * (heartbeats, timeouts, close notifications that reach application code) runs with the application's
 * context; a private daemon thread only where the server offers none. Websocket closes, which block, have
 * threads of their own ({@link #closer()}), and so have websocket sends made off a socket's reading thread on
 * containers that write a send on its caller's thread ({@link #sender()}).
 */
@ApplicationScoped
public class Scheduling {

    private static final Logger LOG = Logger.getLogger(Scheduling.class.getName());

    /** Websocket closes that may wait at once; each normally waits milliseconds. */
    static final int CLOSER_THREADS = 4;

    private ManagedScheduledExecutorService managed;
    private ManagedExecutorService managedExecutor;
    private ManagedThreadFactory managedThreads;

    private ScheduledThreadPoolExecutor fallback;
    private ThreadPoolExecutor closerPool;
    private Executor closer;
    private ThreadPoolExecutor senderPool;
    private ThreadPoolExecutor responderPool;

    /**
     * The server's default concurrency resources, by their standard names. Looked up rather than injected with
     * {@code @Resource}: Payara Micro did not register the injection of this class (it lives in a library jar
     * of the WAR) and failed to create it ("Lookup failed for java:comp/env/...Scheduling/managed"), which
     * stopped the deployment; the lookup works on every runtime, and a missing resource means the fallbacks.
     */
    @PostConstruct
    void lookUpServerResources() {
        managed = lookup("java:comp/DefaultManagedScheduledExecutorService", ManagedScheduledExecutorService.class);
        managedExecutor = lookup("java:comp/DefaultManagedExecutorService", ManagedExecutorService.class);
        managedThreads = lookup("java:comp/DefaultManagedThreadFactory", ManagedThreadFactory.class);
    }

    private static <T> T lookup(String name, Class<T> type) {
        try {
            return type.cast(new InitialContext().lookup(name));
        } catch (NamingException | ClassCastException e) {
            LOG.log(Level.INFO, "token-sockjs cannot use " + name + " of the server: " + e);
            return null;
        }
    }

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

    /**
     * Where websockets are closed. Open Liberty's {@code Session.close()}, called on any thread but the socket's
     * reading one, cancels the pending read and waits (up to 8.5 s) for the cancellation, which the server
     * completes on its default executor, the pool the managed executors share. Many closes at once there (a burst
     * of refused handshakes) take every thread of that pool to wait for work that needs one of them: sends,
     * answers and closes of every socket stall for seconds. So closes run on a few threads of their own, from the
     * managed thread factory (a close can reach application code: the observers of closed sockets), which end
     * when idle. A close handed over after {@link #stop()} is dropped: the server closes its sockets itself then.
     */
    public synchronized Executor closer() {
        if (closer == null) {
            ThreadFactory threads = managedThreads != null ? managedThreads : runnable -> {
                Thread thread = new Thread(runnable, "token-sockjs-closer");
                thread.setDaemon(true);
                return thread;
            };
            closerPool = new ThreadPoolExecutor(CLOSER_THREADS, CLOSER_THREADS, 30, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), threads);
            closerPool.allowCoreThreadTimeOut(true);
            ThreadPoolExecutor pool = closerPool;
            closer = command -> {
                try {
                    pool.execute(command);
                } catch (RejectedExecutionException e) {
                    LOG.log(Level.FINE, "websocket close skipped: the application is stopping", e);
                }
            };
        }
        return closer;
    }

    /**
     * Where websocket sends made off a socket's reading thread are written on Tyrus (Payara), whose sends are written
     * and completed on the thread that makes them: one thread per processor, from the managed thread factory, ending
     * when idle. A send never waits there for a slow client (the container queues what a client does not read), and
     * each socket has at most one send in flight, so the queue holds at most one task per socket. After
     * {@link #stop()} it rejects, and the send fails as on a closed socket.
     */
    public synchronized Executor sender() {
        if (senderPool == null) {
            senderPool = threadPerProcessor("token-sockjs-sender");
        }
        return senderPool;
    }

    /**
     * Where asynchronous HTTP answers are resumed (the token route's, once Redis stored the token): one thread per
     * processor, from the managed thread factory, ending when idle; a plain pool, not the managed executor, whose
     * context capture per task cost more than the answer (Payara). A resumed answer may run more than itself: on
     * Payara, Grizzly goes on to serve the connection's next request on the resuming thread. After {@link #stop()}
     * it rejects (the caller then answers on its own thread).
     */
    public synchronized Executor responder() {
        if (responderPool == null) {
            responderPool = threadPerProcessor("token-sockjs-responder");
        }
        return responderPool;
    }

    /** A pool of one thread per processor, from the managed thread factory, whose threads end when idle. */
    private ThreadPoolExecutor threadPerProcessor(String name) {
        int threads = Runtime.getRuntime().availableProcessors();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threadFactory(name));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private ThreadFactory threadFactory(String name) {
        return managedThreads != null ? managedThreads : runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** After {@link #stop()}: waits until the closes handed over before it have run; false when they still run. */
    boolean awaitClosesDone(long timeout, TimeUnit unit) throws InterruptedException {
        ThreadPoolExecutor pool;
        synchronized (this) {
            pool = closerPool;
        }
        return pool == null || pool.awaitTermination(timeout, unit);
    }

    @PreDestroy
    synchronized void stop() {
        if (fallback != null) {
            fallback.shutdownNow();
        }
        if (closerPool != null) {
            // Closes already handed over still run.
            closerPool.shutdown();
        }
        if (senderPool != null) {
            senderPool.shutdown();
        }
        if (responderPool != null) {
            responderPool.shutdown();
        }
    }
}
