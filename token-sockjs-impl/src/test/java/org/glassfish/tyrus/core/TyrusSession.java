package org.glassfish.tyrus.core;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The shape of Payara's Tyrus session that {@code TyrusIdleTimer} relies on, for its tests (Tyrus is not on the
 * test class path): the private {@code service} scheduler and the idle timer command that
 * {@code restartIdleTimeoutExecutor} schedules on every message, with the session's idle timeout as delay.
 */
public class TyrusSession {

    private ScheduledExecutorService service;
    private long maxIdleTimeout;
    public int idleTimersRun;

    public TyrusSession(ScheduledExecutorService service) {
        this.service = service;
    }

    public ScheduledExecutorService scheduler() {
        return service;
    }

    public void setMaxIdleTimeout(long timeout) {
        maxIdleTimeout = timeout;
    }

    /** What Payara's Tyrus does per message. */
    public void restartIdleTimeoutExecutor() {
        service.schedule(new IdleTimeoutCommand(), maxIdleTimeout, TimeUnit.MILLISECONDS);
    }

    private final class IdleTimeoutCommand implements Runnable {
        @Override
        public void run() {
            idleTimersRun++;
        }
    }
}
