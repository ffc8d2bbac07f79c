package io.tokensockjs.server;

import io.tokensockjs.SocketValidator;
import io.tokensockjs.config.TokenSockJsConfig;
import io.tokensockjs.threads.Scheduling;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Asks the application's {@link SocketValidator}, every {@code token-sockjs.revalidate}, whether each authenticated
 * socket of this server may stay, and closes those it refuses with the reason. The round runs on the executor, one
 * socket after the other, and the next round is scheduled only when it ended, so a slow validator never overlaps
 * itself.
 */
@ApplicationScoped
public class Revalidation {

    private static final Logger LOG = Logger.getLogger(Revalidation.class.getName());

    @Inject
    Instance<SocketValidator> validators;

    @Inject
    TokenSockJsConfig config;

    @Inject
    Scheduling scheduling;

    @Inject
    SocketRegistry sockets;

    @Inject
    ClusterOperations operations;

    private SocketValidator validator;
    private Duration interval;
    private volatile ScheduledFuture<?> next;
    private volatile boolean stopped;

    @PostConstruct
    void init() {
        Optional<Duration> configured = config.revalidate();
        if (configured.isEmpty()) {
            return;
        }
        if (!validators.isResolvable()) {
            LOG.warning("token-sockjs: " + TokenSockJsConfig.REVALIDATE + " is set but no SocketValidator bean is there to ask");
            return;
        }
        validator = validators.get();
        interval = configured.get();
        schedule();
        LOG.info(() -> "token-sockjs: sockets are re-validated every " + interval);
    }

    void applicationStarted(@Observes @Initialized(ApplicationScoped.class) Object event) {
        LOG.fine("re-validation ready");
    }

    @PreDestroy
    void stop() {
        stopped = true;
        ScheduledFuture<?> pending = next;
        if (pending != null) {
            pending.cancel(false);
        }
    }

    private void schedule() {
        if (!stopped) {
            next = scheduling.scheduler().schedule(() -> scheduling.executor().execute(this::round),
                    interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void round() {
        try {
            for (SocketImpl socket : List.copyOf(sockets.authenticatedSockets())) {
                if (stopped) {
                    return;
                }
                if (!socket.isOpen()) {
                    continue;
                }
                Optional<String> refusal;
                try {
                    refusal = validator.refusal(socket);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "The SocketValidator failed on socket " + socket.id() + "; it stays", e);
                    continue;
                }
                if (refusal != null && refusal.isPresent()) {
                    operations.closeLocal(socket, refusal.get());
                }
            }
        } finally {
            schedule();
        }
    }
}
