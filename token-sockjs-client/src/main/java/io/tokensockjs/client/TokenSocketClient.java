package io.tokensockjs.client;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * A client of the token-sockjs protocol over the raw SockJS websocket ({@code <prefix>/websocket}): it fetches a
 * token over HTTP, authenticates, then calls server functions, answers the server's calls and takes part in
 * publish/subscribe.
 *
 * <pre>{@code
 * TokenSocketClient client = TokenSocketClient.builder(URI.create("http://localhost:9080/app"))
 *         .header("Cookie", "JSESSIONID=...")
 *         .function("clock.now", args -> CompletableFuture.completedFuture(Json.createValue(Instant.now().toString())))
 *         .connect().toCompletableFuture().join();
 * JsonValue answer = client.rpc("math.add", Json.createObjectBuilder().add("a", 1).add("b", 2).build()).toCompletableFuture().join();
 * }</pre>
 */
public final class TokenSocketClient implements AutoCloseable {

    private final Builder settings;
    private final Map<String, CompletableFuture<JsonValue>> pending = new ConcurrentHashMap<>();
    private final Set<String> channels = ConcurrentHashMap.newKeySet();
    private final AtomicLong ids = new AtomicLong();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final Object sendLock = new Object();
    private CompletableFuture<?> sendChain = CompletableFuture.completedFuture(null);
    private volatile WebSocket socket;

    private TokenSocketClient(Builder settings) {
        this.settings = settings;
    }

    /** A client of the application at {@code base}, its context root: {@code http://host:port/context}. */
    public static Builder builder(URI base) {
        return new Builder(base);
    }

    // ---- calls ---------------------------------------------------------------------------------------------------

    /** Calls a server function; completes with its answer, or fails with {@link RemoteError}. */
    public CompletionStage<JsonValue> rpc(String function, JsonValue request) {
        return request(function, request, null);
    }

    public CompletionStage<JsonValue> subscribe(String channel) {
        channels.add(channel);
        return request("_subscribe", Json.createObjectBuilder().add("channel", channel).build(), null);
    }

    public CompletionStage<JsonValue> unsubscribe(String channel) {
        channels.remove(channel);
        return request("_unsubscribe", Json.createObjectBuilder().add("channel", channel).build(), null);
    }

    public CompletionStage<JsonValue> publish(String channel, JsonValue data) {
        return request("_publish", Json.createObjectBuilder().add("channel", channel).add("data", data).build(), null);
    }

    public CompletionStage<JsonValue> broadcast(JsonValue data) {
        return request("_broadcast", Json.createObjectBuilder().add("data", data).build(), null);
    }

    /** The channels this client believes it is subscribed to (the server's internal messages keep it true). */
    public Set<String> channels() {
        return Collections.unmodifiableSet(channels);
    }

    /** Sends a raw text message, as a hostile or experimental client might. */
    public CompletionStage<?> sendRaw(String text) {
        return send(text);
    }

    /** Completes with the websocket close code once the server or the client closed the socket. */
    public CompletionStage<Integer> closed() {
        return closed;
    }

    public boolean isOpen() {
        return !closed.isDone();
    }

    @Override
    public void close() {
        WebSocket current = socket;
        if (current != null && !current.isOutputClosed()) {
            current.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
    }

    private CompletionStage<JsonValue> request(String rpc, JsonValue req, String token) {
        String uuid = Long.toString(ids.incrementAndGet(), 36);
        JsonObjectBuilder message = Json.createObjectBuilder().add("rpc", rpc).add("uuid", uuid);
        if (req != null) {
            message.add("req", req);
        }
        if (token != null) {
            message.add("token", token);
        }
        CompletableFuture<JsonValue> answer = new CompletableFuture<>();
        pending.put(uuid, answer);
        send(message.build().toString()).whenComplete((ignored, failure) -> {
            if (failure != null) {
                pending.remove(uuid);
                answer.completeExceptionally(failure);
            }
        });
        return answer.orTimeout(settings.timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private CompletionStage<?> send(String text) {
        synchronized (sendLock) {
            // The JDK websocket takes one send at a time: chain them.
            sendChain = sendChain.handle((ignored, failure) -> null)
                    .thenCompose(ignored -> socket.sendText(text, true));
            return sendChain;
        }
    }

    // ---- connecting --------------------------------------------------------------------------------------------

    /** Fetches a token with the builder's headers and query parameters. */
    static CompletionStage<String> requestToken(Builder settings) {
        String query = settings.query.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        URI uri = URI.create(settings.base + settings.tokenPath + (query.isEmpty() ? "" : "?" + query));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(settings.timeout).header("Accept", "application/json").GET();
        settings.headers.forEach(request::header);
        return settings.http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            JsonObject body;
            try {
                body = Json.createReader(new StringReader(response.body())).readObject();
            } catch (RuntimeException e) {
                throw new RemoteError(Json.createValue("HTTP " + response.statusCode() + ": " + response.body()));
            }
            if (response.statusCode() != 200 || !(body.get("token") instanceof JsonString token)) {
                throw new RemoteError(body.getOrDefault("error", Json.createValue("HTTP " + response.statusCode())));
            }
            return token.getString();
        });
    }

    private CompletionStage<TokenSocketClient> open(String token) {
        String base = settings.base.toString().replaceFirst("^http", "ws");
        URI uri = URI.create(base + settings.socketPrefix + "/websocket");
        return settings.http.newWebSocketBuilder().connectTimeout(settings.timeout).buildAsync(uri, new Listener())
                .thenCompose(webSocket -> {
                    socket = webSocket;
                    return request("auth", null, token);
                })
                .thenApply(answer -> this);
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                handle(text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closedWith(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closedWith(1006);
        }
    }

    private void closedWith(int code) {
        closed.complete(code);
        RemoteError error = new RemoteError(Json.createValue("Socket closed"));
        pending.values().forEach(answer -> answer.completeExceptionally(error));
        pending.clear();
    }

    private void handle(String text) {
        JsonObject message;
        try {
            message = Json.createReader(new StringReader(text)).readObject();
        } catch (RuntimeException e) {
            return;
        }
        if (message.getBoolean("internal", false)) {
            internal(message.getString("command", ""), message.get("data"));
            return;
        }
        if (message.get("uuid") instanceof JsonString uuid) {
            CompletableFuture<JsonValue> answer = pending.remove(uuid.getString());
            if (answer != null) {
                JsonValue error = message.get("error");
                if (error != null) {
                    answer.completeExceptionally(new RemoteError(error));
                } else {
                    answer.complete(message.getOrDefault("resp", JsonValue.NULL));
                }
                return;
            }
        }
        if (message.get("channel") instanceof JsonString channel && settings.onMessage != null) {
            settings.onMessage.accept(channel.getString(), message.getOrDefault("message", JsonValue.NULL));
        } else if (message.containsKey("error") && settings.onError != null) {
            settings.onError.accept(message.get("error"));
        }
    }

    private void internal(String command, JsonValue data) {
        if (!(data instanceof JsonObject object)) {
            return;
        }
        switch (command) {
            case "subscribe" -> channels.add(object.getString("channel", ""));
            case "unsubscribe" -> channels.remove(object.getString("channel", ""));
            case "rpc" -> answerServer(object);
            default -> {
            }
        }
    }

    private void answerServer(JsonObject call) {
        String fid = call.getString("fid", null);
        ClientFunction function = settings.functions.get(call.getString("command", ""));
        CompletionStage<JsonValue> answer = function == null
                ? CompletableFuture.failedFuture(new IllegalStateException("No such function"))
                : function.call(call.getOrDefault("args", JsonValue.NULL));
        answer.whenComplete((value, failure) -> {
            JsonObjectBuilder resp = Json.createObjectBuilder();
            if (failure != null) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                resp.add("error", String.valueOf(cause.getMessage()));
            } else {
                resp.add("data", value == null ? JsonValue.NULL : value);
            }
            JsonObjectBuilder message = Json.createObjectBuilder().add("rpc", "_rpc").add("resp", resp);
            if (fid != null) {
                message.add("fid", fid);
            }
            send(message.build().toString());
        });
    }

    /** How to reach the server and what the client offers it. */
    public static final class Builder {
        private final URI base;
        private String tokenPath = "/socket/token";
        private String socketPrefix = "/sockets";
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final Map<String, String> query = new LinkedHashMap<>();
        private final Map<String, ClientFunction> functions = new ConcurrentHashMap<>();
        private BiConsumer<String, JsonValue> onMessage;
        private java.util.function.Consumer<JsonValue> onError;
        private HttpClient http;
        private Duration timeout = Duration.ofSeconds(30);

        private Builder(URI base) {
            String text = base.toString();
            this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        }

        public Builder tokenPath(String path) {
            this.tokenPath = path;
            return this;
        }

        public Builder socketPrefix(String prefix) {
            this.socketPrefix = prefix;
            return this;
        }

        /** A header of the token request, such as the session cookie. */
        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** A query parameter of the token request (the browser client's {@code authentication} option). */
        public Builder query(String name, String value) {
            query.put(name, value);
            return this;
        }

        /** A function the server may call on this client. */
        public Builder function(String name, ClientFunction function) {
            functions.put(name, function);
            return this;
        }

        /** Receives messages published on the channels the client is subscribed to. */
        public Builder onMessage(BiConsumer<String, JsonValue> listener) {
            this.onMessage = listener;
            return this;
        }

        /** Receives error messages that answer no request (for example "Invalid message"). */
        public Builder onError(java.util.function.Consumer<JsonValue> listener) {
            this.onError = listener;
            return this;
        }

        /** The HTTP client to use; one is made otherwise. Share one between many clients. */
        public Builder httpClient(HttpClient client) {
            this.http = client;
            return this;
        }

        /** How long a token request, the connection and each call may take. */
        public Builder timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        /** Fetches a token only. */
        public CompletionStage<String> requestToken() {
            ensureHttp();
            return TokenSocketClient.requestToken(this);
        }

        /** Fetches a token, opens the socket and authenticates. */
        public CompletionStage<TokenSocketClient> connect() {
            return requestToken().thenCompose(this::connectWith);
        }

        /** Opens the socket and authenticates with a token obtained before (or a forged one, in tests). */
        public CompletionStage<TokenSocketClient> connectWith(String token) {
            ensureHttp();
            return new TokenSocketClient(this).open(token);
        }

        private void ensureHttp() {
            if (http == null) {
                http = HttpClient.newBuilder().connectTimeout(timeout).build();
            }
        }
    }
}
