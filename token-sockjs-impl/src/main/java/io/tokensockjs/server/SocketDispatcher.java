package io.tokensockjs.server;

import io.tokensockjs.SocketException;
import io.tokensockjs.auth.TokenData;
import io.tokensockjs.auth.TokenStores;
import io.tokensockjs.config.TokenSockJsConfig;
import io.tokensockjs.event.AuthenticationEvent;
import io.tokensockjs.event.SocketClosedEvent;
import io.tokensockjs.events.AuthenticationEventImpl;
import io.tokensockjs.json.Jsonp;
import io.tokensockjs.json.SafeJsonb;
import io.tokensockjs.protocol.ClientRequest;
import io.tokensockjs.protocol.ErrorCode;
import io.tokensockjs.protocol.WireMessages;
import io.tokensockjs.pubsub.PubSub;
import io.tokensockjs.rpc.FunctionRegistry;
import io.tokensockjs.rpc.InvalidRequestException;
import io.tokensockjs.rpc.RpcFunction;
import io.tokensockjs.sockjs.CloseStatus;
import io.tokensockjs.sockjs.SockJsConnection;
import io.tokensockjs.sockjs.SockJsHandler;
import io.tokensockjs.sockjs.frame.JsonStrings;
import io.tokensockjs.threads.Scheduling;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The token protocol on top of SockJS: the {@code auth} handshake, then calls by name, the client's answers to
 * server calls and the keep-alive. Every request gets an answer keyed by its {@code rpc} and {@code uuid}; nothing
 * but the stable error strings of {@link ErrorCode} (or an application's {@link SocketException}) reaches the wire.
 */
@ApplicationScoped
public class SocketDispatcher implements SockJsHandler {

    private static final Logger LOG = Logger.getLogger(SocketDispatcher.class.getName());

    /** Calls one socket may have unanswered at once; more are refused, so one client cannot pile up pending work. */
    static final int MAX_CALLS_IN_FLIGHT = 64;

    /** Close status of a socket refused during the handshake. */
    static final CloseStatus REFUSED = new CloseStatus(4001, "Authentication refused");
    /** Close status of a socket that never authenticated within the cleanup time. */
    static final CloseStatus UNAUTHENTICATED = new CloseStatus(4002, "Not authenticated in time");
    /** Close status of a socket that sent too much before its authentication was decided. */
    static final CloseStatus FLOODING = new CloseStatus(4003, "Too many messages before authentication");

    @Inject
    TokenSockJsConfig config;

    @Inject
    TokenStores tokens;

    @Inject
    FunctionRegistry functions;

    @Inject
    SocketRegistry sockets;

    @Inject
    Scheduling scheduling;

    @Inject
    PubSub pubSub;

    @Inject
    Event<AuthenticationEvent> authenticationEvents;

    @Inject
    Event<SocketClosedEvent> closedEvents;

    private JsonReaderFactory readers;
    private Jsonb jsonb;
    private Level messageLevel;
    private boolean ping;
    private boolean callsOnExecutor;
    private volatile boolean shutdown;
    private volatile Duration cleanup;
    private ScheduledFuture<?> cleanupSweep;

    @PostConstruct
    void init() {
        readers = Jsonp.PROVIDER.createReaderFactory(Map.of());
        jsonb = SafeJsonb.create();
        messageLevel = config.debug() ? Level.INFO : Level.FINE;
        ping = config.ping();
        callsOnExecutor = config.rpcOnExecutor();
        config.cleanup().ifPresent(this::enableCleanup);
    }

    Jsonb jsonb() {
        return jsonb;
    }

    // ---- SockJsHandler -----------------------------------------------------------------------------------------

    @Override
    public void onOpen(SockJsConnection connection) {
        SocketImpl socket = new SocketImpl(connection, jsonb, config.maxPendingCalls(), scheduling.executor());
        sockets.connected(socket);
        if (shutdown) {
            connection.close(CloseStatus.SERVER_SHUTDOWN);
        }
    }

    @Override
    public void onMessage(SockJsConnection connection, String text) {
        SocketImpl socket = sockets.connectedSocket(connection.id());
        if (socket == null) {
            return;
        }
        LOG.log(messageLevel, () -> "socket " + connection.id() + " <- " + abbreviate(text));
        JsonObject message = parse(text);
        if (message == null) {
            socket.send(WireMessages.error(null, null, ErrorCode.INVALID_MESSAGE));
            return;
        }
        ClientRequest request = ClientRequest.of(message);
        switch (socket.state()) {
            case NEW -> {
                if ("auth".equals(request.rpc()) && socket.startAuthentication()) {
                    authenticate(socket, request);
                } else {
                    refuse(socket, request, ErrorCode.FORBIDDEN.wire(), "sent " + request.rpc() + " before auth");
                }
            }
            case AUTHENTICATING -> {
                if ("_rpc".equals(request.rpc())) {
                    // Answers to calls the authentication observers made: they cannot wait for the outcome.
                    socket.calls().answer(request.string("fid"), message.get("resp"));
                } else if (!socket.hold(request)) {
                    LOG.warning(() -> "socket " + socket.id() + " sent too many messages before its authentication was decided; closing it");
                    socket.connection().close(FLOODING);
                }
            }
            case OPEN -> dispatch(socket, request);
            case CLOSED -> {
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
        sockets.removed(socket);
        pubSub.closed(socket);
        socket.calls().failAll();
        if (previous == SocketImpl.State.OPEN) {
            try {
                closedEvents.fire(new SocketClosedEvent(socket, status.code(), status.reason()));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "An observer of SocketClosedEvent failed", e);
            }
        }
    }

    // ---- handshake --------------------------------------------------------------------------------------------

    private void authenticate(SocketImpl socket, ClientRequest request) {
        if (shutdown) {
            refuse(socket, request, ErrorCode.SHUTTING_DOWN.wire(), "server shutting down");
            return;
        }
        // Redeeming may be a network call (Redis): off the container thread.
        scheduling.executor().execute(() -> {
            Optional<TokenData> data;
            try {
                data = tokens.store().redeem(request.string("token"));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Token store failed while redeeming a token", e);
                refuse(socket, request, ErrorCode.INTERNAL_ERROR.wire(), "token store failed");
                return;
            }
            if (data.isEmpty()) {
                refuse(socket, request, ErrorCode.INVALID_TOKEN.wire(), "unknown, expired or used token");
                return;
            }
            try {
                socket.attach(data.get());
            } catch (JsonException e) {
                refuse(socket, request, ErrorCode.INTERNAL_ERROR.wire(), "stored authentication data is not JSON");
                return;
            }
            AuthenticationEventImpl event = new AuthenticationEventImpl(socket);
            try {
                authenticationEvents.fire(event);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "An observer of AuthenticationEvent failed; refusing the socket", e);
                event.veto(ErrorCode.FORBIDDEN.wire());
            }
            event.outcome().whenComplete((reason, failure) -> {
                if (reason != null || failure != null) {
                    refuse(socket, request, reason != null ? reason : ErrorCode.FORBIDDEN.wire(), "vetoed by an observer");
                    return;
                }
                List<ClientRequest> held = socket.open();
                if (held == null) {
                    return;
                }
                sockets.authenticated(socket);
                socket.send(WireMessages.answer("auth", request.uuid(), "\"success\""));
                LOG.log(messageLevel, () -> "socket " + socket.id() + " authenticated from " + socket.ip());
                held.forEach(message -> dispatch(socket, message));
            });
        });
    }

    private void refuse(SocketImpl socket, ClientRequest request, String reason, String why) {
        LOG.log(Level.INFO, () -> "socket " + socket.id() + " refused: " + why);
        socket.send(WireMessages.error(request.rpc(), request.uuid(), JsonStrings.quote(reason)));
        socket.connection().close(REFUSED);
    }

    // ---- calls ---------------------------------------------------------------------------------------------------

    private void dispatch(SocketImpl socket, ClientRequest request) {
        String rpc = request.rpc();
        if (rpc == null) {
            socket.send(WireMessages.error(null, request.uuid(), ErrorCode.INVALID_MESSAGE));
            return;
        }
        switch (rpc) {
            case "auth" -> socket.send(WireMessages.error(rpc, request.uuid(), ErrorCode.ALREADY_AUTHENTICATED));
            case "_rpc" -> socket.calls().answer(request.string("fid"), request.message().get("resp"));
            case "_subscribe", "_unsubscribe", "_publish", "_broadcast" -> pubSub.handle(socket, request);
            case "_ping" -> socket.send(ping
                    ? WireMessages.answer(rpc, request.uuid(), "{\"message\":\"pong\"}")
                    : WireMessages.error(rpc, request.uuid(), ErrorCode.FUNCTION_NOT_FOUND));
            default -> call(socket, request);
        }
    }

    private void call(SocketImpl socket, ClientRequest request) {
        RpcFunction function = functions.get(request.rpc());
        if (function == null) {
            socket.send(WireMessages.error(request.rpc(), request.uuid(), ErrorCode.FUNCTION_NOT_FOUND));
            return;
        }
        if (socket.callsInFlight().incrementAndGet() > MAX_CALLS_IN_FLIGHT) {
            socket.callsInFlight().decrementAndGet();
            socket.send(WireMessages.error(request.rpc(), request.uuid(), ErrorCode.TOO_MANY_REQUESTS));
            return;
        }
        if (callsOnExecutor) {
            scheduling.executor().execute(() -> invoke(function, socket, request));
        } else {
            // The thread that read the message already runs in the application's context, and a hand-off to the
            // managed executor (queue, wake-up, context capture) cost more than an echo function itself.
            invoke(function, socket, request);
        }
    }

    private void invoke(RpcFunction function, SocketImpl socket, ClientRequest request) {
        Object result;
        try {
            result = function.call(socket, request.req());
        } catch (Exception | LinkageError e) {
            answerFailure(socket, request, e);
            return;
        }
        if (result instanceof CompletionStage<?> stage) {
            stage.whenComplete((value, failure) -> {
                if (failure != null) {
                    answerFailure(socket, request, failure);
                } else {
                    answerValue(socket, request, value);
                }
            });
        } else {
            answerValue(socket, request, result);
        }
    }

    private void answerValue(SocketImpl socket, ClientRequest request, Object value) {
        socket.callsInFlight().decrementAndGet();
        String json;
        try {
            json = toJson(value);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The answer of " + request.rpc() + " cannot be written as JSON", e);
            socket.send(WireMessages.error(request.rpc(), request.uuid(), ErrorCode.INTERNAL_ERROR));
            return;
        }
        socket.send(WireMessages.answer(request.rpc(), request.uuid(), json));
    }

    private void answerFailure(SocketImpl socket, ClientRequest request, Throwable failure) {
        socket.callsInFlight().decrementAndGet();
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        String errorJson;
        if (cause instanceof SocketException socketException) {
            errorJson = toJsonOrMessage(socketException);
        } else if (cause instanceof InvalidRequestException) {
            LOG.log(messageLevel, () -> "socket " + socket.id() + ": " + request.rpc() + ": " + cause.getMessage());
            errorJson = JsonStrings.quote(ErrorCode.INVALID_REQUEST.wire());
        } else {
            LOG.log(Level.WARNING, "Function " + request.rpc() + " failed", cause);
            errorJson = JsonStrings.quote(ErrorCode.INTERNAL_ERROR.wire());
        }
        socket.send(WireMessages.error(request.rpc(), request.uuid(), errorJson));
    }

    private String toJsonOrMessage(SocketException exception) {
        try {
            return toJson(exception.error());
        } catch (RuntimeException e) {
            return JsonStrings.quote(String.valueOf(exception.getMessage()));
        }
    }

    String toJson(Object value) {
        return SafeJsonb.write(jsonb, value);
    }

    private JsonObject parse(String text) {
        try (JsonReader reader = readers.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject object ? object : null;
        } catch (RuntimeException e) {
            // JsonException for bad syntax, but Parsson's nesting limit throws a bare RuntimeException.
            return null;
        }
    }

    // ---- cleanup and shutdown ------------------------------------------------------------------------------------

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

    @PreDestroy
    void stop() {
        disableCleanup();
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "... (" + text.length() + " characters)";
    }
}
