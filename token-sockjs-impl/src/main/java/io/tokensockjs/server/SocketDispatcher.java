package io.tokensockjs.server;

import io.tokensockjs.config.TokenSockJsConfig;
import io.tokensockjs.event.SocketClosedEvent;
import io.tokensockjs.json.JsonCodec;
import io.tokensockjs.metrics.TokenSocketMetrics;
import io.tokensockjs.tracing.Tracing;
import io.tokensockjs.protocol.ClientRequest;
import io.tokensockjs.protocol.Command;
import io.tokensockjs.protocol.ErrorCode;
import io.tokensockjs.protocol.MessageFields;
import io.tokensockjs.protocol.WireMessages;
import io.tokensockjs.pubsub.PubSub;
import io.tokensockjs.rpc.FunctionRegistry;
import io.tokensockjs.sockjs.CloseStatus;
import io.tokensockjs.sockjs.SockJsConnection;
import io.tokensockjs.sockjs.SockJsHandler;
import io.tokensockjs.threads.Scheduling;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;

import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The token protocol on top of SockJS: reads each message once and routes it by the socket's state and the
 * {@link Command} it names, to the {@link Handshake}, the {@link CallInvoker}, the client calls' answers or
 * publish/subscribe. Every request gets an answer keyed by its {@code rpc} and {@code uuid}; nothing but the stable
 * error strings of {@link ErrorCode} (or an application's {@code SocketException}) reaches the wire.
 */
@ApplicationScoped
public class SocketDispatcher implements SockJsHandler {

    private static final Logger LOG = Logger.getLogger(SocketDispatcher.class.getName());

    /** Close status of a socket that sent too much before its authentication was decided. */
    static final CloseStatus FLOODING = new CloseStatus(4003, "Too many messages before authentication");

    @Inject
    TokenSockJsConfig config;

    @Inject
    FunctionRegistry functions;

    @Inject
    SocketRegistry sockets;

    @Inject
    Handshake handshake;

    @Inject
    SocketSweeper sweeper;

    @Inject
    Scheduling scheduling;

    @Inject
    JsonCodec json;

    @Inject
    PubSub pubSub;

    @Inject
    Event<SocketClosedEvent> closedEvents;

    @Inject
    PresenceTracker presence;

    @Inject
    TokenSocketMetrics metrics;

    @Inject
    Tracing tracing;

    private Jsonb jsonb;
    private Level messageLevel;
    private boolean ping;
    private CallInvoker calls;

    @PostConstruct
    void init() {
        // Plain references for the per-message path instead of client proxies (package-info).
        functions = functions.unproxied().get();
        sockets = sockets.unproxied().get();
        metrics = metrics.unproxied().get();
        tracing = tracing.unproxied().get();
        jsonb = json.jsonb();
        messageLevel = config.messageLogLevel();
        ping = config.ping();
        calls = new CallInvoker(functions, jsonb, config.rpcOnExecutor() ? scheduling.executor() : null, messageLevel, metrics, tracing);
        SocketGauges.register(metrics, sockets);
        sweeper.startConfiguredCleanup();
    }

    @Override
    public void onOpen(SockJsConnection connection) {
        SocketImpl socket = new SocketImpl(connection, jsonb, config.maxPendingCalls(), scheduling.executor(), metrics, tracing);
        sockets.connected(socket);
        metrics.sessionOpened(connection.protocol());
        if (sweeper.isShuttingDown()) {
            connection.close(CloseStatus.SERVER_SHUTDOWN);
        }
    }

    @Override
    public void onMessage(SockJsConnection connection, String text) {
        SocketImpl socket = sockets.connectedSocket(connection.id());
        if (socket == null) {
            return;
        }
        metrics.messageReceived(text);
        if (LOG.isLoggable(messageLevel)) {
            // Checked first: the supplier would capture the connection and the text, an allocation per message.
            LOG.log(messageLevel, "socket " + connection.id() + " <- " + abbreviate(text));
        }
        MessageFields message = MessageFields.parse(text);
        if (message == null) {
            socket.send(WireMessages.error(null, null, ErrorCode.INVALID_MESSAGE));
            return;
        }
        ClientRequest request = ClientRequest.of(message);
        switch (socket.admit(request)) {
            case NEW -> {
                if (request.command() == Command.AUTH && socket.startAuthentication()) {
                    handshake.authenticate(socket, request, held -> dispatch(socket, held));
                } else {
                    handshake.refuse(socket, request, ErrorCode.FORBIDDEN.wire(), "sent " + request.rpc() + " before auth");
                }
            }
            case DISPATCH -> dispatch(socket, request);
            case FLOODING -> {
                LOG.warning(() -> "socket " + socket.id() + " sent too many messages before its authentication was decided; closing it");
                socket.connection().close(FLOODING);
            }
            case HELD, CLOSED -> {
            }
        }
    }

    @Override
    public void onClose(SockJsConnection connection, CloseStatus status) {
        SocketImpl socket = sockets.connectedSocket(connection.id());
        if (socket == null) {
            return;
        }
        SocketImpl.State previous = socket.markClosed();
        metrics.sessionClosed(status.code());
        sockets.removed(socket);
        pubSub.closed(socket);
        socket.calls().failAll();
        if (previous == SocketImpl.State.OPEN) {
            presence.closed(socket);
            try {
                closedEvents.fire(new SocketClosedEvent(socket, status.code(), status.reason()));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "An observer of SocketClosedEvent failed", e);
            }
        }
    }

    /** A message of an authenticated socket. */
    private void dispatch(SocketImpl socket, ClientRequest request) {
        if (request.rpc() == null) {
            socket.send(WireMessages.error(null, request.uuid(), ErrorCode.INVALID_MESSAGE));
            return;
        }
        Command command = request.command();
        if (command == null) {
            calls.call(socket, request);
            return;
        }
        switch (command) {
            case AUTH -> socket.send(WireMessages.error(request.rpc(), request.uuid(), ErrorCode.ALREADY_AUTHENTICATED));
            case CALL_ANSWER -> answerCall(socket, request);
            case SUBSCRIBE, UNSUBSCRIBE, PUBLISH, BROADCAST, HISTORY -> pubSub.handle(socket, request);
            case PRESENCE -> presence.request(socket, request);
            case PING -> socket.send(ping
                    ? WireMessages.answer(request.rpc(), request.uuid(), "{\"message\":\"pong\"}")
                    : WireMessages.error(request.rpc(), request.uuid(), ErrorCode.FUNCTION_NOT_FOUND));
        }
    }

    /** The client answered a call the server made: {@code {"rpc":"_rpc","fid":F,"resp":R}}. */
    private static void answerCall(SocketImpl socket, ClientRequest request) {
        socket.calls().answer(request.string("fid"), request.value("resp"));
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "... (" + text.length() + " characters)";
    }

    /**
     * This bean itself, not its client proxy: called through the proxy once, it gives the per-message path a plain
     * reference (why that is safe: the package-info of {@code io.tokensockjs.server}). Wrapped, because Weld's proxy
     * hands back itself for a method that returns {@code this}.
     */
    public Supplier<SocketDispatcher> unproxied() {
        SocketDispatcher self = this;
        return () -> self;
    }
}
