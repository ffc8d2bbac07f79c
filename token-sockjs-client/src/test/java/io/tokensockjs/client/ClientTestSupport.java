package io.tokensockjs.client;

import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A fake server per test, clients closed after it, and a listener that records what the client reports. */
abstract class ClientTestSupport {

    /** What a connected client and the server's end of its socket look like to a test. */
    record Connected(TokenSocketClient client, FakeSocket socket) {
    }

    protected FakeServer server;
    protected final RecordingListener events = new RecordingListener();
    private final List<TokenSocketClient> clients = new ArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        server = new FakeServer();
    }

    @AfterEach
    void stopServer() throws Exception {
        clients.forEach(TokenSocketClient::close);
        server.close();
    }

    TokenSocketClient.Builder builder() {
        return TokenSocketClient.builder(server.base()).timeout(Duration.ofSeconds(10)).listener(events);
    }

    /** Connects with the builder while the test's server accepts the token. */
    Connected connect(TokenSocketClient.Builder builder) throws Exception {
        CompletableFuture<TokenSocketClient> connecting = builder.connect().toCompletableFuture();
        FakeSocket socket = server.awaitAuthenticated();
        TokenSocketClient client = connecting.get(FakeServer.WAIT_SECONDS, TimeUnit.SECONDS);
        clients.add(client);
        return new Connected(client, socket);
    }

    Connected connect() throws Exception {
        return connect(builder());
    }

    static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(FakeServer.WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** The failure of the stage, unwrapped. */
    static Throwable failure(CompletionStage<?> stage) throws Exception {
        try {
            Object value = stage.toCompletableFuture().get(FakeServer.WAIT_SECONDS, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure, got " + value);
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    /** Records each event as one line: {@code message news {"a":1}}, {@code subscribed news}, {@code error ...}. */
    static final class RecordingListener implements ClientListener {
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final BlockingQueue<TokenSocketException> errors = new LinkedBlockingQueue<>();

        @Override
        public void onMessage(String channel, JsonValue message) {
            lines.add("message " + channel + " " + message);
        }

        @Override
        public void onSubscribed(String channel) {
            lines.add("subscribed " + channel);
        }

        @Override
        public void onUnsubscribed(String channel) {
            lines.add("unsubscribed " + channel);
        }

        @Override
        public void onDisconnected(ConnectionClosedException cause) {
            lines.add("disconnected " + cause.status());
        }

        @Override
        public void onReconnected() {
            lines.add("reconnected");
        }

        @Override
        public void onError(TokenSocketException error) {
            errors.add(error);
            lines.add("error " + error.getClass().getSimpleName() + ": " + error.getMessage());
        }

        String next() throws InterruptedException {
            return FakeServer.require(lines.poll(FakeServer.WAIT_SECONDS, TimeUnit.SECONDS), "no client event");
        }

        TokenSocketException nextError() throws InterruptedException {
            return FakeServer.require(errors.poll(FakeServer.WAIT_SECONDS, TimeUnit.SECONDS), "no error event");
        }

        boolean isEmpty() {
            return lines.isEmpty();
        }
    }
}
