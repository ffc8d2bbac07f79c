package io.tokensockjs.sockjs.session;

import io.tokensockjs.sockjs.CloseStatus;
import io.tokensockjs.sockjs.SockJsHandler;
import io.tokensockjs.sockjs.SockJsOptions;

import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One SockJS service: a prefix, its options, the application's handler and the sessions. The servlet and the
 * websocket endpoints of the service all lead here.
 */
public final class SockJsService {

    private static final Logger LOG = Logger.getLogger(SockJsService.class.getName());

    private final String name;
    private final SockJsOptions options;
    private final SockJsHandler handler;
    private final SessionRegistry sessions;
    private final ScheduledExecutorService scheduler;
    private final Executor closer;
    private final Executor sender;
    private final ServiceLog log;
    private ScheduledFuture<?> sweeper;

    /**
     * @param name     a name for logs and configuration
     * @param scheduler runs the periodic sweep, delayed checks, close notifications that cannot run where
     *                  they arise, and the writes to HTTP responses
     * @param closer    closes websockets, which may block the calling thread: never the server's shared pool
     * @param clock     the time source for heartbeats and timeouts, {@code System::nanoTime} outside tests
     */
    public SockJsService(String name, SockJsOptions options, SockJsHandler handler, ScheduledExecutorService scheduler,
            Executor closer, LongSupplier clock) {
        this(name, options, handler, scheduler, closer, null, clock);
    }

    /**
     * @param sender writes websocket sends made off the socket's reading thread, on containers that write a send on
     *               the caller's thread (Tyrus); null to write them there ({@link #sender()})
     */
    public SockJsService(String name, SockJsOptions options, SockJsHandler handler, ScheduledExecutorService scheduler,
            Executor closer, Executor sender, LongSupplier clock) {
        this.name = name;
        this.options = options;
        this.handler = handler;
        this.log = new ServiceLog(options.log(), options.logFunction());
        SessionSettings settings = new SessionSettings(handler,
                options.heartbeatDelay().toNanos(),
                options.disconnectDelay().toNanos(),
                options.maxQueuedBytes(),
                clock,
                log,
                scheduler);
        this.scheduler = scheduler;
        this.closer = closer;
        this.sender = sender;
        this.sessions = new SessionRegistry(options.prefix(), settings, options.maxSessions());
    }

    public String name() {
        return name;
    }

    public SockJsOptions options() {
        return options;
    }

    public SockJsHandler handler() {
        return handler;
    }

    public SessionRegistry sessions() {
        return sessions;
    }

    /** Runs the timers, and the tasks that write to HTTP responses (a write may wait for a slow client). */
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** Where the service's websockets are closed (a close may wait for the container). */
    public Executor closer() {
        return closer;
    }

    /**
     * Where a websocket send made off the socket's reading thread is written on Tyrus (Payara), whose sends complete
     * on the thread that makes them; null to write it on that thread.
     */
    public Executor sender() {
        return sender;
    }

    /** Where the service's connection and protocol-error lines go (the {@code log} option). */
    public ServiceLog log() {
        return log;
    }

    /**
     * Starts the timers: one periodic sweep drives every session's heartbeat and disconnect timeout. A tick of a
     * quarter of the shorter delay (at most one second) keeps both within a few percent of their setting.
     */
    public synchronized void start() {
        if (sweeper != null) {
            return;
        }
        long shorter = Math.min(options.heartbeatDelay().toMillis(), options.disconnectDelay().toMillis());
        long tick = Math.max(20, Math.min(1000, shorter / 4));
        sweeper = scheduler.scheduleWithFixedDelay(this::sweep, tick, tick, TimeUnit.MILLISECONDS);
        LOG.log(Level.INFO, "SockJS service {0} at {1}: websocket {2}, response limit {3}, heartbeat {4}, disconnect delay {5}",
                new Object[] {name, options.prefix(), options.websocket(), options.responseLimit(),
                    options.heartbeatDelay(), options.disconnectDelay()});
    }

    private void sweep() {
        try {
            sessions.sweep();
        } catch (RuntimeException e) {
            // A failure must not cancel the periodic task: every later heartbeat and timeout depends on it.
            LOG.log(Level.WARNING, "SockJS service " + name + ": sweep failed", e);
        }
    }

    /** Stops the timers and closes every session with {@code 1001 "Server shutting down"}. */
    public synchronized void stop() {
        if (sweeper != null) {
            sweeper.cancel(false);
            sweeper = null;
        }
        sessions.closeAll(CloseStatus.SERVER_SHUTDOWN);
    }
}
