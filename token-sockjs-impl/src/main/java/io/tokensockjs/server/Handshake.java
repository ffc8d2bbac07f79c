package io.tokensockjs.server;

import io.tokensockjs.auth.TokenData;
import io.tokensockjs.auth.TokenStores;
import io.tokensockjs.config.TokenSockJsConfig;
import io.tokensockjs.event.AuthenticationEvent;
import io.tokensockjs.events.AuthenticationEventImpl;
import io.tokensockjs.events.VetoOutcomes;
import io.tokensockjs.metrics.TokenEvent;
import io.tokensockjs.metrics.TokenSocketMetrics;
import io.tokensockjs.protocol.ClientRequest;
import io.tokensockjs.protocol.ErrorCode;
import io.tokensockjs.protocol.WireMessages;
import io.tokensockjs.sockjs.CloseStatus;
import io.tokensockjs.sockjs.frame.JsonStrings;
import io.tokensockjs.threads.Scheduling;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonException;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code auth} handshake: the token is redeemed (once, off the container thread: the store may be Redis), its
 * data attached to the socket, the {@link AuthenticationEvent} observers decide, and the client hears
 * {@code "success"} or the refusal's reason before its socket is closed with {@link #REFUSED}.
 */
@ApplicationScoped
public class Handshake {

    private static final Logger LOG = Logger.getLogger(Handshake.class.getName());

    /** Close status of a socket refused during the handshake. */
    static final CloseStatus REFUSED = new CloseStatus(4001, "Authentication refused");

    @Inject
    TokenSockJsConfig config;

    @Inject
    TokenStores tokens;

    @Inject
    SocketRegistry sockets;

    @Inject
    SocketSweeper sweeper;

    @Inject
    Scheduling scheduling;

    @Inject
    Event<AuthenticationEvent> authenticationEvents;

    @Inject
    UserIdentity users;

    @Inject
    PresenceTracker presence;

    @Inject
    TokenSocketMetrics metrics;

    private Level messageLevel;

    @PostConstruct
    void init() {
        messageLevel = config.messageLogLevel();
    }

    /**
     * Authenticates a socket that sent {@code auth}.
     *
     * @param held receives, in order, the messages the client sent while its authentication was decided, once it is
     *             open
     */
    void authenticate(SocketImpl socket, ClientRequest request, Consumer<ClientRequest> held) {
        if (sweeper.isShuttingDown()) {
            refuse(socket, request, ErrorCode.SHUTTING_DOWN.wire(), "server shutting down");
            return;
        }
        try {
            scheduling.executor().execute(() -> redeem(socket, request, held));
        } catch (RejectedExecutionException e) {
            // A burst of connections can fill a bounded executor (Payara's default managed one: 200 threads): the
            // client is refused with a reason it can retry on, instead of waiting unauthenticated for nothing.
            LOG.log(Level.WARNING, () -> "socket " + socket.id() + ": authentication not started, the executor rejected it (" + e.getMessage() + ")");
            refuse(socket, request, ErrorCode.TOO_MANY_REQUESTS.wire(), "executor busy");
        }
    }

    private void redeem(SocketImpl socket, ClientRequest request, Consumer<ClientRequest> held) {
        Optional<TokenData> data;
        try {
            data = tokens.store().redeem(request.string("token"));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Token store failed while redeeming a token", e);
            refuse(socket, request, ErrorCode.INTERNAL_ERROR.wire(), "token store failed");
            return;
        }
        metrics.token(data.isPresent() ? TokenEvent.REDEEMED : TokenEvent.INVALID);
        if (data.isEmpty()) {
            refuse(socket, request, ErrorCode.INVALID_TOKEN.wire(), "unknown, expired or used token");
            return;
        }
        try {
            socket.attach(data.get());
            socket.identify(users.of(socket.authData()));
        } catch (JsonException e) {
            refuse(socket, request, ErrorCode.INTERNAL_ERROR.wire(), "stored authentication data is not JSON");
            return;
        }
        VetoOutcomes.decide(new AuthenticationEventImpl(socket), authenticationEvents::fire, "AuthenticationEvent",
                reason -> {
                    metrics.veto(AuthenticationEvent.class.getSimpleName());
                    refuse(socket, request, reason, "vetoed by an observer");
                },
                () -> open(socket, request, held));
    }

    private void open(SocketImpl socket, ClientRequest request, Consumer<ClientRequest> held) {
        if (!socket.open()) {
            return;
        }
        sockets.authenticated(socket);
        presence.opened(socket);
        socket.send(WireMessages.answer(request.rpc(), request.uuid(), "\"success\""));
        LOG.log(messageLevel, () -> "socket " + socket.id() + " authenticated from " + socket.ip());
        // Until none is left, what arrives meanwhile is held behind these: dispatched here, in order.
        for (List<ClientRequest> messages = socket.takeHeld(); !messages.isEmpty(); messages = socket.takeHeld()) {
            for (ClientRequest message : messages) {
                try {
                    held.accept(message);
                } catch (RuntimeException e) {
                    // As the session does for a message it delivers: the next ones still go, and the socket is not
                    // left holding everything the client sends from now on.
                    LOG.log(Level.WARNING, "Handling a message held during the authentication of socket " + socket.id() + " failed", e);
                }
            }
        }
    }

    /** Tells the client why, then closes its socket with {@link #REFUSED}. */
    void refuse(SocketImpl socket, ClientRequest request, String reason, String why) {
        LOG.log(Level.INFO, () -> "socket " + socket.id() + " refused: " + why);
        socket.sendAndClose(WireMessages.error(request.rpc(), request.uuid(), JsonStrings.quote(reason)), REFUSED);
    }
}
