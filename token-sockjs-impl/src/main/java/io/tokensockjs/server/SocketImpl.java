package io.tokensockjs.server;

import io.tokensockjs.Socket;
import io.tokensockjs.auth.TokenData;
import io.tokensockjs.pubsub.ChannelMember;
import io.tokensockjs.json.Jsonp;
import io.tokensockjs.metrics.TokenSocketMetrics;
import io.tokensockjs.tracing.Tracing;
import io.tokensockjs.protocol.ClientRequest;
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
     * Keeps a message that arrived while authentication is being decided.
     *
     * @return false when too many are held already (the client is flooding)
     */
    synchronized boolean hold(ClientRequest request) {
        if (held.size() >= MAX_HELD_MESSAGES) {
            return false;
        }
        held.add(request);
        return true;
    }

    /** AUTHENTICATING → OPEN, handing back the messages held meanwhile, in order; null when the socket closed. */
    synchronized List<ClientRequest> open() {
        if (state != State.AUTHENTICATING) {
            return null;
        }
        state = State.OPEN;
        List<ClientRequest> messages = List.copyOf(held);
        held.clear();
        return messages;
    }

    /** Marks the socket closed; returns the state it had. */
    synchronized State markClosed() {
        State previous = state;
        state = State.CLOSED;
        held.clear();
        return previous;
    }
}
