package org.glassfish.tyrus.core;

import java.util.concurrent.ScheduledExecutorService;

/**
 * The shape of Payara's Tyrus container that {@code TyrusIdleTimer} relies on, for its tests: the final managed
 * scheduler every new session takes in its constructor, where it sets its idle timeout and so schedules a first
 * idle timer.
 */
public class BaseContainer {

    private final ScheduledExecutorService managedScheduledExecutorService;

    public BaseContainer(ScheduledExecutorService managed) {
        this.managedScheduledExecutorService = managed;
    }

    public ScheduledExecutorService getScheduledExecutorService() {
        return managedScheduledExecutorService;
    }

    /** A session as Tyrus makes one: the container's scheduler, then the idle timeout (the server's default, 0). */
    public TyrusSession newSession() {
        TyrusSession session = new TyrusSession(getScheduledExecutorService());
        session.setMaxIdleTimeout(0);
        session.restartIdleTimeoutExecutor();
        return session;
    }
}
