package io.tokensockjs.server;

import io.tokensockjs.config.TokenSockJsConfig;
import io.tokensockjs.sockjs.CloseStatus;
import io.tokensockjs.threads.Scheduling;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ends sockets: the cleanup of those that do not authenticate in time ({@code token-sockjs.cleanup}) and the
 * shutdown of the server, after which every new socket is closed at once.
 */
@ApplicationScoped
public class SocketSweeper {

    private static final Logger LOG = Logger.getLogger(SocketSweeper.class.getName());

    /** Close status of a socket that never authenticated within the cleanup time. */
    static final CloseStatus UNAUTHENTICATED = new CloseStatus(4002, "Not authenticated in time");

    @Inject
    TokenSockJsConfig config;

    @Inject
    SocketRegistry sockets;

    @Inject
    Scheduling scheduling;

    private volatile boolean shutdown;
    private volatile Duration cleanup;
    private ScheduledFuture<?> cleanupSweep;

    /** Starts the cleanup that {@code token-sockjs.cleanup} asks for; called once, as the token sockets start. */
    void startConfiguredCleanup() {
        config.cleanup().ifPresent(this::enableCleanup);
    }

    /** Closes sockets that have not authenticated within the timeout of their opening. */
    public synchronized void enableCleanup(Duration timeout) {
        disableCleanup();
        cleanup = timeout;
        long tick = Math.max(50, Math.min(1000, timeout.toMillis() / 4));
        cleanupSweep = scheduling.scheduler().scheduleWithFixedDelay(this::sweepUnauthenticated, tick, tick, TimeUnit.MILLISECONDS);
    }

    public synchronized void disableCleanup() {
        cleanup = null;
        if (cleanupSweep != null) {
            cleanupSweep.cancel(false);
            cleanupSweep = null;
        }
    }

    private void sweepUnauthenticated() {
        Duration timeout = cleanup;
        if (timeout == null) {
            return;
        }
        long now = System.nanoTime();
        for (SocketImpl socket : sockets.connectedSockets()) {
            SocketImpl.State state = socket.state();
            if ((state == SocketImpl.State.NEW || state == SocketImpl.State.AUTHENTICATING)
                    && now - socket.openedNanos() >= timeout.toNanos()) {
                LOG.log(Level.INFO, () -> "socket " + socket.id() + " did not authenticate within " + timeout + "; closing it");
                socket.connection().close(UNAUTHENTICATED);
            }
        }
    }

    /** Refuses new sockets and closes every open one. */
    public void shutdown() {
        shutdown = true;
        for (SocketImpl socket : List.copyOf(sockets.connectedSockets())) {
            socket.connection().close(CloseStatus.SERVER_SHUTDOWN);
        }
    }

    public boolean isShuttingDown() {
        return shutdown;
    }

    @PreDestroy
    void stop() {
        disableCleanup();
    }
}
