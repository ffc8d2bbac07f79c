package io.tokensockjs.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One SockJS session over the websocket transport ({@code <prefix>/<server>/<session>/websocket}), as browsers use
 * it: opens when the server's {@code o} frame arrives, hands each message of the {@code a[...]} frames to its handler,
 * sends messages batched into frames (one websocket send at a time, as the JDK requires), and reports its end exactly
 * once with the server's close frame, the websocket close, or why it broke.
 */
final class SockJsConnection {

    private static final Logger LOG = Logger.getLogger(TokenSocketClient.class.getName());

    /** Told about the messages and the end of an open connection; called on the thread that reads the socket. */
    interface Handler {
        void onMessage(SockJsConnection connection, String message);

        void onClosed(SockJsConnection connection, CloseStatus status, Throwable cause);
    }

    private final Handler handler;
    private final int maxMessageSize;
    private final CompletableFuture<SockJsConnection> opened = new CompletableFuture<>();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final List<String> outbound = new ArrayList<>();
    private boolean sending;
    private volatile WebSocket webSocket;

    private SockJsConnection(Handler handler, int maxMessageSize) {
        this.handler = handler;
        this.maxMessageSize = maxMessageSize;
    }

    /**
     * Opens a session at {@code <socketsUri>/<server>/<session>/websocket}; completes once the server sent {@code o},
     * or fails with a {@link ConnectionClosedException}.
     */
    static CompletionStage<SockJsConnection> open(HttpClient http, URI socketsUri, Map<String, String> headers,
            Duration timeout, int maxMessageSize, Handler handler) {
        SockJsConnection connection = new SockJsConnection(handler, maxMessageSize);
        URI uri = URI.create(socketsUri + "/" + SessionIds.server() + "/" + SessionIds.session() + "/websocket");
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(timeout);
        headers.forEach(builder::header);
        builder.buildAsync(uri, connection.new Listener()).whenComplete((webSocket, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                connection.end(CloseStatus.abnormal("Cannot open " + uri + ": " + cause), cause);
            }
        });
        ClientThreads.TIMER.schedule(() -> {
            if (!connection.opened.isDone()) {
                connection.abort(CloseStatus.abnormal("No SockJS open frame from " + uri + " within " + timeout), new TimeoutException());
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        return connection.opened;
    }

    /** Queues a message; it leaves with the others queued meanwhile in one frame. */
    void send(String message) {
        List<String> batch;
        synchronized (outbound) {
            outbound.add(message);
            if (sending || webSocket == null) {
                return;
            }
            sending = true;
            batch = takeOutbound();
        }
        sendFrame(batch);
    }

    private List<String> takeOutbound() {
        List<String> batch = List.copyOf(outbound);
        outbound.clear();
        return batch;
    }

    private void sendFrame(List<String> batch) {
        webSocket.sendText(SockJsFrames.encode(batch), true).whenComplete((ignored, failure) -> {
            if (failure != null) {
                abort(CloseStatus.abnormal("Sending failed: " + failure), failure);
                return;
            }
            List<String> next;
            synchronized (outbound) {
                if (outbound.isEmpty()) {
                    sending = false;
                    return;
                }
                next = takeOutbound();
            }
            sendFrame(next);
        });
    }

    /** Closes the websocket politely; the server's answer ends it, or the grace time does. */
    void close(Duration grace) {
        WebSocket current = webSocket;
        if (current == null || !ended.compareAndSet(false, true)) {
            return;
        }
        opened.completeExceptionally(new ConnectionClosedException(CloseStatus.CLOSED_BY_CLIENT, null));
        current.sendClose(WebSocket.NORMAL_CLOSURE, "").whenComplete((ignored, failure) -> {
            if (failure != null) {
                current.abort();
            }
        });
        ClientThreads.TIMER.schedule(current::abort, grace.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Ends the connection at once, reporting the status to the handler (a dead or misbehaving server). */
    void abort(CloseStatus status, Throwable cause) {
        end(status, cause);
        WebSocket current = webSocket;
        if (current != null) {
            current.abort();
        }
    }

    private void end(CloseStatus status, Throwable cause) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        if (!opened.isDone()) {
            opened.completeExceptionally(new ConnectionClosedException(status, cause));
            WebSocket current = webSocket;
            if (current != null) {
                current.abort();
            }
            return;
        }
        handler.onClosed(this, status, cause);
    }

    private void frame(String text) {
        SockJsFrames.Frame frame;
        try {
            frame = SockJsFrames.parse(text);
        } catch (SockJsFrames.FrameException e) {
            abort(CloseStatus.abnormal("Protocol error: " + e.getMessage()), e);
            return;
        }
        if (frame instanceof SockJsFrames.Open) {
            if (!opened.complete(this)) {
                abort(CloseStatus.abnormal("Protocol error: a second open frame"), null);
            }
        } else if (frame instanceof SockJsFrames.Messages messages) {
            if (!opened.isDone()) {
                abort(CloseStatus.abnormal("Protocol error: messages before the open frame"), null);
                return;
            }
            for (String message : messages.messages()) {
                if (ended.get()) {
                    return;
                }
                handler.onMessage(this, message);
            }
        } else if (frame instanceof SockJsFrames.Close close) {
            abort(close.status(), null);
        }
        // A heartbeat needs nothing.
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WebSocket socket) {
            List<String> early;
            synchronized (outbound) {
                webSocket = socket;
                if (outbound.isEmpty()) {
                    early = null;
                } else {
                    sending = true;
                    early = takeOutbound();
                }
            }
            if (early != null) {
                sendFrame(early);
            }
            // Unbounded demand: messages are handled as they arrive, and the JDK (17) can miss the end of input that
            // arrives together with the last frame while no demand is outstanding, leaving a dead connection open.
            socket.request(Long.MAX_VALUE);
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            if (partial.length() + data.length() > maxMessageSize) {
                partial.setLength(0);
                abort(new CloseStatus(1009, "Frame larger than " + maxMessageSize + " characters"), null);
                return null;
            }
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    frame(text);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "token-sockjs client: handling a frame failed", e);
                }
            }
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket socket, java.nio.ByteBuffer data, boolean last) {
            abort(CloseStatus.abnormal("Protocol error: a binary websocket message"), null);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            end(new CloseStatus(statusCode, reason), null);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            end(CloseStatus.abnormal("Connection broken: " + error), error);
        }
    }
}
