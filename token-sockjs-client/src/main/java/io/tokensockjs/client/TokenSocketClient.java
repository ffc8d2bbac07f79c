package io.tokensockjs.client;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A client of a token-sockjs server, as the browser client {@code token-sockjs-client} behaves: it fetches a token
 * over HTTP (with the builder's cookies, headers and query parameters), opens a SockJS session over the websocket
 * transport, authenticates with the token, then calls server functions, answers the server's calls and takes part in
 * publish/subscribe.
 *
 * <pre>{@code
 * TokenSocketClient client = TokenSocketClient.builder(URI.create("http://localhost:9080/app"))
 *         .cookie("JSESSIONID", sessionId)
 *         .function("clock.now", args -> CompletableFuture.completedFuture(Json.createValue(Instant.now().toString())))
 *         .onMessage((channel, message) -> System.out.println(channel + ": " + message))
 *         .reconnect(Duration.ofMillis(100), Duration.ofSeconds(5))
 *         .connect().toCompletableFuture().join();
 * JsonValue sum = client.rpc("math.add", Json.createObjectBuilder().add("a", 1).add("b", 2).build())
 *         .toCompletableFuture().join();
 * client.subscribe("news").toCompletableFuture().join();
 * }</pre>
 *
 * <p>Every request ends: with its answer, or a {@link TokenSocketException} saying why not
 * ({@link ServerErrorException}, {@link CallTimeoutException}, {@link ConnectionClosedException},
 * {@link TooManyPendingCallsException}). Answers complete on a callback thread, never on the thread that reads the
 * socket, so a continuation may block or make further calls.
 *
 * <p><b>Reconnection</b> is off unless {@link Builder#reconnect} turns it on: then a dropped connection is opened
 * again after a pause that grows from the first delay to the maximum, each time with a fresh token from the token
 * route; the channels the client held are asked for again, and requests made meanwhile wait (within their timeout)
 * and leave once it is back. Requests that were in flight when the connection dropped fail with
 * {@link ConnectionClosedException}: the server may or may not have carried them out. The client stops trying, and
 * closes, when the token route refuses (401, 403) or the server refuses the fresh token; it never reconnects after
 * {@link #close()} or when the first connection fails.
 *
 * <p><b>History</b>: on a channel that keeps history (the server's {@code token-sockjs.history.channels}) every
 * message carries its offset and the history's epoch; the client keeps the last of each per channel
 * ({@link #position}) and, after a reconnection, asks for its channels with them, so that the server sends what was
 * published meanwhile, in order, before the live messages. When that is impossible, {@link ClientListener#onHistoryLost}
 * says so. {@link #subscribe(String, HistoryPosition)} does the same by hand (on another server, say), and
 * {@link #history} reads a channel's kept messages.
 *
 * <p><b>Channels</b>: {@link #channels()} holds what the server confirmed (its internal {@code subscribe} message or
 * the answer to {@code _subscribe}), never what was merely asked for; a refused subscription never appears in it.
 *
 * <p><b>Keep-alive</b>: with {@link Builder#ping}, the client sends {@code _ping} at that interval while connected
 * (the server answers it when {@code token-sockjs.ping=true}; any answer, even an error, proves the connection
 * alive). No answer within the interval counts as a dead connection: it is dropped (and reconnected, if on).
 */
public final class TokenSocketClient implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TokenSocketClient.class.getName());

    private enum State { CONNECTING, OPEN, RECONNECTING, CLOSED }

    private record Outgoing(String uuid, String text) {
    }

    private final ClientSettings settings;
    private final PendingCalls pending;
    private final ClientThreads.Serial events;
    private final Backoff backoff;
    private final ChannelTracker channels;
    private final ServerCalls serverCalls;
    private final AtomicLong ids = new AtomicLong();
    private final CompletableFuture<CloseStatus> closed = new CompletableFuture<>();
    private final SockJsConnection.Handler handler = new Handler();
    private final Object lock = new Object();
    private final List<Outgoing> waiting = new ArrayList<>();
    private State state = State.CONNECTING;
    private SockJsConnection connection;
    private CloseStatus lastStatus = CloseStatus.abnormal("Never connected");
    private ScheduledFuture<?> pinger;

    private TokenSocketClient(ClientSettings settings) {
        this.settings = settings;
        this.pending = new PendingCalls(settings.maxPendingCalls(), settings.executor());
        this.events = new ClientThreads.Serial(settings.executor());
        this.backoff = settings.reconnectFirst() == null ? null : new Backoff(settings.reconnectFirst(), settings.reconnectMax());
        this.channels = new ChannelTracker(this::fire);
        this.serverCalls = new ServerCalls(settings::function, events, this::answerServer);
    }

    /** A client of the application at {@code base}, its context root: {@code http://host:port/context}. */
    public static Builder builder(URI base) {
        return new Builder(base);
    }

    // ---- requests ------------------------------------------------------------------------------------------------

    /** Calls a server function with its request data ({@code JsonValue.NULL} for none); completes with its answer. */
    public CompletionStage<JsonValue> rpc(String function, JsonValue request) {
        Objects.requireNonNull(function, "function");
        return request(function, request == null ? JsonValue.NULL : request);
    }

    /**
     * Asks to join a channel; completes with the server's answer ({@code {"channel":C}}) once the channel is in
     * {@link #channels()}, or fails with the veto's reason.
     */
    public CompletionStage<JsonValue> subscribe(String channel) {
        return request("_subscribe", channelRequest(channel).build());
    }

    /**
     * Joins a channel that keeps history from a position the client had (perhaps on another connection or server):
     * the server sends the messages published after it, then the live ones, each once and in order; the answer says
     * {@code "recovered":false} (and {@link ClientListener#onHistoryLost} is told) when that was impossible.
     */
    public CompletionStage<JsonValue> subscribe(String channel, HistoryPosition since) {
        Objects.requireNonNull(since, "since");
        return request("_subscribe", channelRequest(channel).add("since", since.offset()).add("epoch", since.epoch()).build());
    }

    /** The last position the client had on a channel that keeps history, empty before its first message or answer. */
    public Optional<HistoryPosition> position(String channel) {
        return channels.position(channel);
    }

    /**
     * Reads a channel's kept messages ({@code _history}): after {@code since} when given (else the latest), at most
     * {@code limit} (the server caps it). Answers
     * {@code {"channel":C,"epoch":E,"offset":TOP,"messages":[{"offset":N,"message":M},...]}}, with {@code recovered}
     * and {@code more} when {@code since} was given.
     */
    public CompletionStage<JsonValue> history(String channel, HistoryPosition since, int limit) {
        JsonObjectBuilder req = channelRequest(channel).add("limit", limit);
        if (since != null) {
            req.add("since", since.offset()).add("epoch", since.epoch());
        }
        return request("_history", req.build());
    }

    /** Asks to leave a channel; the channel leaves {@link #channels()} when the server confirms. */
    public CompletionStage<JsonValue> unsubscribe(String channel) {
        return request("_unsubscribe", channelRequest(channel).build());
    }

    /** Publishes on a channel (subscribed or not), if the server allows it. */
    public CompletionStage<JsonValue> publish(String channel, JsonValue data) {
        return request("_publish", channelRequest(channel).add("data", data == null ? JsonValue.NULL : data).build());
    }

    /** Publishes on every channel of every server, if the server allows it. */
    public CompletionStage<JsonValue> broadcast(JsonValue data) {
        return request("_broadcast", Jsonp.PROVIDER.createObjectBuilder().add("data", data == null ? JsonValue.NULL : data).build());
    }

    /** The channels the server confirmed this client is on (kept across a reconnection while they are asked again). */
    public Set<String> channels() {
        return channels.channels();
    }

    /**
     * Sends one message text exactly as given (inside a SockJS frame), as a hostile or experimental client might;
     * answers to it reach {@link ClientListener#onError} or nowhere.
     *
     * @throws ConnectionClosedException when the client is not connected
     */
    public void sendRaw(String text) {
        synchronized (lock) {
            if (state != State.OPEN) {
                throw new ConnectionClosedException(lastStatus, null);
            }
            connection.send(text);
        }
    }

    /** Whether the client is connected and authenticated now. */
    public boolean isOpen() {
        synchronized (lock) {
            return state == State.OPEN;
        }
    }

    /**
     * Completes when the client is closed for good: by {@link #close()} ({@link CloseStatus#CLOSED_BY_CLIENT}), or
     * with the status of the connection's end when it will not reconnect.
     */
    public CompletionStage<CloseStatus> closed() {
        return closed;
    }

    /** Closes the connection and fails every request still waiting; no reconnection follows. */
    @Override
    public void close() {
        SockJsConnection current;
        synchronized (lock) {
            if (state == State.CLOSED) {
                return;
            }
            state = State.CLOSED;
            current = connection;
            connection = null;
            lastStatus = CloseStatus.CLOSED_BY_CLIENT;
            stopPing();
            waiting.clear();
        }
        pending.failAll(new ConnectionClosedException(CloseStatus.CLOSED_BY_CLIENT, null));
        if (current != null) {
            current.close(settings.timeout());
        }
        closed.complete(CloseStatus.CLOSED_BY_CLIENT);
    }

    private static JsonObjectBuilder channelRequest(String channel) {
        return Jsonp.PROVIDER.createObjectBuilder().add("channel", Objects.requireNonNull(channel, "channel"));
    }

    private CompletionStage<JsonValue> request(String rpc, JsonValue req) {
        String uuid = Long.toString(ids.incrementAndGet(), 36);
        String text = Jsonp.PROVIDER.createObjectBuilder().add("rpc", rpc).add("req", req).add("uuid", uuid).build().toString();
        CompletableFuture<JsonValue> answer;
        synchronized (lock) {
            if (state == State.CLOSED) {
                return CompletableFuture.failedFuture(new ConnectionClosedException(lastStatus, null));
            }
            try {
                answer = pending.add(uuid, rpc, settings.timeout());
            } catch (TooManyPendingCallsException e) {
                return CompletableFuture.failedFuture(e);
            }
            if (state == State.OPEN) {
                pending.sent(uuid, connection);
                connection.send(text);
            } else {
                waiting.add(new Outgoing(uuid, text));
            }
        }
        if (rpc.equals("_subscribe") || rpc.equals("_unsubscribe")) {
            // The channel set follows the confirmation; the caller's stage completes after it changed.
            return answer.thenApply(resp -> {
                if (resp instanceof JsonObject object) {
                    channels.confirmed(rpc.equals("_subscribe"), object);
                }
                return resp;
            });
        }
        return answer;
    }

    // ---- connecting ------------------------------------------------------------------------------------------------

    /** One attempt: a token (fetched unless given), a SockJS session, the {@code auth} exchange. */
    private CompletionStage<Void> attempt(String givenToken) {
        CompletionStage<String> token = givenToken != null ? CompletableFuture.completedFuture(givenToken)
                : TokenRequest.fetch(settings.http(), settings.base(), settings.tokenPath(), settings.query(), settings.headers(), settings.timeout());
        return token.thenCompose(value -> SockJsConnection.open(settings.http(), settings.socketsUri(), settings.headers(),
                        settings.timeout(), settings.maxMessageSize(), handler)
                .thenCompose(opened -> authenticate(opened, value)));
    }

    private CompletionStage<Void> authenticate(SockJsConnection opened, String token) {
        String uuid = Long.toString(ids.incrementAndGet(), 36);
        CompletableFuture<JsonValue> answer;
        synchronized (lock) {
            if (state == State.CLOSED) {
                opened.close(settings.timeout());
                return CompletableFuture.failedFuture(new ConnectionClosedException(lastStatus, null));
            }
            connection = opened;
            answer = pending.add(uuid, "auth", settings.timeout());
            pending.sent(uuid, opened);
        }
        opened.send(Jsonp.PROVIDER.createObjectBuilder().add("rpc", "auth").add("token", token).add("uuid", uuid).build().toString());
        return answer.handle((resp, failure) -> {
            if (failure instanceof ServerErrorException refused) {
                failure = new AuthenticationRefusedException(refused.error());
            }
            if (failure != null) {
                opened.abort(failure instanceof ConnectionClosedException closing ? closing.status()
                        : CloseStatus.abnormal("Authentication failed: " + failure.getMessage()), failure);
                throw failure instanceof CompletionException completion ? completion : new CompletionException(failure);
            }
            authenticated(opened);
            return null;
        });
    }

    /** The server accepted the token: requests waiting for the connection leave, channels are asked for again. */
    private void authenticated(SockJsConnection opened) {
        synchronized (lock) {
            if (connection != opened || state == State.CLOSED) {
                throw new ConnectionClosedException(lastStatus, null);
            }
            if (state == State.RECONNECTING) {
                // Before the channels are asked for: listeners hear of the reconnection before its consequences.
                fire(ClientListener::onReconnected);
            }
            state = State.OPEN;
            if (backoff != null) {
                backoff.reset();
            }
            // The channels first, as the browser client does: waiting requests may expect to be on them.
            for (String channel : channels.held()) {
                subscribeAgain(channel);
            }
            for (Outgoing outgoing : waiting) {
                if (pending.sent(outgoing.uuid(), opened)) {
                    opened.send(outgoing.text());
                }
            }
            waiting.clear();
            startPing(opened);
        }
    }

    /**
     * A channel held before a reconnection, asked for from the client's position in its history when it has one; one
     * the server now refuses leaves the set.
     */
    private void subscribeAgain(String channel) {
        Optional<HistoryPosition> position = channels.position(channel);
        (position.isEmpty() ? subscribe(channel) : subscribe(channel, position.get())).whenComplete((resp, failure) -> {
            if (failure != null && unwrap(failure) instanceof ServerErrorException refused && channels.refused(channel)) {
                fire(listener -> listener.onError(refused));
            }
        });
    }

    private void connectionClosed(SockJsConnection closedConnection, CloseStatus status, Throwable cause) {
        ConnectionClosedException failure = new ConnectionClosedException(status, cause);
        boolean reconnect;
        synchronized (lock) {
            if (connection != closedConnection) {
                return;
            }
            connection = null;
            lastStatus = status;
            stopPing();
            pending.connectionClosed(closedConnection, failure);
            if (state != State.OPEN) {
                // An attempt in progress: the failure of its auth request ends it.
                return;
            }
            reconnect = backoff != null;
            state = reconnect ? State.RECONNECTING : State.CLOSED;
        }
        LOG.log(Level.FINE, () -> "token-sockjs client: connection to " + settings.base() + " closed: " + status);
        fire(listener -> listener.onDisconnected(failure));
        if (reconnect) {
            scheduleReconnect();
        } else {
            closed.complete(status);
        }
    }

    private void scheduleReconnect() {
        Duration pause = backoff.next();
        ClientThreads.TIMER.schedule(() -> {
            synchronized (lock) {
                if (state != State.RECONNECTING) {
                    return;
                }
            }
            attempt(null).whenComplete((ok, failure) -> {
                if (failure == null) {
                    return;
                }
                TokenSocketException error = unwrap(failure);
                fire(listener -> listener.onError(error));
                boolean refused = error instanceof AuthenticationRefusedException
                        || (error instanceof TokenRequestException request && request.isRefusal());
                if (refused) {
                    giveUp(error);
                } else if (stillReconnecting()) {
                    scheduleReconnect();
                }
            });
        }, pause.toMillis(), TimeUnit.MILLISECONDS);
    }

    private boolean stillReconnecting() {
        synchronized (lock) {
            return state == State.RECONNECTING;
        }
    }

    /** No further attempts: the client closes with the status of the connection that dropped last. */
    private void giveUp(TokenSocketException why) {
        CloseStatus status;
        synchronized (lock) {
            if (state == State.CLOSED) {
                return;
            }
            state = State.CLOSED;
            status = lastStatus;
            waiting.clear();
        }
        pending.failAll(new ConnectionClosedException(status, why));
        closed.complete(status);
    }

    private CompletionStage<TokenSocketClient> start(String token) {
        return attempt(token).handle((ok, failure) -> {
            if (failure == null) {
                return this;
            }
            TokenSocketException error = unwrap(failure);
            giveUp(error);
            throw new CompletionException(error);
        });
    }

    private static TokenSocketException unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof TokenSocketException typed ? typed
                : new ConnectionClosedException(CloseStatus.abnormal(String.valueOf(cause)), cause);
    }

    // ---- keep-alive ----------------------------------------------------------------------------------------------

    private void startPing(SockJsConnection opened) {
        if (settings.ping() != null) {
            long every = settings.ping().toMillis();
            pinger = ClientThreads.TIMER.scheduleWithFixedDelay(() -> ping(opened), every, every, TimeUnit.MILLISECONDS);
        }
    }

    private void stopPing() {
        if (pinger != null) {
            pinger.cancel(false);
            pinger = null;
        }
    }

    private void ping(SockJsConnection opened) {
        String uuid = Long.toString(ids.incrementAndGet(), 36);
        CompletableFuture<JsonValue> answer;
        synchronized (lock) {
            if (connection != opened || state != State.OPEN) {
                return;
            }
            try {
                answer = pending.add(uuid, "_ping", settings.ping());
            } catch (TooManyPendingCallsException e) {
                return;
            }
            pending.sent(uuid, opened);
        }
        opened.send(Jsonp.PROVIDER.createObjectBuilder().add("rpc", "_ping").add("req", JsonValue.EMPTY_JSON_OBJECT)
                .add("uuid", uuid).build().toString());
        answer.whenComplete((resp, failure) -> {
            if (failure instanceof CallTimeoutException) {
                opened.abort(CloseStatus.abnormal("No answer to _ping within " + settings.ping()), failure);
            }
        });
    }

    // ---- what the server sends -----------------------------------------------------------------------------------

    private final class Handler implements SockJsConnection.Handler {
        @Override
        public void onMessage(SockJsConnection from, String text) {
            received(from, text);
        }

        @Override
        public void onClosed(SockJsConnection from, CloseStatus status, Throwable cause) {
            connectionClosed(from, status, cause);
        }
    }

    private void received(SockJsConnection from, String text) {
        JsonObject message = Jsonp.object(text);
        if (message == null) {
            LOG.log(Level.FINE, () -> "token-sockjs client: ignoring a message that is not a JSON object: " + SockJsFrames.abbreviate(text));
            return;
        }
        if (message.get("internal") == JsonValue.TRUE) {
            internal(from, string(message, "command"), message.get("data") instanceof JsonObject data ? data : null);
            return;
        }
        JsonValue error = message.get("error") == JsonValue.NULL ? null : message.get("error");
        channels.track(message);
        if (message.get("uuid") instanceof JsonString uuid
                && pending.answer(uuid.getString(), message.getOrDefault("resp", JsonValue.NULL), error)) {
            return;
        }
        if (message.get("channel") instanceof JsonString channel) {
            JsonValue published = message.getOrDefault("message", JsonValue.NULL);
            fire(listener -> listener.onMessage(channel.getString(), published));
        } else if (error != null) {
            ServerErrorException unsolicited = new ServerErrorException(string(message, "rpc"), error);
            fire(listener -> listener.onError(unsolicited));
        } else {
            LOG.log(Level.FINE, () -> "token-sockjs client: ignoring a message that answers nothing: " + SockJsFrames.abbreviate(text));
        }
    }

    private void internal(SockJsConnection from, String command, JsonObject data) {
        if (command == null || data == null) {
            return;
        }
        switch (command) {
            case "subscribe" -> channels.confirmed(true, data);
            case "unsubscribe" -> channels.confirmed(false, data);
            case "rpc" -> serverCalls.call(from, data);
            default -> LOG.log(Level.FINE, () -> "token-sockjs client: ignoring the internal command " + command);
        }
    }

    /** Sends the answer to a call of the server's on the connection it came on, if that is still the client's. */
    private void answerServer(SockJsConnection from, String answer) {
        synchronized (lock) {
            // An answer for a connection that is gone would reach a socket that never asked.
            if (connection == from && state != State.CLOSED) {
                from.send(answer);
            }
        }
    }

    private void fire(Consumer<ClientListener> event) {
        for (ClientListener listener : settings.listeners()) {
            events.execute(() -> event.accept(listener));
        }
    }

    private static String string(JsonObject object, String key) {
        return object.get(key) instanceof JsonString string ? string.getString() : null;
    }

    // ---- building ------------------------------------------------------------------------------------------------

    /** How to reach the server, how to authenticate, and what the client offers it. */
    public static final class Builder {
        private final URI base;
        private String tokenPath = "/socket/token";
        private String socketPrefix = "/sockets";
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final Map<String, String> cookies = new LinkedHashMap<>();
        private final Map<String, String> query = new LinkedHashMap<>();
        private final Map<String, ClientFunction> functions = new LinkedHashMap<>();
        private Function<String, ClientFunction> lookup;
        private final List<ClientListener> listeners = new ArrayList<>();
        private HttpClient http;
        private Duration timeout = Duration.ofSeconds(30);
        private int maxPendingCalls = 1000;
        private Duration reconnectFirst;
        private Duration reconnectMax;
        private Duration ping;
        private Executor executor = ClientThreads.CALLBACKS;
        private int maxMessageSize = 16 * 1024 * 1024;

        private Builder(URI base) {
            String text = base.toString();
            this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        }

        /** The token route under the context root; {@code /socket/token} by default. */
        public Builder tokenPath(String path) {
            this.tokenPath = path;
            return this;
        }

        /** The SockJS prefix of the token sockets under the context root; {@code /sockets} by default. */
        public Builder socketPrefix(String prefix) {
            this.socketPrefix = prefix;
            return this;
        }

        /** A header of the token request and of the websocket handshake, such as {@code Authorization}. */
        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** A cookie of the token request and of the websocket handshake, such as the session's {@code JSESSIONID}. */
        public Builder cookie(String name, String value) {
            cookies.put(name, value);
            return this;
        }

        /** A query parameter of the token request (the browser client's {@code authentication} option). */
        public Builder query(String name, String value) {
            query.put(name, value);
            return this;
        }

        /** A function the server may call on this client, by its full (possibly dotted) name. */
        public Builder function(String name, ClientFunction function) {
            functions.put(name, function);
            return this;
        }

        /**
         * Finds functions not given by {@link #function}: called with the name of each such call; null means no such
         * function (the server's call then fails with {@code "Function not found"}).
         */
        public Builder functionLookup(Function<String, ClientFunction> lookup) {
            this.lookup = lookup;
            return this;
        }

        /** Told about messages, subscriptions, disconnections and errors; several may be added. */
        public Builder listener(ClientListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** Receives the messages published on the channels the client is on (a {@link ClientListener} for just that). */
        public Builder onMessage(BiConsumer<String, JsonValue> listener) {
            return listener(new ClientListener() {
                @Override
                public void onMessage(String channel, JsonValue message) {
                    listener.accept(channel, message);
                }
            });
        }

        /** The HTTP client to use (its cookie handler, proxy, TLS settings); one is made otherwise. */
        public Builder httpClient(HttpClient client) {
            this.http = client;
            return this;
        }

        /** How long the token request, the opening of the socket and each request may take; 30 s by default. */
        public Builder timeout(Duration value) {
            this.timeout = requirePositive(value, "timeout");
            return this;
        }

        /** How many requests may wait for their answers at once; more fail at once. 1000 by default. */
        public Builder maxPendingCalls(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxPendingCalls must be at least 1");
            }
            this.maxPendingCalls = value;
            return this;
        }

        /**
         * Reconnects after a dropped connection, with a fresh token, waiting {@code firstDelay} before the first
         * attempt and twice as long before each next one, up to {@code maxDelay}. Off by default.
         */
        public Builder reconnect(Duration firstDelay, Duration maxDelay) {
            this.reconnectFirst = requirePositive(firstDelay, "firstDelay");
            this.reconnectMax = requirePositive(maxDelay, "maxDelay");
            if (maxDelay.compareTo(firstDelay) < 0) {
                throw new IllegalArgumentException("maxDelay is shorter than firstDelay");
            }
            return this;
        }

        /** Sends the {@code _ping} keep-alive at this interval; an unanswered one drops the connection. Off by default. */
        public Builder ping(Duration interval) {
            this.ping = requirePositive(interval, "interval");
            return this;
        }

        /** Where answers complete and listeners and functions run; a shared pool of daemon threads by default. */
        public Builder executor(Executor value) {
            this.executor = Objects.requireNonNull(value, "executor");
            return this;
        }

        /**
         * The largest frame the client accepts from the server, in characters (16 Mi by default); a larger one drops the
         * connection (1009) instead of being buffered.
         */
        public Builder maxMessageSize(int characters) {
            if (characters < 1024) {
                throw new IllegalArgumentException("maxMessageSize must be at least 1024 characters");
            }
            this.maxMessageSize = characters;
            return this;
        }

        /** Fetches a token only. */
        public CompletionStage<String> requestToken() {
            ClientSettings settings = settings();
            return TokenRequest.fetch(settings.http(), base, tokenPath, settings.query(), settings.headers(), timeout);
        }

        /** Fetches a token, opens the socket and authenticates. */
        public CompletionStage<TokenSocketClient> connect() {
            return new TokenSocketClient(settings()).start(null);
        }

        /**
         * Opens the socket and authenticates with a token obtained before (or a forged one, in tests); reconnections
         * fetch fresh tokens from the token route.
         */
        public CompletionStage<TokenSocketClient> connectWith(String token) {
            return new TokenSocketClient(settings()).start(Objects.requireNonNull(token, "token"));
        }

        private ClientSettings settings() {
            if (http == null) {
                http = HttpClient.newBuilder().connectTimeout(timeout).build();
            }
            Map<String, String> allHeaders = new LinkedHashMap<>(headers);
            if (!cookies.isEmpty()) {
                StringBuilder cookie = new StringBuilder();
                cookies.forEach((name, value) -> cookie.append(cookie.length() == 0 ? "" : "; ").append(name).append('=').append(value));
                allHeaders.merge("Cookie", cookie.toString(), (given, ours) -> given + "; " + ours);
            }
            return new ClientSettings(base, tokenPath, socketPrefix, Collections.unmodifiableMap(allHeaders),
                    Collections.unmodifiableMap(new LinkedHashMap<>(query)),
                    Map.copyOf(functions), lookup, List.copyOf(listeners), http, timeout, maxPendingCalls,
                    reconnectFirst, reconnectMax, ping, executor, maxMessageSize);
        }

        private static Duration requirePositive(Duration value, String name) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return value;
        }
    }
}
