package it.io.tokensockjs.sockjs;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A websocket client on the JDK's {@link WebSocket} (RFC 6455, version 13) that turns what arrives into a queue
 * of events a test reads in order: whole text messages, then how the connection ended.
 */
final class WsClient implements AutoCloseable {

    /** What the server did. */
    sealed interface Event permits Text, Closed, Failed {
    }

    /** A whole text message. */
    record Text(String text) implements Event {
    }

    /** The server sent a close frame. */
    record Closed(int code, String reason) implements Event {
    }

    /** The connection broke without a close frame. */
    record Failed(Throwable error) implements Event {
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofMillis(RawHttpConnection.TIMEOUT_MILLIS))
            .build();

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final WebSocket socket;

    private WsClient(String path) throws Exception {
        socket = CLIENT.newWebSocketBuilder()
                .buildAsync(Target.websocket(path), new Collector())
                .get(RawHttpConnection.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Opens a websocket to a path on the server, for example {@code /it/echo/000/<id>/websocket}. */
    static WsClient connect(String path) throws Exception {
        return new WsClient(path);
    }

    /** Sends one whole text message. */
    void send(String text) throws Exception {
        socket.sendText(text, true).get(RawHttpConnection.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The next event, waiting for it up to the safety timeout. */
    Event next() throws InterruptedException, TimeoutException {
        Event event = events.poll(RawHttpConnection.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        if (event == null) {
            throw new TimeoutException("nothing arrived on the websocket");
        }
        return event;
    }

    /** The next message, which must be text. */
    String nextText() throws InterruptedException, TimeoutException {
        Event event = next();
        if (event instanceof Text text) {
            return text.text();
        }
        throw new AssertionError("expected a text message, got " + event);
    }

    /**
     * The end of the connection: a close frame ({@link Closed}) or a broken connection ({@link Failed}), as the
     * suite's client raises "connection closed" for both. A message instead fails the test.
     */
    Event nextEnd() throws InterruptedException, TimeoutException {
        Event event = next();
        if (event instanceof Text) {
            throw new AssertionError("expected the connection to end, got " + event);
        }
        return event;
    }

    /** Closes normally if still open, then drops the connection. */
    @Override
    public void close() {
        try {
            if (!socket.isOutputClosed()) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(RawHttpConnection.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // The server went away first: nothing left to close politely.
        } finally {
            socket.abort();
        }
    }

    /** Queues each whole message and the end of the connection. */
    private final class Collector implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                events.add(new Text(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            events.add(new Closed(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            events.add(new Failed(error));
        }
    }
}
