package io.tokensockjs.server;

import io.tokensockjs.Socket;
import io.tokensockjs.auth.TokenData;
import io.tokensockjs.pubsub.ChannelMember;
import io.tokensockjs.json.Jsonp;
import io.tokensockjs.metrics.TokenSocketMetrics;
import io.tokensockjs.tracing.Tracing;
import io.tokensockjs.protocol.ClientRequest;
import io.tokensockjs.protocol.Command;
import io.tokensockjs.sockjs.CloseStatus;
import io.tokensockjs.sockjs.ReadyState;
import io.tokensockjs.sockjs.SockJsConnection;
import io.tokensockjs.sockjs.SockJsMessage;

import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/** A token socket: a SockJS connection and what the token protocol knows of it. */
public final class SocketImpl implements ChannelMember {

    /** Where a socket is in the handshake. */
    enum State { NEW, AUTHENTICATING, OPEN, CLOSED }

    /** What the dispatcher does with a message that arrived, decided with the socket's state under its lock. */
    enum Admission {
        /** The socket is new: the message is its authentication, or it is refused. */
        NEW,
        /** Dispatch it now. */
        DISPATCH,
        /** Kept, to be dispatched in order after the messages held before it ({@link #takeHeld()}). */
        HELD,
        /** Too many are held already: the client is flooding. */
        FLOODING,
        /** The socket is closed: ignore it. */
        CLOSED
    }

    /** Messages a client may send while its authentication is being decided; they are handled after it. */
    static final int MAX_HELD_MESSAGES = 32;

    private final SockJsConnection connection;
    private final Jsonb jsonb;
    private final long openedNanos = System.nanoTime();
    private final Set<String> channels = ConcurrentHashMap.newKeySet();
    private final ClientCalls calls;
    private final AtomicInteger callsInFlight = new AtomicInteger();
    private final TokenSocketMetrics metrics;

    // Guarded by this.
    private State state = State.NEW;
    /** Two slots, not 16: kept for the socket's life, and messages arrive during authentication only rarely. */
    private final ArrayDeque<ClientRequest> held = new ArrayDeque<>(2);
    /**
     * Open, and the handshake's thread is still dispatching the messages held during the authentication: later ones
     * are held behind them, so that a client's messages are dispatched one at a time and in the order it sent them.
     */
    private boolean draining;
    private volatile JsonValue authData = JsonValue.NULL;
    private volatile TokenData token;
    private volatile Instant created;
    private volatile String user;

    SocketImpl(SockJsConnection connection, Jsonb jsonb, int maxPendingCalls, Executor executor, TokenSocketMetrics metrics,
            Tracing tracing) {
        this.connection = connection;
        this.jsonb = jsonb;
        this.metrics = metrics;
        this.calls = new ClientCalls(maxPendingCalls, executor, metrics, tracing);
    }

    @Override
    public String id() {
        return connection.id();
    }

    @Override
    public JsonValue authData() {
        return authData;
    }

    @Override
    public <T> T authData(Class<T> type) {
        return jsonb.fromJson(authData.toString(), type);
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public Set<String> channels() {
        return Collections.unmodifiableSet(channels);
    }

    @Override
    public Instant created() {
        return created;
    }

    @Override
    public String host() {
        TokenData data = token;
        return data == null ? null : data.host();
    }

    @Override
    public String ip() {
        TokenData data = token;
        return data == null || data.ips().isEmpty() ? null : data.ips().get(0);
    }

    @Override
    public List<String> ips() {
        TokenData data = token;
        return data == null ? List.of() : data.ips();
    }

    @Override
    public boolean isOpen() {
        return state() == State.OPEN && connection.readyState() == ReadyState.OPEN;
    }

    @Override
    public void close() {
        connection.close();
    }

    /** The transport that opened the socket, as sockjs-client names it. */
    public String transport() {
        return connection.protocol();
    }

    /** Characters queued for the client and not yet written. */
    public long queuedChars() {
        return connection.queuedChars();
    }

    @Override
    public String toString() {
        return "Socket[" + id() + " " + state() + "]";
    }

    // ---- for the dispatcher ------------------------------------------------------------------------------------

    SockJsConnection connection() {
        return connection;
    }

    ClientCalls calls() {
        return calls;
    }

    @Override
    public Set<String> channelSet() {
        return channels;
    }

    AtomicInteger callsInFlight() {
        return callsInFlight;
    }

    long openedNanos() {
        return openedNanos;
    }

    @Override
    public boolean send(String json) {
        return send(SockJsMessage.of(json));
    }

    @Override
    public boolean send(SockJsMessage message) {
        boolean queued = connection.write(message);
        if (queued) {
            metrics.messageSent(message, SocketImpl::measuredUtf8Length);
        }
        return queued;
    }

    /**
     * Sends a last message and closes the socket with the status, as one step: a client that leaves on reading the
     * message does not turn the close into its own (see {@link SockJsConnection#writeAndClose}).
     */
    void sendAndClose(String json, CloseStatus status) {
        SockJsMessage message = SockJsMessage.of(json);
        if (connection.writeAndClose(message, status)) {
            metrics.messageSent(message, SocketImpl::measuredUtf8Length);
        }
    }

    private static long measuredUtf8Length(SockJsMessage message) {
        return message.measured(TokenSocketMetrics::utf8Length);
    }

    synchronized State state() {
        return state;
    }

    /** NEW → AUTHENTICATING; false when the socket was not new. */
    synchronized boolean startAuthentication() {
        if (state != State.NEW) {
            return false;
        }
        state = State.AUTHENTICATING;
        return true;
    }

    /** Attaches the redeemed token's data, before the authentication observers see the socket. */
    void attach(TokenData data) {
        this.token = data;
        this.authData = Jsonp.parse(data.authJson());
        this.created = Instant.now();
    }

    /** Sets the user the authentication data names, before the authentication observers see the socket. */
    void identify(String user) {
        this.user = user;
    }

    /**
     * Decides, under the socket's lock, what becomes of a message that arrived: checked and held in one step, so that
     * a message never lands among the held ones after the handshake took them for the last time (it would never be
     * dispatched, nor answered). Held while the authentication is decided and, once open, until the handshake has
     * dispatched what was held; the client's answers to calls the server made are never held (the authentication
     * observers may be waiting for them).
     */
    synchronized Admission admit(ClientRequest request) {
        switch (state) {
            case NEW:
                return Admission.NEW;
            case CLOSED:
                return Admission.CLOSED;
            case OPEN:
                if (!draining) {
                    return Admission.DISPATCH;
                }
                break;
            default:
                break;
        }
        if (request.command() == Command.CALL_ANSWER) {
            return Admission.DISPATCH;
        }
        if (held.size() >= MAX_HELD_MESSAGES) {
            return Admission.FLOODING;
        }
        held.add(request);
        return Admission.HELD;
    }

    /**
     * AUTHENTICATING → OPEN; false when the socket closed meanwhile. The messages held so far, and any that arrive
     * until {@link #takeHeld()} finds none left, are for the caller to dispatch.
     */
    synchronized boolean open() {
        if (state != State.AUTHENTICATING) {
            return false;
        }
        state = State.OPEN;
        draining = true;
        return true;
    }

    /**
     * The messages held since the last call, in order; none when all are taken, and from then on messages are
     * dispatched as they arrive ({@link Admission#DISPATCH}).
     */
    synchronized List<ClientRequest> takeHeld() {
        if (held.isEmpty()) {
            draining = false;
            return List.of();
        }
        List<ClientRequest> messages = List.copyOf(held);
        held.clear();
        return messages;
    }

    /** Marks the socket closed; returns the state it had. */
    synchronized State markClosed() {
        State previous = state;
        state = State.CLOSED;
        draining = false;
        held.clear();
        return previous;
    }
}
